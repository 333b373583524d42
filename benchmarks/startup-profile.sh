#!/usr/bin/env bash
# Where the agent's start-up time goes, with less noise than wall time: starts the Spring Boot test
# application (fixtures/spring-boot-N) with the configdrift agent RUNS times under async-profiler
# (CPU samples every 0.5 ms, per thread), and prints the share of the main thread's samples that
# have an agent frame on the stack, split by the agent's outermost frame (premain, each hook, the
# class-load transformers), in samples and in milliseconds per run, and how much of it is the
# rewriting of classes (the hook splicer, or ASM where it declines), and the JVM's own time handing classes as they load to the agent's
# transformers (the class-file-load hook), which no agent frame shows. The main thread is the
# application's start-up; what the agent does there, the start-up waits for. Wall time moves by ±50 ms between runs on a shared two-core
# machine; this share moves by about 0.2 points.
# async-profiler's cpu sampler needs perf events (a container may forbid them); async-profiler 4.2
# comes from Maven Central and works on JDK 17 and 25 (3.0 crashes JDK 25).
# Usage: benchmarks/startup-profile.sh [RUNS] [SPRING_BOOT_MAJOR: 3 or 4]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-6}
source benchmarks/spring-fixture.sh
spring_fixture "${2:-3}"
profiler=benchmarks/target/async-profiler/linux-x64/libasyncProfiler.so
if [ ! -f "$profiler" ]; then
  mvn -B -q -N dependency:unpack -Dartifact=tools.profiler:async-profiler:4.2:jar:linux-x64 \
    -DoutputDirectory=benchmarks/target/async-profiler
fi

samples=$(mktemp -d)
for run in $(seq "$runs"); do
  java "-agentpath:$PWD/$profiler=start,event=cpu,interval=500us,threads,collapsed,file=$samples/$run.txt" \
    "-javaagent:$PWD/agent/target/configdrift-agent.jar=service=startup,interval=3600,file=$samples/report.json" \
    "${spring_app[@]}" >/dev/null 2>"$samples/stderr.txt" || { cat "$samples/stderr.txt" >&2; exit 1; }
done

python3 - "$runs" "$samples" <<'PY'
import collections, glob, re, sys

runs, directory = int(sys.argv[1]), sys.argv[2]
INTERVAL_MS = 0.5
main = 0
by_frame = collections.Counter()
# Rewriting classes (under ReturnHookWeaver.weave: the splicer, ASM where it declines): in premain the JDK's, and the frameworks' found on the
# application class path; later the frameworks' that load in class loaders of their own.
WEAVE = "io/configdrift/agent/instrumentation/ReturnHookWeaver.weave"
weaving = collections.Counter()
# The JVM's side of showing a class that loads to a java agent: copying its bytes for the transformers.
CLASS_LOAD_HOOK = ("JvmtiExport::post_class_file_load_hook", "KlassFactory::check_shared_class_file_load_hook")
class_load_hook = 0
for path in glob.glob(f"{directory}/*.txt"):
    for line in open(path):
        stack, _, count = line.rstrip().rpartition(" ")
        if not count.isdigit():
            continue
        frames = stack.split(";")
        # The main thread is named DestroyJavaVM once main has returned, when the profile is written.
        if not re.match(r"\[(main|DestroyJavaVM) tid=", frames[0]):
            continue
        main += int(count)
        agent = [frame for frame in frames if frame.startswith("io/configdrift/agent/")]
        if agent:
            by_frame[agent[0].removeprefix("io/configdrift/agent/")] += int(count)
        elif any(frame in CLASS_LOAD_HOOK for frame in frames):
            class_load_hook += int(count)
        if WEAVE in frames:
            weaving["premain" if "io/configdrift/agent/AgentMain.premain" in frames else "later"] += int(count)

if main == 0:
    sys.exit("no samples of the main thread: is async-profiler allowed to sample here?")
agent_total = sum(by_frame.values())
def ms(samples):
    return samples * INTERVAL_MS / runs
print(f"main thread: {main} samples in {runs} runs ({ms(main):.0f} ms a run); "
      f"with an agent frame: {agent_total} ({agent_total / main * 100:.1f} %, {ms(agent_total):.1f} ms a run)")
print()
print("| agent's outermost frame | samples | ms a run | share of the main thread |")
print("| --- | ---: | ---: | ---: |")
for frame, count in by_frame.most_common(12):
    print(f"| `{frame}` | {count} | {ms(count):.1f} | {count / main * 100:.2f} % |")
print()
print(f"of these, rewriting classes (ReturnHookWeaver.weave): {ms(weaving['premain']):.1f} ms a run "
      f"in premain, {ms(weaving['later']):.1f} ms as classes load after it")
print(f"outside the agent's frames, the JVM's class-file-load hook (each class that loads shown to the agent's "
      f"transformers): {class_load_hook} samples, {ms(class_load_hook):.1f} ms a run, "
      f"{class_load_hook / main * 100:.2f} % of the main thread")
PY
rm -rf "$samples"
