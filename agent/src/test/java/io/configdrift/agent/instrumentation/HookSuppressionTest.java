package io.configdrift.agent.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.configdrift.agent.bootstrap.ConfigReadHook;
import io.configdrift.agent.bootstrap.ReadListener;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import net.bytebuddy.jar.asm.Type;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * In the spirit of Elastic's AdviceExceptionSupressingTest: the code the agent adds to JDK and
 * framework methods calls only {@link ConfigReadHook}, and every hook method swallows whatever goes
 * wrong behind it.
 */
class HookSuppressionTest {
  private final Properties systemLike = new Properties();

  @AfterEach
  void uninstall() {
    ConfigReadHook.install(null, null);
    ConfigReadHook.installLogical(null);
    // Ends a lookup a test started without its hook, as the next lookup of an application would.
    ConfigReadHook.springResolver(null, null, null);
  }

  @Test
  void everyHookPointCallsAnExistingPublicStaticHookMethod() throws Exception {
    List<ReadHookPoint> all = new ArrayList<>(ReadHookPoint.JDK);
    all.addAll(ReadHookPoint.FRAMEWORKS);
    for (ReadHookPoint point : all) {
      Method hook = findHook(point.hookName, point.hookDescriptor);
      assertThat(Modifier.isStatic(hook.getModifiers()) && Modifier.isPublic(hook.getModifiers()))
          .as(point.hookName).isTrue();
      Type returned = Type.getReturnType(point.hookDescriptor);
      Type original = Type.getReturnType(point.descriptor);
      assertThat(point.replacesResult ? returned : Type.VOID_TYPE)
          .as("%s returns the method's type when it replaces the result, else nothing", point.hookName)
          .isEqualTo(point.replacesResult ? original : returned);
    }
  }

  @Test
  void everyHookMethodSwallowsWhatTheListenerThrows() throws Exception {
    ReadListener failing = new ReadListener() {
      @Override
      public void onRead(int source, String key, String value) {
        throw new IllegalStateException("listener failure");
      }

      @Override
      public void onFrameworkRead(int source, String key, String value) {
        throw new IllegalStateException("listener failure");
      }

      @Override
      public void onDefault(int source, String key, String defaultValue) {
        throw new OutOfMemoryError("listener failure");
      }
    };
    ConfigReadHook.install(failing, systemLike);
    ConfigReadHook.installLogical((hookPoint, owner, key, result, detail) -> {
      throw new StackOverflowError("logical listener failure");
    });
    for (Method hook : ConfigReadHook.class.getDeclaredMethods()) {
      if (!Modifier.isPublic(hook.getModifiers()) || hook.getName().startsWith("install")
          || hook.getName().endsWith("Ignore") || hook.getName().equals("ignoreCurrentThread")) {
        continue;
      }
      Object[] arguments = sampleArguments(hook.getParameterTypes());
      assertThatCode(() -> hook.invoke(null, arguments)).as(hook.getName()).doesNotThrowAnyException();
    }
  }

  @Test
  void theEnvironmentWrapperRecordsLookupsButNotIteration() {
    RecordingListener listener = new RecordingListener();
    ConfigReadHook.install(listener, systemLike);
    Map<String, String> env = ConfigReadHook.environment(Map.of("A", "1", "B", "2"));
    assertThat(env.get("A")).isEqualTo("1");
    assertThat(env.getOrDefault("C", "3")).isEqualTo("3");
    assertThat(env.containsKey("B")).isTrue();
    env.forEach((k, v) -> { });
    assertThat(env.entrySet()).hasSize(2);
    assertThat(listener.events).containsExactly("read env A=1", "read env C=null", "default env C=3", "read env B=2");
  }

  @Test
  void onlyTheSystemPropertiesObjectCounts() {
    RecordingListener listener = new RecordingListener();
    ConfigReadHook.install(listener, systemLike);
    ConfigReadHook.property("v", new Properties(), "other");
    ConfigReadHook.property("v", systemLike, "mine");
    assertThat(listener.events).containsExactly("read sysprop mine=v");
  }

  @Test
  void readsCausedByTheListenerAreNotRecorded() {
    RecordingListener listener = new RecordingListener() {
      @Override
      public void onRead(int source, String key, String value) {
        super.onRead(source, key, value);
        ConfigReadHook.env("nested", "NESTED");
      }
    };
    ConfigReadHook.install(listener, systemLike);
    ConfigReadHook.env("1", "OUTER");
    assertThat(listener.events).containsExactly("read env OUTER=1");
  }

