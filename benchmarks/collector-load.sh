#!/usr/bin/env bash
# Collector figures: ingest load (50 clients, 200-key unchanged reports, measured for SECONDS after
# WARM_UP seconds) and query cost (matrix of 100 instances x 500 keys; drift summary of 1,000
# services), on SQLite and on PostgreSQL. Loopback only.
# Usage: benchmarks/collector-load.sh [SECONDS] [WARM_UP]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
warm_up=${2:-30}
[ -f collector/target/configdrift.jar ] && [ -f benchmarks/target/benchmarks.jar ] \
  || mvn -B -q -DskipTests install
work=$(mktemp -d)
pg_url=${CONFIGDRIFT_BENCH_POSTGRES_URL:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}
collector=""
cleanup() { [ -n "$collector" ] && kill "$collector" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

start_collector() { # jdbc-url port
  # QueryLoad waits out the overview cache, a tenth of the live window of 3 agent intervals.
  java -jar collector/target/configdrift.jar serve --port "$2" --db "$1" --agent-interval 60 >"$work/collector-$2.log" 2>&1 &
  collector=$!
  for _ in $(seq 1 150); do curl -fs "http://127.0.0.1:$2/healthz" >/dev/null 2>&1 && return; sleep 0.2; done
  echo "collector did not start"; cat "$work/collector-$2.log"; exit 2
}
stop_collector() { kill "$collector"; wait "$collector" 2>/dev/null || true; collector=""; }
bench() { java -cp benchmarks/target/benchmarks.jar "$@"; }

for database in sqlite postgresql; do
  for phase in ingest query; do
    port=$((7100 + RANDOM % 500))
    if [ "$database" = sqlite ]; then
      url="jdbc:sqlite:$work/$phase.db"
    else
      schema="bench_${phase}_$$"
      psql -q "postgresql://postgres@127.0.0.1:5432/test" -c "DROP SCHEMA IF EXISTS $schema CASCADE; CREATE SCHEMA $schema"
      url="$pg_url&currentSchema=$schema"
    fi
    start_collector "$url" "$port"
    echo -n "$database $phase: "
    if [ "$phase" = ingest ]; then
      bench io.configdrift.benchmarks.IngestLoad "http://127.0.0.1:$port" 50 "$seconds" 200 "$warm_up"
    else
      bench io.configdrift.benchmarks.QueryLoad "http://127.0.0.1:$port" 100 500 1000
    fi
    stop_collector
    [ "$database" = postgresql ] && psql -q "postgresql://postgres@127.0.0.1:5432/test" -c "DROP SCHEMA $schema CASCADE"
  done
done
