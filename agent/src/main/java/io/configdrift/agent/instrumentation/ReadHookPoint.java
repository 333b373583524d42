package io.configdrift.agent.instrumentation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One method that reads configuration (in the JDK or in a framework), and the
 * {@code ConfigReadHook} method to call with its result just before it returns. The hook receives
 * the returned value first, then the arguments named by {@link #arguments} (0 = {@code this} for
 * instance methods, as in the local variable table).
 */
final class ReadHookPoint {
  static final String HOOK_OWNER = "io/configdrift/agent/bootstrap/ConfigReadHook";
  /** The JVM's load instructions, in their opcode order: the hook's arguments are loaded with them. */
  static final int ILOAD = 21;
  private static final int LLOAD = 22;
  private static final int FLOAD = 23;
  private static final int DLOAD = 24;
  private static final int ALOAD = 25;
  /** {@code ILOAD_0}: the short forms follow, four per type (locals 0 to 3), in the same type order. */
  static final int ILOAD_0 = 26;
  /** Where {@code System.getenv} looks variables up. */
  static final String PROCESS_ENVIRONMENT = "java/lang/ProcessEnvironment";

  /**
   * Every configuration read the agent intercepts in the JDK; see docs/design.md for why these.
   * {@code System.getenv} is a thin front of {@code ProcessEnvironment}, a much smaller class to
   * rewrite at start-up than {@code System}.
   */
  static final List<ReadHookPoint> JDK = List.of(
      observe(PROCESS_ENVIRONMENT, "getenv", "(Ljava/lang/String;)Ljava/lang/String;",
          "env", "(Ljava/lang/String;Ljava/lang/String;)V", 0),
      replace(PROCESS_ENVIRONMENT, "getenv", "()Ljava/util/Map;",
          "environment", "(Ljava/util/Map;)Ljava/util/Map;"),
      observe("java/util/Properties", "getProperty", "(Ljava/lang/String;)Ljava/lang/String;",
          "property", "(Ljava/lang/String;Ljava/lang/Object;Ljava/lang/String;)V", 0, 1),
      observe("java/util/Properties", "getProperty",
          "(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;",
          "propertyDefault", "(Ljava/lang/String;Ljava/lang/Object;Ljava/lang/String;Ljava/lang/String;)V", 0, 1, 2),
      observe("java/util/Properties", "get", "(Ljava/lang/Object;)Ljava/lang/Object;",
          "propertyGet", "(Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Object;)V", 0, 1),
      observe("java/lang/Integer", "getInteger", "(Ljava/lang/String;I)Ljava/lang/Integer;",
          "intDefault", "(Ljava/lang/Object;Ljava/lang/String;I)V", 0, 1),
      observe("java/lang/Integer", "getInteger", "(Ljava/lang/String;Ljava/lang/Integer;)Ljava/lang/Integer;",
          "objectDefault", "(Ljava/lang/Object;Ljava/lang/String;Ljava/lang/Object;)V", 0, 1),
      observe("java/lang/Long", "getLong", "(Ljava/lang/String;J)Ljava/lang/Long;",
          "longDefault", "(Ljava/lang/Object;Ljava/lang/String;J)V", 0, 1),
      observe("java/lang/Long", "getLong", "(Ljava/lang/String;Ljava/lang/Long;)Ljava/lang/Long;",
          "objectDefault", "(Ljava/lang/Object;Ljava/lang/String;Ljava/lang/Object;)V", 0, 1));

  private static final String LOGICAL_READ = "(Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/String;)V";
  private static final String SPRING_GET_PROPERTY = "(Ljava/lang/String;Ljava/lang/Class;Z)Ljava/lang/Object;";
  private static final String BOOT_SOURCE = "org/springframework/boot/context/properties/source/";
  private static final String BOOT_BIND = "org/springframework/boot/context/properties/bind/";

  /**
   * The framework methods every logical read of a key goes through, matched by class name as those
   * classes load; docs/frameworks.md says why these. The hooks get {@code this}, the key and the
   * result, and the recorder inspects them by reflection. Each method also says when it starts, so
   * that the JDK-level reads the framework makes meanwhile are known as the framework's.
   */
  static final List<ReadHookPoint> FRAMEWORKS = List.of(
      lookup("org/springframework/core/env/PropertySourcesPropertyResolver", "getProperty", SPRING_GET_PROPERTY,
          "springResolver", LOGICAL_READ, 0, 1),
      lookup(BOOT_SOURCE + "ConfigurationPropertySourcesPropertyResolver", "getProperty", SPRING_GET_PROPERTY,
          "bootResolver", LOGICAL_READ, 0, 1),
      lookup(BOOT_BIND + "Binder", "findProperty",
          "(L" + BOOT_SOURCE + "ConfigurationPropertyName;L" + BOOT_BIND + "Bindable;L" + BOOT_BIND + "Binder$Context;)L"
              + BOOT_SOURCE + "ConfigurationProperty;",
          "bootBinder", "(Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Object;)V", 0, 1, 2),
      lookup("io/smallrye/config/SmallRyeConfig", "getConfigValue", "(Ljava/lang/String;)Lio/smallrye/config/ConfigValue;",
          "smallRyeConfig", LOGICAL_READ, 0, 1));
  /** Called at the start of each method in {@link #FRAMEWORKS}. */
  static final String LOOKUP_STARTS = "lookupStarts";
  static final String LOOKUP_STARTS_DESCRIPTOR = "()V";

