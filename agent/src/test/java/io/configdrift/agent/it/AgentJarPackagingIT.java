package io.configdrift.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/** The agent jar carries its libraries relocated, so it cannot clash with the application's. */
class AgentJarPackagingIT {
  /** A class of the agent's own in a class name or descriptor ({@code L...;} stops at the {@code ;}). */
  private static final Pattern OWN_CLASS_NAME = Pattern.compile("io/configdrift/[A-Za-z0-9_/$-]+");
  private static final String BOOTSTRAP_PACKAGE = "io/configdrift/agent/bootstrap/";
  /** Only data binding reads them, and the JVM ignores annotations whose type is absent. */
  private static final String LEFT_OUT_ANNOTATIONS = "io/configdrift/agent/shaded/jackson/annotation/";

  @Test
  void everyClassLivesUnderTheProjectsOwnPackage() throws IOException {
    try (JarFile jar = new JarFile(ChildJvm.agentJar().toFile())) {
      List<String> foreign = new ArrayList<>();
      for (ZipEntry entry : Collections.list(jar.entries())) {
        String name = entry.getName();
        if (name.endsWith(".class") && !name.startsWith("io/configdrift/") && !name.startsWith("META-INF/versions/")) {
          foreign.add(name);
        }
        if (name.startsWith("META-INF/versions/") && name.endsWith(".class")) {
          String inner = name.substring(name.indexOf('/', "META-INF/versions/".length()) + 1);
          if (!inner.startsWith("io/configdrift/")) {
            foreign.add(name);
          }
        }
      }
      assertThat(foreign).as("unrelocated third-party classes").isEmpty();
      assertThat(jar.getEntry("io/configdrift/protocol/Report.class"))
          .as("the protocol is relocated too: the application may carry its own version").isNull();
      assertThat(jar.getEntry("io/configdrift/agent/shaded/bytebuddy/ByteBuddy.class"))
          .as("only byte-buddy's ASM is carried").isNull();
      assertThat(jar.getEntry("io/configdrift/agent/shaded/jackson/databind/ObjectMapper.class"))
          .as("reports are written with the streaming generator alone").isNull();
      assertThat(jar.getEntry("io/configdrift/agent/shaded/jackson/core/JsonGenerator.class")).isNotNull();
    }
  }

  @Test
  void entriesAreStoredSoThatPremainInflatesNothing() throws IOException {
    try (JarFile jar = new JarFile(ChildJvm.agentJar().toFile())) {
      List<String> deflated = new ArrayList<>();
      for (ZipEntry entry : Collections.list(jar.entries())) {
        if (entry.getMethod() != ZipEntry.STORED) {
          deflated.add(entry.getName());
        }
      }
      assertThat(deflated).as("entries the boot class loader would inflate as it loads them").isEmpty();
    }
  }

  @Test
  void theManifestDeclaresAnAgentThatMayRetransform() throws IOException {
    try (JarFile jar = new JarFile(ChildJvm.agentJar().toFile())) {
      Attributes main = jar.getManifest().getMainAttributes();
      assertThat(main.getValue("Premain-Class")).isEqualTo("io.configdrift.agent.AgentMain");
      assertThat(main.getValue("Agent-Class")).isEqualTo("io.configdrift.agent.AgentMain");
      assertThat(main.getValue("Can-Retransform-Classes")).isEqualTo("true");
    }
  }

  /**
   * The whole jar goes on the boot class path, whose classes see only the JDK and each other: a
   * class that named one the jar does not have would fail where it is first used. The hooks that
   * JDK methods call name no other class of the agent, so that they stay small and safe to call
   * from anywhere.
   */
  @Test
  void everyClassNamesOnlyTheJdkAndTheJarAndTheHooksOnlyThemselves() throws IOException {
    Map<String, byte[]> classes = classesOfTheJar();
    assertThat(classes).containsKeys("io/configdrift/agent/bootstrap/ConfigReadHook.class",
        "io/configdrift/agent/shaded/bytebuddy/jar/asm/ClassReader.class");
    List<String> missing = new ArrayList<>();
    List<String> hooksReachingOut = new ArrayList<>();
    for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
      boolean hook = entry.getKey().startsWith(BOOTSTRAP_PACKAGE);
      for (String type : typesNamedBy(entry.getValue())) {
        Matcher named = OWN_CLASS_NAME.matcher(type);
        while (named.find()) {
          String reference = entry.getKey() + " -> " + named.group();
          if (!classes.containsKey(named.group() + ".class") && !named.group().startsWith(LEFT_OUT_ANNOTATIONS)) {
            missing.add(reference);
          }
          if (hook && !named.group().startsWith(BOOTSTRAP_PACKAGE)) {
            hooksReachingOut.add(reference);
          }
        }
      }
    }
    assertThat(missing).as("classes that name a class the jar does not have").isEmpty();
    assertThat(hooksReachingOut).as("bootstrap classes that name other classes of the agent").isEmpty();
  }

  /** The class names and member descriptors in a class file's constant pool. */
  private static List<String> typesNamedBy(byte[] classFile) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
    in.skipBytes(8); // magic, minor and major version
    int count = in.readUnsignedShort();
    String[] texts = new String[count];
    List<Integer> typeEntries = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> texts[i] = in.readUTF();
        case 7, 16 -> typeEntries.add(in.readUnsignedShort()); // Class, MethodType
        case 12 -> { // NameAndType: the name, then the descriptor
          in.readUnsignedShort();
          typeEntries.add(in.readUnsignedShort());
        }
        case 8, 19, 20 -> in.readUnsignedShort();
        case 15 -> in.skipBytes(3);
        case 3, 4, 9, 10, 11, 17, 18 -> in.readInt();
        case 5, 6 -> {
          in.readLong();
          i++; // longs and doubles take two entries
        }
        default -> throw new IOException("constant pool tag " + tag + " at entry " + i);
      }
    }
    List<String> types = new ArrayList<>();
    for (int entry : typeEntries) {
      types.add(texts[entry]);
    }
    return types;
  }

  /** The class files of the agent jar by entry name (multi-release versions are left out of it). */
  private static Map<String, byte[]> classesOfTheJar() throws IOException {
    Map<String, byte[]> classes = new HashMap<>();
    try (JarFile jar = new JarFile(ChildJvm.agentJar().toFile())) {
      for (ZipEntry entry : Collections.list(jar.entries())) {
        if (entry.getName().endsWith(".class")) {
          try (InputStream in = jar.getInputStream(entry)) {
            classes.put(entry.getName(), in.readAllBytes());
          }
        }
      }
    }
    return classes;
  }

  @Test
  void theAgentsOwnClassesConcatenateStringsWithoutInvokedynamic() throws IOException {
    // javac's default concatenation names this bootstrap method in the class's constant pool; the
    // agent is compiled with -XDstringConcat=inline so that premain links no method handles.
    List<String> own = new ArrayList<>();
    List<String> concatenating = new ArrayList<>();
    for (Map.Entry<String, byte[]> entry : classesOfTheJar().entrySet()) {
      String name = entry.getKey();
      if (name.startsWith("io/configdrift/agent/") && !name.startsWith("io/configdrift/agent/shaded/")) {
        own.add(name);
        if (new String(entry.getValue(), StandardCharsets.ISO_8859_1).contains("makeConcatWithConstants")) {
          concatenating.add(name);
        }
      }
    }
    assertThat(own).hasSizeGreaterThan(20);
    assertThat(concatenating).isEmpty();
  }
}
