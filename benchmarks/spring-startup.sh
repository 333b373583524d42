#!/usr/bin/env bash
# Start-up of the Spring Boot test application (fixtures/spring-app) without an agent, with an
# agent that does nothing (the JVM's own cost of -javaagent), with an agent that only registers a
# transformer that changes nothing (what any agent that rewrites classes as they load pays), with
# an agent that only appends its jar to the boot class path (as configdrift's premain does), with
# the configdrift agent, with the OpenTelemetry Java agent, and with both at once; and the no-op and
# configdrift agents named as -agentlib:instrument=JAR instead of -javaagent:JAR (the same agent
# without -javaagent's implied --add-modules java.instrument). Each run starts
# a fresh JVM and is timed until the application has printed its resolved configuration (it then
# exits); the CPU time the whole run used (user + system, all threads) is taken too, since it
# moves less than wall time on a shared machine, and the JVM's own start-up log gives the time
# until main (Create VM, which includes every agent's premain) and the module system's share of it.
# At the moment the application is ready, the main thread's CPU time is read from /proc: the
# start-up is that thread's work, and its CPU time does not count the time it waited for a core.
# That waiting time (runnable, but the cores busy with other threads: the JIT's, GC's, an agent's)
# is read too, from /proc/PID/task/TID/schedstat, which also gives the CPU time in nanoseconds
# rather than clock ticks; wall time is about the two together. So is the CPU time the JIT's
# compiler threads used until then: on a small machine they compete with the main thread for a
# core, so an agent that makes the JIT compile more slows the start-up without showing on the main
# thread.
# The variants take turns, RUNS times each, in a new shuffled order every round (a run is slower
# after some variants than after others, so a fixed order would favour some), and the medians are
# printed, with the mean of the round-by-round differences from the baseline and its 95 % interval
# (a slow spell of the machine slows a whole round, so it mostly cancels out of the difference).
#
# VARIANTS (comma-separated names from the table, default all) runs fewer variants, for more rounds
# in the same time. CACHE=aot (JDK 24 and later) starts every variant from an AOT cache
# (-XX:AOTCache), the way a service tuned for start-up runs: the application as a jar, the cache made
# by a training run of its own without an agent for "no agent", and with --add-modules
# java.instrument for the variants with -javaagent (what it implies; a cache made without it is
# refused when an agent is attached, and a training run with an agent attached crashes JDK 25's
# cache assembly; docs/frameworks.md). CACHE=cds does the same with a dynamic CDS archive
# (-XX:ArchiveClassesAtExit, -XX:SharedArchiveFile), for JDK 17.
# COMPARE_WITH=path/to/another/configdrift-agent.jar adds the variant "COMPARE_WITH jar" (a build of
# an earlier commit, say) and gives its paired difference from this build's configdrift, positive
# when that jar starts slower: how to tell whether a change to the agent made start-up faster.
# Usage: [VARIANTS=...] [CACHE=aot|cds] [COMPARE_WITH=jar] benchmarks/spring-startup.sh [RUNS] [SPRING_BOOT_MAJOR: 3 or 4]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-15}
source benchmarks/spring-fixture.sh
spring_fixture "${2:-3}" "$([ "${CACHE:-none}" = none ] || echo jar)"
otel=benchmarks/target/opentelemetry-javaagent.jar
if [ ! -f "$otel" ]; then
  version=$(sed -n 's:.*<opentelemetry-javaagent.version>\(.*\)</opentelemetry-javaagent.version>.*:\1:p' fixtures/spring-app/pom.xml)
  mvn -B -q -N dependency:copy -Dartifact="io.opentelemetry.javaagent:opentelemetry-javaagent:$version" \
    -DoutputDirectory=benchmarks/target -Dmdep.stripVersion=true
fi

# The JVM's own cost of any -javaagent: an agent whose premain does nothing.
noop=$(build_probe_agent NoopAgent "" "")
# The JVM's cost of showing every class load to an agent: a retransform-capable transformer that
# changes nothing and stays registered (configdrift's do not stay; docs/design.md).
transformer_only=$(build_probe_agent TransformerOnlyAgent \
  "i.addTransformer(new java.lang.instrument.ClassFileTransformer() {}, true);" 'Can-Retransform-Classes: true\n')
# The JVM's cost of an agent that puts its own jar on the boot class path, as configdrift's premain
# does (docs/design.md, "Bootstrap injection"): with a CDS archive mapped, the JVM then warns and
# stops taking classes of the platform and application class loaders from it.
boot_append=$(build_probe_agent BootAppendAgent \
  "try { i.appendToBootstrapClassLoaderSearch(new java.util.jar.JarFile(new java.io.File(BootAppendAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI()))); } catch (Exception e) { throw new IllegalStateException(e); }" "")

