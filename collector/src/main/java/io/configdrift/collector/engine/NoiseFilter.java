package io.configdrift.collector.engine;

import io.configdrift.collector.policy.KeyPattern;
import io.configdrift.collector.policy.NoiseSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * Keys that the operating system, the container runtime, Kubernetes, the JVM or observability
 * tooling set on every process. Nobody's code is expected to read them, and many differ per host
 * or pod by nature, so they never produce findings (except for an explicit policy rule); the
 * matrix still shows them, muted. A policy can add patterns or take built-in ones back.
 */
public final class NoiseFilter {
  /** Variables and properties set by the platform, not by the team. */
  public static final List<String> BUILT_IN = List.of(
      // POSIX shell and login
      "env:PATH", "env:HOME", "env:HOSTNAME", "env:LANG", "env:LANGUAGE", "env:LC_*", "env:TZ",
      "env:USER", "env:LOGNAME", "env:SHELL", "env:PWD", "env:OLDPWD", "env:SHLVL", "env:TERM",
      "env:TERM_*", "env:COLORTERM", "env:_", "env:MAIL", "env:TMPDIR", "env:TMP", "env:TEMP",
      "env:DISPLAY", "env:XDG_*", "env:SSH_*", "env:LS_COLORS", "env:HOSTTYPE", "env:OSTYPE",
      "env:MACHTYPE", "env:COLUMNS", "env:LINES", "env:LD_LIBRARY_PATH", "env:container",
      // JVM launch
      "env:JAVA_HOME", "env:JAVA_VERSION", "env:JAVA_TOOL_OPTIONS", "env:JDK_JAVA_OPTIONS",
      "env:JAVA_OPTS", "env:CLASSPATH",
      // Kubernetes service links and downward API
      "env:KUBERNETES_*", "env:*_SERVICE_HOST", "env:*_SERVICE_PORT", "env:*_SERVICE_PORT_*",
      "env:*_PORT_*_TCP*", "env:*_PORT_*_UDP*", "env:POD_NAME", "env:POD_NAMESPACE",
      "env:POD_IP", "env:NODE_NAME",
      // observability tooling and configdrift itself
      "env:OTEL_*", "env:CONFIGDRIFT_*", "sysprop:otel.*", "sysprop:configdrift.*",
      // system properties the JVM sets itself
      "sysprop:java.*", "sysprop:jdk.*", "sysprop:sun.*", "sysprop:os.*", "sysprop:user.*",
      "sysprop:file.*", "sysprop:line.separator", "sysprop:path.separator",
      "sysprop:native.encoding", "sysprop:stdout.encoding", "sysprop:stderr.encoding",
      "sysprop:awt.toolkit", "sysprop:com.sun.management.*", "sysprop:http.nonProxyHosts",
      "sysprop:ftp.nonProxyHosts", "sysprop:socksNonProxyHosts");

  /** {@link #BUILT_IN}, parsed once: the engine asks for a filter on every comparison. */
  private static final List<KeyPattern> BUILT_IN_PATTERNS = parse(BUILT_IN);

  private final List<KeyPattern> noise;
  private final List<KeyPattern> except;

  private NoiseFilter(List<KeyPattern> noise, List<KeyPattern> except) {
    this.noise = noise;
    this.except = except;
  }

  public static NoiseFilter builtIn() {
    return with(NoiseSettings.none());
  }

  /** The built-in list, plus {@code settings.add()}, minus {@code settings.except()}. */
  public static NoiseFilter with(NoiseSettings settings) {
    List<KeyPattern> noise = new ArrayList<>(BUILT_IN_PATTERNS);
    noise.addAll(settings.add());
    return new NoiseFilter(List.copyOf(noise), settings.except());
  }

  private static List<KeyPattern> parse(List<String> patterns) {
    List<KeyPattern> parsed = new ArrayList<>(patterns.size());
    for (String pattern : patterns) {
      parsed.add(KeyPattern.parse(pattern));
    }
    return List.copyOf(parsed);
  }

  public boolean isNoise(String source, String key) {
    return KeyPattern.anyMatches(noise, source, key) && !KeyPattern.anyMatches(except, source, key);
  }
}
