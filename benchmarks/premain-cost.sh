#!/usr/bin/env bash
# What configdrift's premain costs, to within a few milliseconds: the JVM's "Create VM" phase
# (-Xlog:startuptime), which includes every agent's premain, for `java -cp <the Spring Boot test
# application's class path> -javaagent:... -version`. That runs no application, so a run takes about
# 0.15 s and RUNS rounds resolve ±2-3 ms (spring-startup.sh, which times the whole start-up, resolves
# ±20-30 ms). Variants: the agent that does nothing (the one spring-startup.sh runs), configdrift, and
# with COMPARE_WITH=jar another build of configdrift, taking turns in a shuffled order; it prints the
# medians and each variant's paired difference from configdrift. The class path matters: premain
# loads Spring's hook classes from it.
# Usage: [COMPARE_WITH=jar] benchmarks/premain-cost.sh [RUNS] [SPRING_BOOT_MAJOR: 3 or 4]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-60}
source benchmarks/spring-fixture.sh
spring_fixture "${2:-3}"
noop=$(build_probe_agent NoopAgent "" "")
options="=service=premain,interval=3600,file=$PWD/benchmarks/target/premain-report.json"

python3 - "$runs" "$spring_classpath" "-javaagent:$PWD/$noop" \
  "-javaagent:$PWD/agent/target/configdrift-agent.jar$options" \
  "${COMPARE_WITH:+-javaagent:$(realpath "${COMPARE_WITH:-.}")$options}" <<'PY'
import random, re, statistics, subprocess, sys

runs, classpath, noop, configdrift, other = int(sys.argv[1]), *sys.argv[2:6]
variants = {"no-op agent": noop, "configdrift": configdrift}
if other:
    variants["COMPARE_WITH jar"] = other

def create_vm_ms(agent):
    out = subprocess.run(["java", "-Xlog:startuptime", "-cp", classpath, agent, "-version"],
                         capture_output=True, text=True)
    phase = re.search(r"Create VM, ([0-9.]+) secs", out.stdout)
    if out.returncode != 0 or not phase:
        sys.exit(f"java with {agent} failed (exit status {out.returncode}):\n{out.stderr}")
    return float(phase.group(1)) * 1000

samples = {name: [] for name in variants}
order = random.Random(1)
for _ in range(runs):
    for name in order.sample(list(variants), len(variants)):
        samples[name].append(create_vm_ms(variants[name]))

print(f"| variant ({runs} runs each) | Create VM, median (ms) | paired difference from configdrift, mean ± 95 % |")
print("| --- | ---: | ---: |")
for name, values in samples.items():
    differences = [a - b for a, b in zip(values, samples["configdrift"])]
    paired = "" if name == "configdrift" else \
        f"{statistics.mean(differences):+.1f} ± {1.96 * statistics.stdev(differences) / runs ** 0.5:.1f} ms"
    print(f"| {name} | {statistics.median(values):.1f} | {paired} |")
PY