export OTEL_TRACES_EXPORTER=none OTEL_METRICS_EXPORTER=none OTEL_LOGS_EXPORTER=none
report="$PWD/benchmarks/target/spring-startup-report.json"
configdrift_options="=service=startup,interval=3600,file=$report"
configdrift="-javaagent:$PWD/agent/target/configdrift-agent.jar$configdrift_options"
other_configdrift="${COMPARE_WITH:+-javaagent:$(realpath "$COMPARE_WITH")$configdrift_options}"

# With a cache, each variant gets the cache trained the way it can use it: cache_options for "no
# agent", agent_cache_options for the variants with agents. Without one, the JDK's default CDS
# archive (-Xshare:auto, which -XX:AOTCache refuses beside it).
cache_options=(-Xshare:auto) agent_cache_options=(-Xshare:auto)
case "${CACHE:-none}" in
  none) ;;
  aot|cds)
    cache=benchmarks/target/startup-cache
    rm -rf "$cache" && mkdir -p "$cache"
    if [ "$CACHE" = aot ]; then
      java "-XX:AOTCacheOutput=$cache/plain.aot" "${spring_app[@]}" >/dev/null
      java "-XX:AOTCacheOutput=$cache/agents.aot" --add-modules java.instrument "${spring_app[@]}" >/dev/null
      cache_options=("-XX:AOTCache=$cache/plain.aot") agent_cache_options=("-XX:AOTCache=$cache/agents.aot")
    else
      java "-XX:ArchiveClassesAtExit=$cache/plain.jsa" "${spring_app[@]}" >/dev/null 2>&1
      cache_options=("-XX:SharedArchiveFile=$cache/plain.jsa") agent_cache_options=("${cache_options[@]}")
    fi ;;
  *) echo "CACHE must be none, aot or cds" >&2; exit 2 ;;
esac

python3 - "$runs" "${VARIANTS:-}" "${cache_options[*]}" "${agent_cache_options[*]}" "$configdrift" \
  "-javaagent:$PWD/$otel" "-javaagent:$PWD/$noop" "-javaagent:$PWD/$transformer_only" "-javaagent:$PWD/$boot_append" "$other_configdrift" \
  "${spring_app[@]}" <<'PY'
import os, random, re, statistics, subprocess, sys, time

runs, chosen, cache, agent_cache, configdrift, otel, noop, transformer_only, boot_append, other = int(sys.argv[1]), *sys.argv[2:11]
app = sys.argv[11:]

def agentlib(javaagent):
    """The same agent named as the JVM's instrument library, which -javaagent stands for, without the
    --add-modules java.instrument it implies (docs/agent-configuration.md, "Attaching at start")."""
    return javaagent.replace("-javaagent:", "-agentlib:instrument=", 1)

variants = {"no agent": [], "no-op agent": [noop], "transformer-only agent": [transformer_only],
            "boot-append agent": [boot_append],
            "configdrift": [configdrift], "no-op agent (agentlib)": [agentlib(noop)], "configdrift (agentlib)": [agentlib(configdrift)],
            "OpenTelemetry": [otel], "OpenTelemetry + configdrift": [otel, configdrift]}
BASELINES = {"no-op agent": "no agent", "transformer-only agent": "no agent", "boot-append agent": "no agent", "configdrift": "no agent",
             "no-op agent (agentlib)": "no agent", "configdrift (agentlib)": "no agent",
             "OpenTelemetry + configdrift": "OpenTelemetry"}
if chosen:
    unknown = set(chosen.split(",")) - set(variants)
    if unknown:
        sys.exit(f"unknown variants {sorted(unknown)}; the variants are {list(variants)}")
    variants = {name: agents for name, agents in variants.items() if name in chosen.split(",")}
if other:  # COMPARE_WITH: its difference from this build's agent, positive when the other jar is slower
    variants["COMPARE_WITH jar"] = [other]
    BASELINES["COMPARE_WITH jar"] = "configdrift"

PHASES = {"Create VM": "vm", "Initialize module system": "modules"}
MEASURES = ("wall", "cpu", "main", "waiting", "jit", *PHASES.values())
TICK_MS = 1000 / os.sysconf("SC_CLK_TCK")
SCHEDSTAT = os.path.exists("/proc/self/schedstat")  # kernels built without scheduler statistics have none
JIT_THREAD = re.compile(r"C[12] CompilerThre")  # HotSpot's compiler threads, their names cut to 15 characters

def thread_times(pid):
    """(CPU ms, ms waiting for a core) so far of the main thread, the threads the launcher named
    "java" (the other one only waits for it), and the CPU ms so far of the JIT's compiler threads.
    From schedstat, in nanoseconds, where the kernel keeps it; else the CPU time from stat, in clock
    ticks (10 ms), and no waiting time."""
    cpu, waiting, jit = 0, 0, 0
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            stat = open(f"/proc/{pid}/task/{tid}/stat").read()
            name, fields = stat[stat.index("(") + 1:stat.rindex(")")], stat[stat.rindex(")") + 2:].split()
            if name != "java" and not JIT_THREAD.match(name):
                continue
            if SCHEDSTAT:
                running, queued = (int(t) / 1e6 for t in open(f"/proc/{pid}/task/{tid}/schedstat").read().split()[:2])
            else:
                running, queued = (int(fields[11]) + int(fields[12])) * TICK_MS, None  # utime + stime
        except OSError:  # the thread ended meanwhile
            continue
        if name == "java":
            cpu, waiting = cpu + running, None if queued is None else waiting + queued
        else:
            jit += running
    return cpu, waiting, jit

