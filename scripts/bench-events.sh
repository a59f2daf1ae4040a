#!/usr/bin/env bash
# Persisted events/s: starts the platform jar on a fresh store, registers elevators, and drives it with wrk
# (load-tests/wrk/events.lua): every request reports one event, persisted before its 201. A warm-up run first,
# then the measured run; prints wrk's summary (requests/s, latency percentiles, non-2xx answers).
#
#   scripts/bench-events.sh                      # embedded store, defaults below
#   LIFTGUARD_H2_FSYNC=true scripts/bench-events.sh
#   LIFTGUARD_STORE=cassandra scripts/bench-events.sh   # needs a node: scripts/cassandra.sh start
#
# Env: JAR (the platform jar to measure), DURATION (60s), WARMUP (20s), CONNECTIONS (64), THREADS (2), ELEVATORS (100); every LIFTGUARD_* variable
# is passed to the platform. Needs wrk (apt-get install wrk) and a built jar (mvn -B package -DskipTests).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
jar="${JAR:-$repo/api/target/liftguard.jar}"
duration="${DURATION:-60s}"; warmup="${WARMUP:-20s}"; connections="${CONNECTIONS:-64}"; threads="${THREADS:-2}"
elevators="${ELEVATORS:-100}"
command -v wrk >/dev/null || { echo "bench-events: wrk is missing (apt-get install wrk)" >&2; exit 1; }
[[ -f $jar ]] || { echo "bench-events: $jar is missing (mvn -B package -DskipTests)" >&2; exit 1; }

work="$(mktemp -d)"
source "$repo/scripts/lib/bench-platform.sh"

java -Xmx1g -jar "$jar" > "$work/platform.log" 2>&1 &
pid=$!
cleanup() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
await_platform "$pid" 120
token=$(java -jar "$jar" mint-token --role admin --id bench | tail -1)

rows=$(for i in $(seq 0 $((elevators - 1))); do
  printf '{"registrationCode":"BENCH-%05d","district":"Jiangjin","street":"Jijiang","address":"1 Bench Road","buildingType":"RESIDENTIAL","manufacturer":"Otis","model":"GeN2","driveType":"TRACTION","brakeType":"DISC","ratedLoadKg":1000,"ratedSpeedMps":1.5,"floorsServed":18,"installationDate":"2012-06-01","usingUnit":"Bench Estate","maintenanceCompany":"Yongan Lift Service","hasPropertyManagement":true,"hasMaintenanceCompany":true,"hasRepairFund":true}\n' "$i"
done | paste -sd, -)
answer=$(curl -s -w " %{http_code}" -XPOST "$base/api/v1/elevators/import" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d "[$rows]")
[[ $answer == *" 200" ]] || { echo "bench-events: import failed: ${answer:0:300}" >&2; exit 1; }

echo "bench-events: store ${LIFTGUARD_STORE:-h2}, fsync ${LIFTGUARD_H2_FSYNC:-false}, $elevators elevators, $connections connections, $threads threads"
echo "--- warm-up ($warmup)"
WRK_TOKEN=$token WRK_ELEVATORS=$elevators WRK_PREFIX=warm \
  wrk -t"$threads" -c"$connections" -d"$warmup" -s "$repo/load-tests/wrk/events.lua" "$base" | grep -E "Requests/sec|Non-2xx" || true
echo "--- measured ($duration)"
WRK_TOKEN=$token WRK_ELEVATORS=$elevators WRK_PREFIX=run \
  wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$repo/load-tests/wrk/events.lua" "$base"
if [[ -d "$work/data/journal" ]]; then echo "embedded journal file: $(du -sh "$work/data/journal" | cut -f1)"; fi
