#!/usr/bin/env bash
# Telemetry ingest against its ceiling: drives a bare Pekko HTTP endpoint that only parses the same JSON
# (benchmarks/BareEndpoint) and then the platform, in the same run, with wrk (load-tests/wrk/telemetry.lua,
# CONNECTIONS connections, on the same 2 cores) for single readings and batches of 20 and 100, and prints
# requests/s, readings/s, p50/p99 and the platform's share of the bare endpoint.
#
#   scripts/bench-ingest.sh                               # embedded store
#   LIFTGUARD_STORE=cassandra LIFTGUARD_CASSANDRA_CONTACT_POINTS=127.0.0.1:9042 scripts/bench-ingest.sh
#
# Env: BATCHES ("1 20 100"), ELEVATORS (10000, registered by one import first), WARMUP (10s), DURATION (30s),
# CONNECTIONS (64), THREADS (2), JAR; every LIFTGUARD_* variable goes to the platform. Needs wrk and built jars
# (mvn -B install -DskipTests).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
jar="${JAR:-$repo/api/target/liftguard.jar}"
bare_jar="$repo/benchmarks/target/benchmarks.jar"
batches="${BATCHES:-1 20 100}"; elevators="${ELEVATORS:-10000}"
warmup="${WARMUP:-10s}"; duration="${DURATION:-30s}"; connections="${CONNECTIONS:-64}"; threads="${THREADS:-2}"
command -v wrk >/dev/null || { echo "bench-ingest: wrk is missing (apt-get install wrk)" >&2; exit 1; }
for j in "$jar" "$bare_jar"; do [[ -f $j ]] || { echo "bench-ingest: $j is missing (mvn -B install -DskipTests)" >&2; exit 1; }; done

work="$(mktemp -d)"
source "$repo/scripts/lib/bench-platform.sh"
pid=
stop() { if [[ -n $pid ]]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=; fi; }
trap 'stop; rm -rf "$work"' EXIT
wait_for() { # url
  for _ in $(seq 1 600); do
    curl -s -o /dev/null "$1" && return 0
    kill -0 "$pid" 2>/dev/null || { echo "bench-ingest: the server died:" >&2; tail -30 "$work/server.log" >&2; exit 1; }
    sleep 0.2
  done
  echo "bench-ingest: $1 never answered" >&2; exit 1
}
# wrk's summary as "requests/s p50_ms p99_ms non2xx"
measure() { # target batch token
  WRK_TOKEN="$3" WRK_ELEVATORS=$elevators WRK_BATCH=$2 \
    wrk -t"$threads" -c"$connections" -d"$warmup" -s "$repo/load-tests/wrk/telemetry.lua" "$1" > /dev/null
  WRK_TOKEN="$3" WRK_ELEVATORS=$elevators WRK_BATCH=$2 \
    wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$repo/load-tests/wrk/telemetry.lua" "$1" \
    > "$work/wrk.out"
  awk 'function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
       /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /Requests\/sec/ { rps = $2 }
       /Non-2xx/ { bad = $NF } /Socket errors/ { err = $0 }
       END { printf "%.0f %.1f %.1f %d\n", rps, p50, p99, bad + 0; if (err != "") print err > "/dev/stderr" }' "$work/wrk.out"
}

# The bare endpoint gets the same requests, bearer token included (it ignores it, but parses the header).
token=$(java -jar "$jar" mint-token --role admin --id bench | tail -1)
declare -A bare
pid=
java -Xmx1g -cp "$bare_jar" io.liftguard.benchmarks.BareEndpoint "$port" > "$work/server.log" 2>&1 &
pid=$!
wait_for "$base/"
for b in $batches; do bare[$b]=$(measure "$base" "$b" "$token"); echo "bare endpoint, batch $b: ${bare[$b]}"; done
stop

java -Xmx2g -jar "$jar" > "$work/server.log" 2>&1 &
pid=$!
wait_for "$base/health"
python3 - "$elevators" > "$work/register.json" <<'PY'
import json, sys
print(json.dumps([{"registrationCode": "BENCH-%05d" % i, "district": "Jiangjin", "street": "Jijiang",
  "address": "1 Bench Road", "buildingType": "RESIDENTIAL", "manufacturer": "Otis", "model": "GeN2",
  "driveType": "TRACTION", "brakeType": "DISC", "ratedLoadKg": 1000, "ratedSpeedMps": 1.5, "floorsServed": 30,
  "installationDate": "2012-06-01", "usingUnit": "Bench Estate", "maintenanceCompany": "Yongan Lift Service",
  "hasPropertyManagement": True, "hasMaintenanceCompany": True, "hasRepairFund": True} for i in range(int(sys.argv[1]))]))
PY
import_register "$work/register.json" application/json "$token"
echo "bench-ingest: store ${LIFTGUARD_STORE:-h2}, $elevators elevators registered, $connections connections, $threads threads"

printf '\n| batch | platform req/s | readings/s | p50 / p99 ms | non-2xx | bare req/s | bare readings/s | bare p50 / p99 ms | platform / bare |\n'
printf '| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n'
for b in $batches; do
  read -r rps p50 p99 bad <<< "$(measure "$base" "$b" "$token")"
  read -r brps bp50 bp99 _ <<< "${bare[$b]}"
  printf '| %s | %s | %s | %s / %s | %s | %s | %s | %s / %s | %s %% |\n' "$b" "$rps" "$((rps * b))" "$p50" "$p99" "$bad" \
    "$brps" "$((brps * b))" "$bp50" "$bp99" "$(awk -v a="$rps" -v c="$brps" 'BEGIN{printf "%.0f", 100 * a / c}')"
done