def run(agents):
    """{"wall": ms from launch until the application printed its last configuration line, "main": the
    main thread's CPU ms by then, "waiting": its ms runnable but waiting for a core by then (None when
    the kernel does not say), "jit": the compiler threads' CPU ms by then, "cpu": CPU ms of the whole
    run, "vm" and "modules": ms of the JVM's start-up phases}."""
    javaagent = any(agent.startswith("-javaagent:") for agent in agents)  # it implies --add-modules java.instrument
    options = [*(agent_cache if javaagent else cache).split(), *agents]
    start = time.perf_counter()
    process = subprocess.Popen(["java", "-Xlog:startuptime", *options, *app], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
    sample = {}
    for line in process.stdout:
        phase = re.search(r"\[startuptime\] (.+), ([0-9.]+) secs", line)
        if phase and phase.group(1) in PHASES:
            sample[PHASES[phase.group(1)]] = float(phase.group(2)) * 1000
        if line.startswith("active profiles"):
            sample["wall"] = (time.perf_counter() - start) * 1000
            sample["main"], sample["waiting"], sample["jit"] = thread_times(process.pid)
    _, status, usage = os.wait4(process.pid, 0)
    sample["cpu"] = (usage.ru_utime + usage.ru_stime) * 1000
    missing = set(MEASURES) - set(sample)  # "waiting" is there, if only as None
    if status != 0 or missing:
        sys.exit(f"the application failed with {options} (exit status {status}, not measured: {sorted(missing)})")
    return sample

for agents in variants.values():  # warm the page cache once per variant
    run(agents)
samples = {name: [] for name in variants}
order = random.Random(1)  # the same orders every time the script runs
for _ in range(runs):
    for name in order.sample(list(variants), len(variants)):
        samples[name].append(run(variants[name]))
median = {measure: {name: statistics.median(s[measure] for s in runs_) for name, runs_ in samples.items()}
          for measure in ("wall", "cpu", *PHASES.values())}
def means(measure):
    """The mean of a thread's time per variant: thread CPU may be counted in clock ticks (10 ms), and
    a mean over the runs resolves finer than a median."""
    return {name: statistics.mean(s[measure] for s in runs_) for name, runs_ in samples.items()}

waited = all(s["waiting"] is not None for runs_ in samples.values() for s in runs_)
main_cpu, main_waiting, jit_cpu = means("main"), means("waiting") if waited else None, means("jit")
wall, cpu = median["wall"], median["cpu"]

def added(values, name, base):
    return f"{values[name] - values[base]:+.0f} ms ({(values[name] / values[base] - 1) * 100:+.1f} %)"

def paired(measure, name, base):
    """Mean and 95 % interval of the round-by-round difference: the variants of a round ran back to
    back, so a slow spell of the machine cancels out of their difference."""
    differences = [run[measure] - base_run[measure] for run, base_run in zip(samples[name], samples[base])]
    half_width = 1.96 * statistics.stdev(differences) / len(differences) ** 0.5
    return f"{statistics.mean(differences):+.0f} ± {half_width:.0f} ms"

print(f"| variant ({runs} runs each{', CACHE=' + os.environ['CACHE'] if os.environ.get('CACHE', 'none') != 'none' else ''}) "
      "| start-up, median (ms) | the agent adds | paired, mean | main thread's CPU until ready, mean (ms) "
      "| paired, mean | main thread waiting for a core, mean (ms) | paired, mean "
      "| JIT's CPU until ready, mean (ms) | paired, mean "
      "| until main (ms) | module system (ms) | CPU of the run, median (ms) | the agent adds |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for name in variants:
    base = BASELINES.get(name) if BASELINES.get(name) in variants else None
    print(f"| {name} | {wall[name]:.0f} | {added(wall, name, base) if base else ''} "
          f"| {paired('wall', name, base) if base and runs > 1 else ''} "
          f"| {main_cpu[name]:.0f} | {paired('main', name, base) if base and runs > 1 else ''} "
          f"| {f'{main_waiting[name]:.0f}' if waited else 'n/a'} "
          f"| {paired('waiting', name, base) if waited and base and runs > 1 else ''} "
          f"| {jit_cpu[name]:.0f} | {paired('jit', name, base) if base and runs > 1 else ''} "
          f"| {median['vm'][name]:.0f} | {median['modules'][name]:.0f} "
          f"| {cpu[name]:.0f} | {added(cpu, name, base) if base else ''} |")
PY