  /** {@link #JDK} by the internal name of the class they are in. */
  static final Map<String, List<ReadHookPoint>> JDK_BY_OWNER = byOwner(JDK);
  /** {@link #FRAMEWORKS} by the internal name of the class they are in. */
  private static final Map<String, List<ReadHookPoint>> FRAMEWORKS_BY_OWNER = byOwner(FRAMEWORKS);
  /** Lengths of those names: every class that loads is looked up, and most are ruled out without hashing the name. */
  private static final boolean[] FRAMEWORK_OWNER_LENGTHS = lengths(FRAMEWORKS_BY_OWNER.keySet());

  final String owner;
  final String name;
  final String descriptor;
  final String hookName;
  final String hookDescriptor;
  /** True when the hook's result replaces the returned value; false when it only observes it. */
  final boolean replacesResult;
  final int[] arguments;
  /** True for a framework's logical read, whose start is marked too. */
  final boolean marksLookup;
  /** The JVM's load instruction (ILOAD, LLOAD, FLOAD, DLOAD or ALOAD) for each of {@link #arguments}. */
  final int[] argumentLoads;
  /** How many more operand stack slots the hook call needs than the return it precedes. */
  final int extraStack;

  private ReadHookPoint(String owner, String name, String descriptor, String hookName,
      String hookDescriptor, boolean replacesResult, int[] arguments, boolean marksLookup) {
    this.owner = owner;
    this.name = name;
    this.descriptor = descriptor;
    this.hookName = hookName;
    this.hookDescriptor = hookDescriptor;
    this.replacesResult = replacesResult;
    this.arguments = arguments;
    this.marksLookup = marksLookup;
    this.argumentLoads = argumentLoads(hookDescriptor, arguments.length);
    int slots = replacesResult ? 0 : 1; // the copy of the result the hook observes
    for (int load : argumentLoads) {
      slots += load == LLOAD || load == DLOAD ? 2 : 1;
    }
    this.extraStack = slots;
  }

  /**
   * The hook's parameter i + 1 receives local variable {@code arguments[i]}; its type picks the
   * load. Read from the descriptor here, without ASM, which premain then need not load.
   */
  private static int[] argumentLoads(String hookDescriptor, int count) {
    int[] loads = new int[count];
    int at = 1;
    for (int parameter = 0; parameter <= count; parameter++) {
      char type = hookDescriptor.charAt(at);
      int load = type == 'J' ? LLOAD : type == 'F' ? FLOAD : type == 'D' ? DLOAD
          : type == 'L' || type == '[' ? ALOAD : ILOAD;
      while (hookDescriptor.charAt(at) == '[') {
        at++;
      }
      at = hookDescriptor.charAt(at) == 'L' ? hookDescriptor.indexOf(';', at) + 1 : at + 1;
      if (parameter > 0) {
        loads[parameter - 1] = load;
      }
    }
    return loads;
  }

  static ReadHookPoint observe(String owner, String name, String descriptor, String hookName,
      String hookDescriptor, int... arguments) {
    return new ReadHookPoint(owner, name, descriptor, hookName, hookDescriptor, false, arguments, false);
  }

  static ReadHookPoint replace(String owner, String name, String descriptor, String hookName,
      String hookDescriptor) {
    return new ReadHookPoint(owner, name, descriptor, hookName, hookDescriptor, true, new int[0], false);
  }

  static ReadHookPoint lookup(String owner, String name, String descriptor, String hookName,
      String hookDescriptor, int... arguments) {
    return new ReadHookPoint(owner, name, descriptor, hookName, hookDescriptor, false, arguments, true);
  }

  /** Plain loops: this runs in premain, where each lambda costs a generated class (see PerClass). */
  private static Map<String, List<ReadHookPoint>> byOwner(List<ReadHookPoint> points) {
    Map<String, List<ReadHookPoint>> byOwner = new HashMap<>();
    for (ReadHookPoint point : points) {
      List<ReadHookPoint> ownPoints = byOwner.get(point.owner);
      if (ownPoints == null) {
        ownPoints = new ArrayList<>();
        byOwner.put(point.owner, ownPoints);
      }
      ownPoints.add(point);
    }
    for (Map.Entry<String, List<ReadHookPoint>> entry : byOwner.entrySet()) {
      entry.setValue(List.copyOf(entry.getValue()));
    }
    return Map.copyOf(byOwner);
  }

  /** The internal names of the framework classes that have hook points. */
  static Set<String> frameworkClasses() {
    return FRAMEWORKS_BY_OWNER.keySet();
  }

  /** The framework hook points in the class of this internal name; null for almost every class. */
  static List<ReadHookPoint> inFrameworkClass(String className) {
    int length = className.length();
    return length < FRAMEWORK_OWNER_LENGTHS.length && FRAMEWORK_OWNER_LENGTHS[length]
        ? FRAMEWORKS_BY_OWNER.get(className) : null;
  }

  /** A plain array rather than a BitSet, whose lookup costs more while the JVM still interprets. */
  private static boolean[] lengths(Iterable<String> names) {
    int longest = 0;
    for (String name : names) {
      longest = Math.max(longest, name.length());
    }
    boolean[] lengths = new boolean[longest + 1];
    for (String name : names) {
      lengths[name.length()] = true;
    }
    return lengths;
  }

  boolean matches(String methodName, String methodDescriptor) {
    return name.equals(methodName) && descriptor.equals(methodDescriptor);
  }
}