  @Test
  void everyFrameworkHookPointReachesTheLogicalListener() {
    java.util.List<String> events = new java.util.ArrayList<>();
    ConfigReadHook.installLogical((hookPoint, owner, key, result, detail) ->
        events.add(hookPoint + " " + owner + " " + key + "=" + result + (detail == null ? "" : " " + detail)));
    ConfigReadHook.springResolver("20", "resolver", "a");
    ConfigReadHook.bootResolver("10", "environment", "b");
    ConfigReadHook.bootBinder("property", "binder", "c", "target");
    ConfigReadHook.smallRyeConfig("configValue", "config", "d");
    assertThat(events).containsExactly("0 resolver a=20", "1 environment b=10", "2 binder c=property target",
        "3 config d=configValue");
  }

  @Test
  void anOuterResolverThatDelegatedTheSameLookupIsNotASecondRead() {
    java.util.List<String> events = new java.util.ArrayList<>();
    ConfigReadHook.installLogical((hookPoint, owner, key, result, detail) -> events.add(owner + " " + key + "=" + result));
    String key = "database.pool-size";
    // Boot's resolver falls back to a Spring resolver: the inner one returns (and reports) first.
    ConfigReadHook.springResolver("10", "inner", key);
    ConfigReadHook.bootResolver("10", "outer", key);
    // The same resolver asked again is a second read, as is the outer one asked directly.
    ConfigReadHook.bootResolver("10", "outer", key);
    ConfigReadHook.bootResolver("10", "outer", key);
    // An inner miss that the outer resolver answered from a source of its own is the outer's read too.
    ConfigReadHook.springResolver(null, "inner", "local.only");
    ConfigReadHook.springResolver("x", "placeholder-resolver", "local.only");
    assertThat(events).containsExactly("inner database.pool-size=10", "outer database.pool-size=10",
        "outer database.pool-size=10", "inner local.only=null", "placeholder-resolver local.only=x");
  }

  @Test
  void jdkReadsBetweenALookupsStartAndItsHookAreTheFrameworks() {
    RecordingListener jdkReads = new RecordingListener();
    ConfigReadHook.install(jdkReads, systemLike);
    ConfigReadHook.installLogical((hookPoint, owner, key, result, detail) -> { });
    ConfigReadHook.env("1", "BEFORE");
    ConfigReadHook.lookupStarts();
    ConfigReadHook.env("10", "DATABASE_POOL_SIZE");
    ConfigReadHook.bootResolver("10", "environment", "database.pool-size");
    ConfigReadHook.env("2", "AFTER");
    // A lookup that threw never reached its hook: the next lookup's hook ends it.
    ConfigReadHook.lookupStarts();
    ConfigReadHook.lookupStarts();
    ConfigReadHook.property("3", systemLike, "during.a.failed.lookup");
    ConfigReadHook.springResolver(null, "resolver", "next.lookup");
    ConfigReadHook.property("4", systemLike, "app.key");
    assertThat(jdkReads.events).containsExactly("read env BEFORE=1", "framework env DATABASE_POOL_SIZE=10",
        "read env AFTER=2", "framework sysprop during.a.failed.lookup=3", "read sysprop app.key=4");
  }

  @Test
  void logicalReadsCausedByTheListenerAreNotRecorded() {
    java.util.List<String> events = new java.util.ArrayList<>();
    RecordingListener jdkReads = new RecordingListener();
    ConfigReadHook.install(jdkReads, systemLike);
    ConfigReadHook.installLogical((hookPoint, owner, key, result, detail) -> {
      events.add(String.valueOf(key));
      // What the recorder's own look-ups of other sources cause: framework and JDK reads.
      ConfigReadHook.bootResolver("v", "environment", "nested.key");
      ConfigReadHook.env("v", "NESTED_KEY");
    });
    ConfigReadHook.springResolver("1", "resolver", "outer.key");
    assertThat(events).containsExactly("outer.key");
    assertThat(jdkReads.events).isEmpty();
  }

  private static Method findHook(String name, String descriptor) {
    for (Method method : ConfigReadHook.class.getMethods()) {
      if (method.getName().equals(name) && Type.getMethodDescriptor(method).equals(descriptor)) {
        return method;
      }
    }
    throw new AssertionError("ConfigReadHook has no method " + name + descriptor);
  }

  private static Object[] sampleArguments(Class<?>[] types) {
    Object[] out = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      Class<?> type = types[i];
      out[i] = type == int.class ? 1 : type == long.class ? 1L : type == Map.class ? Map.of("K", "V") : "K";
    }
    return out;
  }

  private static class RecordingListener implements ReadListener {
    final java.util.List<String> events = new java.util.ArrayList<>();

    @Override
    public void onRead(int source, String key, String value) {
      events.add("read " + (source == SOURCE_ENV ? "env" : "sysprop") + " " + key + "=" + value);
    }

    @Override
    public void onFrameworkRead(int source, String key, String value) {
      events.add("framework " + (source == SOURCE_ENV ? "env" : "sysprop") + " " + key + "=" + value);
    }

    @Override
    public void onDefault(int source, String key, String defaultValue) {
      events.add("default " + (source == SOURCE_ENV ? "env" : "sysprop") + " " + key + "=" + defaultValue);
    }
  }
}
