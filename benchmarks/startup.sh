#!/usr/bin/env bash
# Start-up time the agent adds: a minimal program, and the demo app's start (when built), each run
# RUNS times without and with the agent; prints the medians. Usage: benchmarks/startup.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
[ -f benchmarks/target/benchmarks.jar ] && [ -f agent/target/configdrift-agent.jar ] \
  || mvn -B -q -DskipTests package -pl agent,benchmarks -am
agent="-javaagent:$PWD/agent/target/configdrift-agent.jar=service=startup,interval=3600"
export CONFIGDRIFT_FINGERPRINT_KEY=benchmark-key

median_ms() { # command...: runs it $runs times, prints the median wall time in ms
  python3 - "$runs" "$@" <<'PY'
import subprocess, sys, time, statistics
runs, cmd = int(sys.argv[1]), sys.argv[2:]
times = []
for _ in range(runs):
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times.append((time.perf_counter() - start) * 1000)
print(f"{statistics.median(times):.0f}")
PY
}

probe=(-cp benchmarks/target/benchmarks.jar io.configdrift.benchmarks.StartupProbe)
plain=$(median_ms java -Xshare:auto "${probe[@]}")
with=$(median_ms java -Xshare:auto "$agent" "${probe[@]}")
echo "| program | without agent (ms) | with agent (ms) | added (ms) |"
echo "| --- | ---: | ---: | ---: |"
echo "| minimal program (JDK $(java -version 2>&1 | head -1 | cut -d'"' -f2)) | $plain | $with | $((with - plain)) |"
if [ -f demo-app/target/demo-app.jar ]; then
  demo=(-jar demo-app/target/demo-app.jar --exit-after-start)
  plain=$(median_ms java -Xshare:auto "${demo[@]}")
  with=$(median_ms java -Xshare:auto "$agent" "${demo[@]}")
  echo "| demo app, start to ready | $plain | $with | $((with - plain)) |"
fi
