package io.configdrift.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/** The agent jar carries its libraries relocated, so it cannot clash with the application's. */
class AgentJarPackagingIT {
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
      assertThat(jar.getEntry("io/configdrift/agent/shaded/bytebuddy/jar/asm/ClassReader.class")).isNotNull();
      assertThat(jar.getEntry("io/configdrift/protocol/Report.class"))
          .as("the protocol is relocated too: the application may carry its own version").isNull();
      assertThat(jar.getEntry("io/configdrift/agent/shaded/bytebuddy/ByteBuddy.class"))
          .as("only byte-buddy's ASM is carried").isNull();
      assertThat(jar.getEntry("io/configdrift/agent/shaded/jackson/databind/ObjectMapper.class"))
          .as("reports are written with the streaming generator alone").isNull();
      assertThat(jar.getEntry("io/configdrift/agent/shaded/jackson/core/JsonGenerator.class")).isNotNull();
      assertThat(jar.getEntry("io/configdrift/agent/bootstrap/ConfigReadHook.class"))
          .as("bootstrap classes exist once, in the nested jar for the boot class path").isNull();
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

  @Test
  void theNestedBootstrapJarHoldsOnlyTheBootstrapPackage() throws IOException {
    try (JarFile jar = new JarFile(ChildJvm.agentJar().toFile());
        InputStream nested = jar.getInputStream(jar.getEntry("configdrift-bootstrap.jar"));
        JarInputStream bootstrap = new JarInputStream(nested)) {
      List<String> classes = new ArrayList<>();
      for (ZipEntry entry = bootstrap.getNextEntry(); entry != null; entry = bootstrap.getNextEntry()) {
        if (entry.getName().endsWith(".class")) {
          classes.add(entry.getName());
        }
      }
      assertThat(classes).isNotEmpty().allSatisfy(c -> assertThat(c).startsWith("io/configdrift/agent/bootstrap/"));
    }
  }

  @Test
  void theAgentsOwnClassesConcatenateStringsWithoutInvokedynamic() throws IOException {
    // javac's default concatenation names this bootstrap method in the class's constant pool; the
    // agent is compiled with -XDstringConcat=inline so that premain links no method handles.
    try (JarFile jar = new JarFile(ChildJvm.agentJar().toFile())) {
      List<String> own = new ArrayList<>();
      List<String> concatenating = new ArrayList<>();
      for (ZipEntry entry : Collections.list(jar.entries())) {
        String name = entry.getName();
        if (name.startsWith("io/configdrift/agent/") && !name.startsWith("io/configdrift/agent/shaded/")
            && name.endsWith(".class")) {
          own.add(name);
          try (InputStream in = jar.getInputStream(entry)) {
            if (new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).contains("makeConcatWithConstants")) {
              concatenating.add(name);
            }
          }
        }
      }
      assertThat(own).hasSizeGreaterThan(20);
      assertThat(concatenating).isEmpty();
    }
  }
}
