#!/usr/bin/env bash
# The configdrift demo: a collector on SQLite and five checkout-service instances with the drift
# from the stories in the seed article planted, then the drift it finds, in the terminal and on a
# page. Ctrl-C stops everything it started; --once stops by itself after printing.
set -euo pipefail
cd "$(dirname "$0")"
root=$PWD
once=false
[ "${1:-}" = "--once" ] && once=true
port=${CONFIGDRIFT_DEMO_PORT:-7070}
work=$root/.demo
collector_jar=$root/collector/target/configdrift.jar
agent_jar=$root/agent/target/configdrift-agent.jar
demo_jar=$root/demo-app/target/demo-app.jar

if [ ! -f "$collector_jar" ] || [ ! -f "$agent_jar" ] || [ ! -f "$demo_jar" ]; then
  echo "== building (first run only)"
  mvn -B -q -DskipTests install
fi

pids=()
stop_all() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop_all EXIT
trap 'echo; echo "== stopping"; exit 0' INT TERM

rm -rf "$work" && mkdir -p "$work"
echo "== collector on http://127.0.0.1:$port (SQLite: $work/configdrift.db)"
java -jar "$collector_jar" serve --port "$port" --db "jdbc:sqlite:$work/configdrift.db" \
  --policy "$root/demo-app/configdrift.yaml" --agent-interval 2 >"$work/collector.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fs "http://127.0.0.1:$port/healthz" >/dev/null || { echo "the collector did not start; see $work/collector.log"; exit 2; }

# Every instance shares the fleet's fingerprint key and a clean environment, as in a container.
# The agent is named as -agentlib:instrument=, which starts a class-path application faster on
# JDK 17 (docs/agent-configuration.md, "Attaching at start").
start_instance() { # environment region instance http-port VAR=value...
  local environment=$1 region=$2 instance=$3 http_port=$4
  shift 4
  env -i PATH="$PATH" HOME="$HOME" CONFIGDRIFT_FINGERPRINT_KEY=demo-fleet-key "$@" \
    java "-agentlib:instrument=$agent_jar=service=checkout,environment=$environment,region=$region,instance=$instance,serviceVersion=2.3.0,interval=2,collector=http://127.0.0.1:$port" \
    -Dlog.format="${LOG_FORMAT:-text}" -jar "$demo_jar" --port "$http_port" >"$work/$instance.log" 2>&1 &
  pids+=($!)
  echo "   $environment/$region $instance on http://127.0.0.1:$http_port"
}

echo "== five checkout instances"
# Staging was provisioned from the current templates.
start_instance staging us-east-1 stg-use1-1 $((port + 1)) \
  DB_TIMEOUT=10s DATABASE_POOL_SIZE=20 PAYMENT_TIMEOUT=30 PAYMENT_MAX_RETRIES=3 \
  INVENTORY_SERVICE_URL=http://inventory.staging.svc:8080 LOG_LEVEL=INFO API_TIMEOUT=30
# Production in us-east-1: the 2 AM timeout fix, the debug override, the forgotten inventory URL,
# the feature flag left on and a dead flag whose code is gone.
production_us=(DB_TIMEOUT=60s DATABASE_POOL_SIZE=20 PAYMENT_TIMEOUT=60 PAYMENT_MAX_RETRIES=5
  ENABLE_NEW_CHECKOUT=true CHECKOUT_ROLLOUT_PERCENT=100 LOG_LEVEL=DEBUG LOG_INCLUDE_SENSITIVE=true
  API_TIMEOUT=120 ENABLE_ONE_CLICK_BUY=true)
LOG_FORMAT=json start_instance production us-east-1 prod-use1-1 $((port + 2)) "${production_us[@]}"
LOG_FORMAT=json start_instance production us-east-1 prod-use1-2 $((port + 3)) "${production_us[@]}"
# Production in eu-west-1 was tuned during its own incident: a smaller pool, a longer payment timeout.
production_eu=(DB_TIMEOUT=60s DATABASE_POOL_SIZE=10 PAYMENT_TIMEOUT=90 PAYMENT_MAX_RETRIES=5
  ENABLE_NEW_CHECKOUT=true CHECKOUT_ROLLOUT_PERCENT=100 LOG_LEVEL=DEBUG LOG_INCLUDE_SENSITIVE=true
  API_TIMEOUT=120 ENABLE_ONE_CLICK_BUY=true)
LOG_FORMAT=json start_instance production eu-west-1 prod-euw1-1 $((port + 4)) "${production_eu[@]}"
# ... and one of its pods was edited by hand (kubectl set env on a single pod).
LOG_FORMAT=json start_instance production eu-west-1 prod-euw1-2 $((port + 5)) "${production_eu[@]}" DATABASE_POOL_SIZE=15

echo "== waiting for all five to report"
for _ in $(seq 1 150); do
  instances=$(curl -fs "http://127.0.0.1:$port/v1/services" 2>/dev/null | grep -o '"instances":[0-9]*' | cut -d: -f2 || true)
  [ "${instances:-0}" -ge 5 ] && break
  sleep 0.2
done
sleep 2 # one more report round, so every instance's checkout path has been read

cli() { java -jar "$collector_jar" "$@" || true; }
echo
echo "== drift between staging and production"
cli diff --collector "http://127.0.0.1:$port" --service checkout --between staging production
echo
echo "== drift between the two production regions"
cli diff --collector "http://127.0.0.1:$port" --service checkout --between production/us-east-1 production/eu-west-1
echo
echo "== the drift matrix: http://127.0.0.1:$port/#service=checkout"
if $once; then
  echo "== --once: stopping everything"
  exit 0
fi
echo "   (Ctrl-C stops the collector and the five instances)"
wait
