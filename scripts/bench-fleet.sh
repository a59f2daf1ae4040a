#!/usr/bin/env bash
# The fleet read model at city scale: starts the platform jar on a fresh store, imports a register of ELEVATORS
# elevators (default 300,000) in chunks, waits until the read model has every one (projection catch-up), measures
# a filtered, sorted page and an aggregate by district with wrk, then stops the platform and rebuilds the read
# model from the journal (rebuild-read-model). Prints every figure.
#
#   scripts/bench-fleet.sh                                   # embedded store and read model
#   LIFTGUARD_STORE=cassandra LIFTGUARD_READ_DATABASE=postgres \
#     LIFTGUARD_READ_DB_URL=jdbc:postgresql://127.0.0.1:5432/liftguard scripts/bench-fleet.sh
#
# Env: DATA_DIR (kept when given; default a temporary one), IMPORT / SEARCH / REBUILD (1; 0 skips that phase: with
# IMPORT=0 the platform starts on DATA_DIR as it is), ELEVATORS (300000), CHUNK (5000; a chunk above 1,000 rows runs
# as an import job, followed until done), DURATION (30s), CONNECTIONS (4), JAR; LIFTGUARD_* go to the platform.
# Needs wrk, python3 and a built jar. The Postgres read database must be empty (scripts/postgres.sh wipe; start).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
jar="${JAR:-$repo/api/target/liftguard.jar}"
elevators="${ELEVATORS:-300000}"; chunk="${CHUNK:-5000}"; duration="${DURATION:-30s}"; connections="${CONNECTIONS:-4}"
if [[ -n ${DATA_DIR:-} ]]; then work="$DATA_DIR"; mkdir -p "$work"; keep=1; else work="$(mktemp -d)"; keep=0; fi
source "$repo/scripts/lib/bench-platform.sh"
pid=
stop_platform() { if [[ -n $pid ]]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=; fi; }
trap 'stop_platform; [[ $keep == 1 ]] || rm -rf "$work"' EXIT
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.1f", b-a}'; }

java -Xmx2g -jar "$jar" > "$work/platform.log" 2>&1 &
pid=$!
await_platform "$pid"
token=$(java -jar "$jar" mint-token --role admin --id bench | tail -1)
echo "bench-fleet: store ${LIFTGUARD_STORE:-h2}, read model ${LIFTGUARD_READ_DATABASE:-embedded}, $elevators elevators"

if [[ ${IMPORT:-1} == 1 ]]; then
python3 - "$elevators" "$chunk" "$work" <<'PY'
import random, sys
n, chunk, work = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rnd = random.Random(42)
districts = ["Yuzhong", "Jiangbei", "Nanan", "Shapingba", "Jiulongpo", "Yubei", "Jiangjin"]
types = ["RESIDENTIAL"] * 6 + ["OFFICE", "HOSPITAL", "SCHOOL", "MALL", "STATION"]
makers = [("Otis", "GeN2"), ("KONE", "MonoSpace"), ("Schindler", "3300"), ("Mitsubishi", "NexWay"), ("Canny", "C1")]
companies = ["Yongan Lift Service", "Jialing Lift Care", "Chongqing Elevator Co", "Mountain City Maintenance"]
insurers = ["PICC Chongqing", "Ping An P&C", "CPIC Chongqing"]
header = "registrationCode,district,street,address,buildingType,manufacturer,model,driveType,brakeType,ratedLoadKg,ratedSpeedMps,floorsServed,installationDate,usingUnit,maintenanceCompany,insurer,hasPropertyManagement,hasMaintenanceCompany,hasRepairFund,nextInspectionDue,lastMaintenanceDate"
for c in range(0, n, chunk):
    with open(f"{work}/chunk-{c // chunk:04d}.csv", "w") as f:
        f.write(header + "\n")
        for i in range(c, min(n, c + chunk)):
            d = rnd.choice(districts); m = rnd.choice(makers)
            year = 2025 - int(rnd.triangular(0, 30, 8))
            three_no = rnd.random() < 0.03
            f.write(f"BF-{i:07d},{d},Street {rnd.randint(1, 40)},{rnd.randint(1, 999)} Road,{rnd.choice(types)},{m[0]},{m[1]},"
                    f"TRACTION,{'DRUM' if rnd.random() < 0.18 else 'DISC'},{rnd.choice([630, 800, 1000, 1350])},1.5,{rnd.randint(6, 33)},"
                    f"{year}-{rnd.randint(1, 12):02d}-01,Unit {rnd.randint(1, 20000)},{'' if three_no else rnd.choice(companies)},"
                    f"{rnd.choice(insurers)},{str(not three_no).lower()},{str(not three_no).lower()},{str(not three_no).lower()},"
                    f"2027-{rnd.randint(1, 12):02d}-01,2026-11-{rnd.randint(1, 24):02d}\n")
PY

t0=$(now)
for f in "$work"/chunk-*.csv; do
  import_register "$f" text/csv "$token"
done
t1=$(now)
echo "import: $elevators elevators in $(secs "$t0" "$t1") s ($(awk -v n="$elevators" -v a="$t0" -v b="$t1" 'BEGIN{printf "%.0f", n/(b-a)}') elevators/s)"

count() { curl -s -H "Authorization: Bearer $token" "$base/api/v1/fleet/aggregates?groupBy=district" \
  | python3 -c 'import json,sys; print(sum(g["elevators"] for g in json.load(sys.stdin)["groups"]))'; }
until [[ $(count) -ge $elevators ]]; do sleep 1; done
t2=$(now)
files() { for d in journal read; do [[ -d "$work/data/$d" ]] && echo "embedded $d files: $(du -sh "$work/data/$d" | cut -f1)"; done; true; }
files
echo "read model: all $elevators rows $(secs "$t1" "$t2") s after the last import answered ($(secs "$t0" "$t2") s after the first)"
curl -s "$base/health" | python3 -c 'import json,sys; print("lag during import:", json.load(sys.stdin)["readModel"])'
fi

[[ ${SEARCH:-1} == 1 ]] || { stop_platform; exit 0; }
# A regulator's page: one district's old drum-brake (or disc-brake) elevators, riskiest first. The district and brake
# type change from one request to the next: H2 answers a repeated query with unchanged tables from its last result.
search=""
for d in Yuzhong Jiangbei Nanan Shapingba Jiulongpo Yubei Jiangjin; do
  for b in DRUM DISC; do search="$search|/api/v1/fleet?district=$d&brakeType=$b&minAge=10&sort=-faultRisk&limit=50"; done
done
search="${search#|}"
aggregate="/api/v1/fleet/aggregates?groupBy=district"
for q in "$search" "$aggregate"; do
  more=$(tr -cd '|' <<< "$q" | wc -c)
  echo "--- ${q%%|*}$([[ $more -gt 0 ]] && echo " and $more more like it, in turn") ($connections connections, $duration)"
  WRK_TOKEN=$token WRK_PATHS="$q" wrk -t1 -c"$connections" -d10s --timeout 10s -s "$repo/load-tests/wrk/get.lua" "$base" > /dev/null
  WRK_TOKEN=$token WRK_PATHS="$q" wrk -t1 -c"$connections" -d"$duration" --timeout 10s --latency -s "$repo/load-tests/wrk/get.lua" "$base" \
    | grep -E "Requests/sec|50%|90%|99%|Non-2xx|requests in"
done

stop_platform
[[ ${REBUILD:-1} == 1 ]] || exit 0
echo "--- rebuild-read-model on the same data"
java -Xmx2g -jar "$jar" rebuild-read-model | grep -E "rebuild: (done|read model)|ETA" | sed -n '1p;$p'
files
