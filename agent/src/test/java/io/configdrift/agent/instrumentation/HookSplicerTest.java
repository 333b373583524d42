package io.configdrift.agent.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.Test;

/**
 * The splicer against ASM, which wove these classes before it and is still its fallback: for the
 * classes the agent rewrites, and for every method returning an object in a few thousand classes
 * of real libraries, the splicer either declines or writes the same code ASM writes, and the
 * JVM's verifier accepts the result.
 */
class HookSplicerTest {
  private static final String OBSERVE = "(Ljava/lang/Object;)V";
  private static final String OBSERVE_WITH_THIS = "(Ljava/lang/Object;Ljava/lang/Object;)V";

  @Test
  void splicesTheJdkClassesTheAgentRewritesAsAsmDoes() throws IOException {
    for (Map.Entry<String, List<ReadHookPoint>> owner : ReadHookPoint.JDK_BY_OWNER.entrySet()) {
      byte[] original = classFile(ClassLoader.getSystemClassLoader(), owner.getKey());
      assertSplicedAsAsmWeaves(original, owner.getValue());
    }
  }

  @Test
  void declinesAMethodWithASwitchAndTheWeaverFallsBackToAsm() throws IOException {
    byte[] original = classFile(getClass().getClassLoader(), Switching.class.getName().replace('.', '/'));
    List<ReadHookPoint> points = List.of(ReadHookPoint.observe(Switching.class.getName().replace('.', '/'),
        "name", "(I)Ljava/lang/String;", "test", OBSERVE));
    assertThatThrownBy(() -> HookSplicer.splice(original, points)).isInstanceOf(HookSplicer.CannotSplice.class);
    byte[] woven = ReturnHookWeaver.weave(original, points);
    assertThat(woven).as("woven by ASM instead").isNotNull();
    assertThat(CodeListing.of(woven).lines).isEqualTo(CodeListing.of(ReturnHookWeaver.weaveWithAsm(original, points)).lines);
  }

  @Test
  void leavesAClassWithoutTheHookedMethodsAlone() throws Exception {
    byte[] original = classFile(getClass().getClassLoader(), Switching.class.getName().replace('.', '/'));
    assertThat(HookSplicer.splice(original, ReadHookPoint.FRAMEWORKS)).isNull();
  }

