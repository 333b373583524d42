#!/usr/bin/env bash
# Start-up time the agent adds. For a minimal program and for the demo app, each run RUNS times
# without and with the agent (file report, fingerprint key set), prints the medians of:
#   ready: launch until the program's first line of output (main has run / the service is ready);
#   total: launch until the process has ended (includes the agent's exit-time report).
# Usage: benchmarks/startup.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
[ -f benchmarks/target/benchmarks.jar ] && [ -f agent/target/configdrift-agent.jar ] && [ -f demo-app/target/demo-app.jar ] \
  || mvn -B -q -DskipTests -DskipITs install
report=$(mktemp -d)/report.json
agent="-javaagent:$PWD/agent/target/configdrift-agent.jar=service=startup,interval=60,file=$report"
export CONFIGDRIFT_FINGERPRINT_KEY=benchmark-key

measure() { # label command...: prints a table row of medians
  python3 - "$runs" "$@" <<'PY'
import subprocess, sys, time, statistics
runs, label, cmd = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
ready, total = [], []
for _ in range(runs):
    start = time.perf_counter()
    process = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    process.stdout.readline()
    ready.append((time.perf_counter() - start) * 1000)
    process.stdout.read()
    process.wait()
    total.append((time.perf_counter() - start) * 1000)
print(f"{label} {statistics.median(ready):.0f} {statistics.median(total):.0f}")
PY
}

row() { # name plain-command... -- agent-command...
  local name=$1; shift
  read -r _ plain_ready plain_total < <(measure plain java -Xshare:auto "$@")
  read -r _ agent_ready agent_total < <(measure agent java -Xshare:auto "$agent" "$@")
  echo "| $name | $plain_ready | $agent_ready | $((agent_ready - plain_ready)) | $plain_total | $agent_total | $((agent_total - plain_total)) |"
}

echo "| program | ready, no agent (ms) | ready, agent (ms) | added | total, no agent (ms) | total, agent (ms) | added |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
row "minimal program (JDK $(java -version 2>&1 | head -1 | cut -d'"' -f2))" \
  -cp benchmarks/target/benchmarks.jar io.configdrift.benchmarks.StartupProbe
row "demo app" -jar demo-app/target/demo-app.jar --port 0 --exit-after-start
