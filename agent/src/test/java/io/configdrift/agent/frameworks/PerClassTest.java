package io.configdrift.agent.frameworks;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Each class gets its own value, worked out once, however the classes asked about alternate, and
 * remembering the recent ones keeps no class loader alive.
 */
class PerClassTest {
  private final AtomicInteger computed = new AtomicInteger();
  private final PerClass<String> simpleNames = new PerClass<String>() {
    @Override
    protected String compute(Class<?> type) {
      computed.incrementAndGet();
      if (type == Void.class) {
        throw new IllegalStateException("a class this agent cannot handle");
      }
      return type.getSimpleName();
    }
  };

  @Test
  void eachClassGetsItsOwnValueHoweverTheyAlternate() {
    List<Class<?>> types = List.of(String.class, Integer.class, Long.class, Short.class, Byte.class,
        Double.class, Float.class, Character.class);
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < types.size(); i++) {
        // Two, then all eight: fewer than the remembered classes, then more.
        for (Class<?> type : types.subList(0, i < 4 ? 2 : types.size())) {
          assertThat(simpleNames.get(type)).isEqualTo(type.getSimpleName());
        }
      }
    }
    assertThat(computed).as("worked out once per class").hasValue(types.size());
  }

  @Test
  void aClassItCannotHandleIsNullAndTriedOnce() {
    assertThat(simpleNames.get(Void.class)).isNull();
    assertThat(simpleNames.get(String.class)).isEqualTo("String");
    assertThat(simpleNames.get(Void.class)).isNull();
    assertThat(simpleNames.forInstance(null)).isNull();
    assertThat(computed).hasValue(2);
  }

  @Test
  void keepsNoClassLoaderAlive() throws Exception {
    WeakReference<ClassLoader> loader = askAboutAClassOfItsOwnLoader();
    for (int attempt = 0; attempt < 50 && loader.get() != null; attempt++) {
      System.gc();
      Thread.sleep(20);
    }
    assertThat(loader.get()).as("the class loader of a class asked about, once unreachable").isNull();
    assertThat(simpleNames.get(String.class)).isEqualTo("String");
  }

  private WeakReference<ClassLoader> askAboutAClassOfItsOwnLoader() throws Exception {
    URL classes = Path.of(PerClassTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toUri().toURL();
    try (URLClassLoader isolated = new URLClassLoader(new URL[] {classes}, null)) {
      Class<?> type = isolated.loadClass(GetterTest.Named.class.getName());
      assertThat(type.getClassLoader()).isSameAs(isolated);
      assertThat(simpleNames.get(type)).isEqualTo("Named");
      return new WeakReference<>(isolated);
    }
  }
}
