#!/usr/bin/env bash
# Start-up of the Spring Boot test application (fixtures/spring-app) without an agent, with an
# agent that does nothing (the JVM's own cost of -javaagent), with an agent that only registers a
# class file transformer that changes nothing (the JVM's cost of showing every class load to an
# agent, which any agent that instruments classes as they load pays), with the configdrift agent, with the
# OpenTelemetry Java agent, and with both at once. Each run starts a fresh JVM and is timed until
# the application has printed its resolved configuration (it then exits); the CPU time the whole
# run used (user + system, all threads) is taken too, since it moves less than wall time on a
# shared machine. The six variants take turns, RUNS times each, and the medians are printed.
# Usage: benchmarks/spring-startup.sh [RUNS] [SPRING_BOOT_MAJOR: 3 or 4]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-15}
fixture=fixtures/spring-boot-${2:-3}

if [ ! -f agent/target/configdrift-agent.jar ] || [ ! -f "$fixture/target/application.classpath" ]; then
  mvn -B -q -DskipTests -DskipITs package -pl protocol,agent,fixtures/spring-app,"$fixture"
fi
otel=benchmarks/target/opentelemetry-javaagent.jar
if [ ! -f "$otel" ]; then
  version=$(sed -n 's:.*<opentelemetry-javaagent.version>\(.*\)</opentelemetry-javaagent.version>.*:\1:p' fixtures/spring-app/pom.xml)
  mvn -B -q -N dependency:copy -Dartifact="io.opentelemetry.javaagent:opentelemetry-javaagent:$version" \
    -DoutputDirectory=benchmarks/target -Dmdep.stripVersion=true
fi

# The JVM's own cost of any -javaagent: an agent whose premain does nothing.
noop=benchmarks/target/noop-agent.jar
if [ ! -f "$noop" ]; then
  noop_src=$(mktemp -d)
  printf 'public final class NoopAgent { public static void premain(String a, java.lang.instrument.Instrumentation i) {} }\n' \
    >"$noop_src/NoopAgent.java"
  printf 'Premain-Class: NoopAgent\n' >"$noop_src/manifest"
  javac -d "$noop_src" "$noop_src/NoopAgent.java" && jar cfm "$noop" "$noop_src/manifest" -C "$noop_src" NoopAgent.class
  rm -rf "$noop_src"
fi
# The JVM's cost of a transformer: an agent that registers one (retransform-capable, as configdrift's) that returns null.
watcher=benchmarks/target/transformer-only-agent.jar
if [ ! -f "$watcher" ]; then
  watcher_src=$(mktemp -d)
  cat >"$watcher_src/TransformerOnlyAgent.java" <<'JAVA'
public final class TransformerOnlyAgent {
  public static void premain(String arguments, java.lang.instrument.Instrumentation instrumentation) {
    instrumentation.addTransformer(new java.lang.instrument.ClassFileTransformer() {}, true);
  }
}
JAVA
  printf 'Premain-Class: TransformerOnlyAgent\nCan-Retransform-Classes: true\n' >"$watcher_src/manifest"
  javac -d "$watcher_src" "$watcher_src/TransformerOnlyAgent.java" \
    && jar cfm "$watcher" "$watcher_src/manifest" -C "$watcher_src" TransformerOnlyAgent.class \
      -C "$watcher_src" 'TransformerOnlyAgent$1.class'
  rm -rf "$watcher_src"
fi

export SPRING_PROFILES_ACTIVE=production DATABASE_POOL_SIZE=10 CONFIGDRIFT_FINGERPRINT_KEY=benchmark-key
export OTEL_TRACES_EXPORTER=none OTEL_METRICS_EXPORTER=none OTEL_LOGS_EXPORTER=none
classpath="$fixture/target/classes:$(cat "$fixture/target/application.classpath")"
report="$PWD/benchmarks/target/spring-startup-report.json"
configdrift="-javaagent:$PWD/agent/target/configdrift-agent.jar=service=startup,interval=3600,file=$report"

python3 - "$runs" "$classpath" "$configdrift" "-javaagent:$PWD/$otel" "-javaagent:$PWD/$noop" "-javaagent:$PWD/$watcher" <<'PY'
import os, statistics, subprocess, sys, time

runs, classpath, configdrift, otel, noop, watcher = int(sys.argv[1]), *sys.argv[2:7]
app = ["-Dpayment.timeout=45", "-cp", classpath, "io.configdrift.fixture.spring.DriftApplication",
       "--feature.new-checkout=true"]
variants = {"no agent": [], "no-op agent": [noop], "transformer-only agent": [watcher], "configdrift": [configdrift], "OpenTelemetry": [otel],
            "OpenTelemetry + configdrift": [otel, configdrift]}

def run(agents):
    """(ms from launch until the application printed its last configuration line, CPU ms of the run)."""
    start = time.perf_counter()
    process = subprocess.Popen(["java", "-Xshare:auto", *agents, *app], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
    started = None
    for line in process.stdout:
        if line.startswith("active profiles"):
            started = (time.perf_counter() - start) * 1000
    _, status, usage = os.wait4(process.pid, 0)
    if status != 0 or started is None:
        sys.exit(f"the application failed with {agents}")
    return started, (usage.ru_utime + usage.ru_stime) * 1000

for agents in variants.values():  # warm the page cache once per variant
    run(agents)
samples = {name: [] for name in variants}
for _ in range(runs):
    for name, agents in variants.items():
        samples[name].append(run(agents))
wall = {name: statistics.median(s[0] for s in runs_) for name, runs_ in samples.items()}
cpu = {name: statistics.median(s[1] for s in runs_) for name, runs_ in samples.items()}

def added(median, name, base):
    return f"{median[name] - median[base]:+.0f} ms ({(median[name] / median[base] - 1) * 100:+.1f} %)"

print(f"| variant ({runs} runs each) | start-up, median (ms) | the agent adds | CPU of the run, median (ms) | the agent adds |")
print("| --- | ---: | ---: | ---: | ---: |")
for name, base in (("no agent", None), ("no-op agent", "no agent"), ("transformer-only agent", "no agent"),
                   ("configdrift", "no agent"), ("OpenTelemetry", None),
                   ("OpenTelemetry + configdrift", "OpenTelemetry")):
    print(f"| {name} | {wall[name]:.0f} | {added(wall, name, base) if base else ''} "
          f"| {cpu[name]:.0f} | {added(cpu, name, base) if base else ''} |")
PY