  /**
   * Every method returning an object in Jackson, okhttp and the Kotlin standard library (branches,
   * loops, handlers, long frames, uninitialised objects in frames), hooked in the three ways
   * the agent hooks methods, then defined and linked by the JVM, which verifies them.
   */
  @Test
  void splicesLibraryMethodsAsAsmDoesAndTheVerifierAcceptsThem() throws Exception {
    List<Path> jars = List.of(jarOf(com.fasterxml.jackson.core.JsonFactory.class),
        jarOf(com.fasterxml.jackson.databind.ObjectMapper.class), jarOf(com.fasterxml.jackson.annotation.JsonProperty.class),
        jarOf(okhttp3.OkHttpClient.class), jarOf(kotlin.collections.CollectionsKt.class));
    int spliced = 0;
    int declined = 0;
    int hookedMethods = 0;
    URL[] urls = new URL[jars.size()];
    for (int i = 0; i < urls.length; i++) {
      urls[i] = jars.get(i).toUri().toURL();
    }
    for (Path jar : jars) {
      try (JarFile file = new JarFile(jar.toFile())) {
        for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
          JarEntry entry = entries.nextElement();
          if (!entry.getName().endsWith(".class") || entry.getName().startsWith("META-INF/")
              || entry.getName().equals("module-info.class")) {
            continue;
          }
          byte[] original;
          try (InputStream in = file.getInputStream(entry)) {
            original = in.readAllBytes();
          }
          List<ReadHookPoint> points = pointsForEveryObjectReturningMethod(original);
          if (points.isEmpty()) {
            continue;
          }
          byte[] splice;
          try {
            splice = HookSplicer.splice(original, points);
          } catch (HookSplicer.CannotSplice e) {
            declined++;
            continue;
          }
          spliced++;
          hookedMethods += points.size();
          assertSame(original, splice, points);
          assertVerifies(urls, entry.getName(), original, splice);
        }
      }
    }
    // The counts docs/design.md quotes.
    System.out.printf("HookSplicerTest: spliced %d classes, %d methods; declined %d classes%n",
        spliced, hookedMethods, declined);
    assertThat(spliced).as("classes spliced (%d declined)", declined).isGreaterThan(1200);
    assertThat(declined).as("classes declined").isLessThan(spliced / 5);
    assertThat(hookedMethods).isGreaterThan(8000);
  }

  /**
   * What javac writes only in methods with more than 255 locals: {@code WIDE} loads, stores and
   * increments, here in a method built with ASM, with a branch over them to a second return.
   */
  @Test
  void splicesWideInstructionsAsAsmDoes() throws Exception {
    String owner = "io/configdrift/agent/instrumentation/Generated";
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL, owner, null, "java/lang/Object", null);
    MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "pick",
        "(Ljava/lang/String;I)Ljava/lang/String;", null, null);
    method.visitCode();
    method.visitVarInsn(Opcodes.ALOAD, 0);
    method.visitVarInsn(Opcodes.ASTORE, 300);
    method.visitInsn(Opcodes.ICONST_0);
    method.visitVarInsn(Opcodes.ISTORE, 301);
    Label far = new Label();
    method.visitVarInsn(Opcodes.ILOAD, 1);
    method.visitJumpInsn(Opcodes.IFEQ, far);
    method.visitIincInsn(301, 0xb0); // its last byte reads as ARETURN to a scan that misses the WIDE
    method.visitVarInsn(Opcodes.ALOAD, 300);
    method.visitInsn(Opcodes.ARETURN);
    method.visitLabel(far);
    Object[] locals = new Object[302];
    Arrays.fill(locals, Opcodes.TOP);
    locals[0] = "java/lang/String";
    locals[1] = Opcodes.INTEGER;
    locals[300] = "java/lang/String";
    locals[301] = Opcodes.INTEGER;
    method.visitFrame(Opcodes.F_FULL, locals.length, locals, 0, new Object[0]);
    method.visitLdcInsn("far");
    method.visitInsn(Opcodes.ARETURN);
    method.visitMaxs(0, 0);
    method.visitEnd();
    writer.visitEnd();
    byte[] original = writer.toByteArray();
    assertThat(CodeListing.of(original).lines).as("the generated code").contains("  iinc 301 176");

    List<ReadHookPoint> points = List.of(ReadHookPoint.observe(owner, "pick", "(Ljava/lang/String;I)Ljava/lang/String;",
        "test", OBSERVE));
    byte[] spliced = HookSplicer.splice(original, points);
    assertSame(original, spliced, points);
    assertThat(linkAlone(owner.replace('/', '.'), spliced)).isNull();
  }

  /** The check above can fail: a hook call whose argument types do not match does not verify. */
  @Test
  void theVerifierRejectsAHookCallOfTheWrongType() throws Exception {
    String owner = Switching.class.getName().replace('.', '/');
    byte[] original = classFile(getClass().getClassLoader(), owner);
    List<ReadHookPoint> intHook = List.of(ReadHookPoint.observe(owner, "same", "(Ljava/lang/String;)Ljava/lang/String;",
        "test", "(I)V"));
    URL[] own = {jarOf(Switching.class).toUri().toURL()};
    String name = Switching.class.getName();
    assertThat(link(own, name, original)).isNull();
    assertThat(link(own, name, HookSplicer.splice(original, intHook))).isInstanceOf(VerifyError.class);
  }

  private static void assertSplicedAsAsmWeaves(byte[] original, List<ReadHookPoint> points) {
    byte[] spliced;
    try {
      spliced = HookSplicer.splice(original, points);
    } catch (HookSplicer.CannotSplice e) {
      throw new AssertionError("declined: " + e.getMessage(), e);
    }
    assertThat(spliced).as("hooked").isNotNull();
    assertSame(original, spliced, points);
  }

  private static void assertSame(byte[] original, byte[] spliced, List<ReadHookPoint> points) {
    String name = new ClassReader(original).getClassName();
    CodeListing byAsm = CodeListing.of(ReturnHookWeaver.weaveWithAsm(original, points));
    CodeListing bySplicer = CodeListing.of(spliced);
    assertThat(bySplicer.lines).as(name).isEqualTo(byAsm.lines);
    for (int i = 0; i < byAsm.maxStacks.size(); i++) {
      assertThat(bySplicer.maxStacks.get(i)).as("%s: maximum stack of method %d", name, i)
          .isGreaterThanOrEqualTo(byAsm.maxStacks.get(i));
    }
  }

  /**
   * Defines the spliced class beside the rest of its library, in a class loader of its own, and
   * links it, which verifies it: if the original links, the spliced class must too.
   */
  private static void assertVerifies(URL[] jars, String entry, byte[] original, byte[] spliced) throws Exception {
    String name = entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
    Throwable originalFailure = link(jars, name, original);
    if (originalFailure == null) {
      assertThat(link(jars, name, spliced)).as(name).isNull();
    }
  }

  private static Throwable linkAlone(String name, byte[] classfile) throws IOException {
    return link(new URL[0], name, classfile);
  }

  private static Throwable link(URL[] jars, String name, byte[] classfile) throws IOException {
    try (URLClassLoader loader = new ReplacingLoader(jars, name, classfile)) {
      Class.forName(name, false, loader).getDeclaredMethods(); // links, so verifies, without initialising
      return null;
    } catch (LinkageError | ClassNotFoundException | RuntimeException e) {
      return e;
    }
  }

  /** The libraries' classes, except one whose bytes it is given. */
  private static final class ReplacingLoader extends URLClassLoader {
    private final String replaced;
    private final byte[] classfile;

    ReplacingLoader(URL[] jars, String replaced, byte[] classfile) {
      super(jars, ClassLoader.getPlatformClassLoader());
      this.replaced = replaced;
      this.classfile = classfile;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      return name.equals(replaced) ? defineClass(name, classfile, 0, classfile.length) : super.findClass(name);
    }
  }

  /** Hooks each method returning an object: observing with {@code this}, replacing, or marking a lookup, in turn. */
  private static List<ReadHookPoint> pointsForEveryObjectReturningMethod(byte[] classfile) {
    List<ReadHookPoint> points = new ArrayList<>();
    ClassReader reader = new ClassReader(classfile);
    String owner = reader.getClassName();
    reader.accept(new ClassVisitor(Opcodes.ASM9) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        String returned = descriptor.substring(descriptor.indexOf(')') + 1);
        boolean hasCode = (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0;
        if (hasCode && (returned.startsWith("L") || returned.startsWith("["))) {
          boolean isStatic = (access & Opcodes.ACC_STATIC) != 0;
          switch (points.size() % 3) {
            case 0:
              points.add(isStatic ? ReadHookPoint.observe(owner, name, descriptor, "test", OBSERVE)
                  : ReadHookPoint.observe(owner, name, descriptor, "test", OBSERVE_WITH_THIS, 0));
              break;
            case 1:
              points.add(ReadHookPoint.replace(owner, name, descriptor, "test", "(Ljava/lang/Object;)" + returned));
              break;
            default:
              points.add(ReadHookPoint.lookup(owner, name, descriptor, "test", OBSERVE));
          }
        }
        return null;
      }
    }, ClassReader.SKIP_CODE);
    return points;
  }

  private static byte[] classFile(ClassLoader loader, String internalName) throws IOException {
    try (InputStream in = loader.getResourceAsStream(internalName + ".class")) {
      return in.readAllBytes();
    }
  }

  private static Path jarOf(Class<?> type) throws Exception {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  /** A method the splicer declines: a {@code switch} whose padding would move. */
  static final class Switching {
    static String name(int day) {
      switch (day) {
        case 1: return "Monday";
        case 2: return "Tuesday";
        case 3: return "Wednesday";
        default: return "later";
      }
    }

    static String same(String text) {
      return text;
    }
  }
}
