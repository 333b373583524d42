#!/usr/bin/env bash
# What the agent adds to one configuration read: the JMH benchmark without and with the agent.
# Usage: benchmarks/read-overhead.sh [extra JMH options, e.g. -f 3 -wi 5 -i 5]
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f benchmarks/target/benchmarks.jar ] && [ -f agent/target/configdrift-agent.jar ] \
  || mvn -B -q -DskipTests package -pl agent,benchmarks -am
jmh_options=(-f 2 -wi 4 -w 1s -i 5 -r 1s "$@")
export BENCH_TIMEOUT=30s
echo "== without the agent"
java -jar benchmarks/target/benchmarks.jar ConfigReadBenchmark "${jmh_options[@]}" \
  -jvmArgsAppend "-Dbench.timeout=30" -rf json -rff benchmarks/target/reads-plain.json | grep -E "^Benchmark|^ConfigRead"
echo "== with the agent"
java -jar benchmarks/target/benchmarks.jar ConfigReadBenchmark "${jmh_options[@]}" \
  -jvmArgsAppend "-Dbench.timeout=30 -javaagent:$PWD/agent/target/configdrift-agent.jar=service=bench,interval=60,file=$PWD/benchmarks/target/bench-report.json" \
  -rf json -rff benchmarks/target/reads-agent.json | grep -E "^Benchmark|^ConfigRead"
python3 - <<'PY'
import json
plain = {r["benchmark"].split(".")[-1]: r["primaryMetric"]["score"] for r in json.load(open("benchmarks/target/reads-plain.json"))}
agent = {r["benchmark"].split(".")[-1]: r["primaryMetric"]["score"] for r in json.load(open("benchmarks/target/reads-agent.json"))}
print("| read | without agent (ns) | with agent (ns) | added (ns) |")
print("| --- | ---: | ---: | ---: |")
for name in plain:
    print(f"| {name} | {plain[name]:.1f} | {agent[name]:.1f} | {agent[name] - plain[name]:.1f} |")
PY
