#!/usr/bin/env bash
# Cold restart and heap per twin: registers ELEVATORS elevators (CR-0000000...) by import jobs on a fresh store, stops
# the platform, starts it again on the same data and measures the time until /health answers, the live heap with no
# twin in memory, then reads every twin once (benchmarks/ReadEveryTwin, CONCURRENCY requests in flight: the warm-up
# curve, p50/p99 and the time until the last twin answered), and the live heap with every twin in memory. Heap per
# twin = (live heap with all twins - live heap with none) / ELEVATORS, each after a full GC.
#
#   scripts/bench-restart.sh                 # embedded store, 100,000 elevators
#   ELEVATORS=300000 HEAP=8g scripts/bench-restart.sh
#
# Env: ELEVATORS (100000), CHUNK (50000 rows an import job), CONCURRENCY (64), HEAP (4g, the platform's -Xmx),
# DATA_DIR (kept when given; with IMPORT=0 the register already in it is used), JAR; LIFTGUARD_* go to the platform.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
jar="${JAR:-$repo/api/target/liftguard.jar}"
bench_jar="$repo/benchmarks/target/benchmarks.jar"
elevators="${ELEVATORS:-100000}"; chunk="${CHUNK:-50000}"; concurrency="${CONCURRENCY:-64}"; heap="${HEAP:-4g}"
for j in "$jar" "$bench_jar"; do [[ -f $j ]] || { echo "bench-restart: $j is missing (mvn -B install -DskipTests)" >&2; exit 1; }; done
if [[ -n ${DATA_DIR:-} ]]; then work="$DATA_DIR"; mkdir -p "$work"; keep=1; else work="$(mktemp -d)"; keep=0; fi
source "$repo/scripts/lib/bench-platform.sh"
# every twin stays in memory for the heap measurement
export LIFTGUARD_PASSIVATE_AFTER_IDLE="${LIFTGUARD_PASSIVATE_AFTER_IDLE:-2h}"
pid=
stop() { if [[ -n $pid ]]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=; fi; }
trap 'stop; [[ $keep == 1 ]] || rm -rf "$work"' EXIT
start() {
  local t0; t0=$(date +%s.%N)
  java -Xmx"$heap" -jar "$jar" >> "$work/platform.log" 2>&1 &
  pid=$!
  await_platform "$pid"
  echo "platform up: /health answered $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}') s after start"
}
live_heap_mb() { # after a full GC
  jcmd "$pid" GC.run > /dev/null
  jcmd "$pid" GC.heap_info | awk '/used/ && /total/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?/, "", v); printf "%.1f", v / 1024; exit } }'
}

start
token=$(java -jar "$jar" mint-token --role admin --id bench | tail -1)
if [[ ${IMPORT:-1} == 1 ]]; then
  t0=$(date +%s.%N)
  for ((from = 0; from < elevators; from += chunk)); do
    python3 - "$from" "$((from + chunk < elevators ? from + chunk : elevators))" > "$work/register.json" <<'PY'
import json, sys
districts = ["Yuzhong", "Jiangbei", "Nanan", "Shapingba", "Jiulongpo", "Yubei", "Jiangjin"]
print(json.dumps([{"registrationCode": "CR-%07d" % i, "district": districts[i % 7], "street": "Street %d" % (i % 40),
  "address": "%d Restart Road" % (i % 999), "buildingType": "RESIDENTIAL", "manufacturer": "Otis", "model": "GeN2",
  "driveType": "TRACTION", "brakeType": "DRUM" if i % 5 == 0 else "DISC", "ratedLoadKg": 1000, "ratedSpeedMps": 1.5,
  "floorsServed": 6 + i % 28, "installationDate": "%d-06-01" % (1996 + i % 30), "usingUnit": "Unit %d" % (i % 20000),
  "maintenanceCompany": "Yongan Lift Service", "insurer": "PICC Chongqing", "hasPropertyManagement": True,
  "hasMaintenanceCompany": True, "hasRepairFund": True, "nextInspectionDue": "2027-06-01",
  "lastMaintenanceDate": "2026-11-15"} for i in range(int(sys.argv[1]), int(sys.argv[2]))]))
PY
    POLL=10 import_register "$work/register.json" application/json "$token"
  done
  echo "registered $elevators in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}') s"
fi
stop

echo "--- cold restart on $(du -sh "$work/data" | cut -f1) of data"
start
sleep 5 # the projections and singletons start; no twin is in memory yet
empty=$(live_heap_mb)
jcmd "$pid" GC.class_histogram > "$work/histogram-empty.txt"
echo "live heap, no twin in memory: $empty MB"
java -cp "$bench_jar" io.liftguard.benchmarks.ReadEveryTwin "$base" "$token" CR "$elevators" "$concurrency" | tee "$work/read.out" \
  | awk 'NR <= 1 || /^read / || /^failed/ || ($1 % 10 == 0)'
full=$(live_heap_mb)
jcmd "$pid" GC.class_histogram > "$work/histogram-full.txt"
echo "live heap, $elevators twins in memory: $full MB; per twin: $(awk -v a="$empty" -v b="$full" -v n="$elevators" 'BEGIN{printf "%.2f", (b - a) * 1024 / n}') KB"
echo "what a twin holds (class histogram with every twin in memory minus without, bytes per twin, top 15):"
python3 - "$work/histogram-empty.txt" "$work/histogram-full.txt" "$elevators" <<'PY'
import re, sys
def read(path):
    out = {}
    for line in open(path):
        m = re.match(r"\s*\d+:\s+(\d+)\s+(\d+)\s+(\S+)", line)
        if m: out[m.group(3)] = (int(m.group(1)), int(m.group(2)))
    return out
a, b, n = read(sys.argv[1]), read(sys.argv[2]), int(sys.argv[3])
diff = sorted(((b[k][1] - a.get(k, (0, 0))[1], b[k][0] - a.get(k, (0, 0))[0], k) for k in b), reverse=True)
for size, count, k in diff[:15]:
    print("  %7.0f B  %5.1f objects  %s" % (size / n, count / n, k))
PY
