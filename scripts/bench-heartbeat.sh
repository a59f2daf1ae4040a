#!/usr/bin/env bash
# The full-size city heartbeat on one machine: starts the platform on a fresh embedded store (or LIFTGUARD_STORE=
# cassandra) with -Xmx$HEAP, runs CityHeartbeatSimulation against it (it registers the fleet by import jobs, then
# sends the heartbeat), and prints Gatling's summary, the live heap after the run (full GC) and how often the platform
# logged a failed journal write or a restarted twin. Gatling's HTML report is under load-tests/target/gatling/.
#
#   scripts/bench-heartbeat.sh                        # 270,000 elevators, a reading each every 30 s, 10 minutes
#   ARGS="-Delevators=90000 -DdurationSec=120" scripts/bench-heartbeat.sh
#
# Twins stay in memory between their registration and their first reading (LIFTGUARD_PASSIVATE_AFTER_IDLE, 15m here):
# registering 270,000 takes longer than the default 2 minutes of idleness, and a city that reports every 30 s never
# leaves a twin idle that long. Recovering a whole city at once is the cold-restart benchmark's (bench-restart.sh).
#
# Env: HEAP (8g), ARGS (more -D settings for the simulation), JAR; LIFTGUARD_* go to the platform.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
jar="${JAR:-$repo/api/target/liftguard.jar}"
[[ -f $jar ]] || { echo "bench-heartbeat: $jar is missing (mvn -B install -DskipTests)" >&2; exit 1; }
work="$(mktemp -d)"
source "$repo/scripts/lib/bench-platform.sh"
export LIFTGUARD_PASSIVATE_AFTER_IDLE="${LIFTGUARD_PASSIVATE_AFTER_IDLE:-15m}"
java -Xmx"${HEAP:-8g}" -jar "$jar" > "$work/platform.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
until curl -sf "$base/health" > /dev/null; do
  kill -0 "$pid" 2>/dev/null || { echo "bench-heartbeat: the platform died:" >&2; tail -30 "$work/platform.log" >&2; exit 1; }
  sleep 0.5
done
token=$(java -jar "$jar" mint-token --role admin --id loadtest | tail -1)
rc=0
# shellcheck disable=SC2086
(cd "$repo" && mvn -B -pl load-tests gatling:test -Dgatling.simulationClass=io.liftguard.loadtests.CityHeartbeatSimulation \
  -DbaseUrl="$base" -DadminToken="$token" ${ARGS:-}) > "$work/gatling.log" 2>&1 || rc=$?
grep -E "^city heartbeat|registered|^> |Please open" "$work/gatling.log" | grep -v "^> *$" || true
jcmd "$pid" GC.run > /dev/null
echo "live heap after the run: $(jcmd "$pid" GC.heap_info | grep -m1 used)"
echo "platform log: $(grep -c "Failed to enqueue journal" "$work/platform.log" || true) journal writes refused," \
  "$(grep -c "Supervisor RestartSupervisor saw failure" "$work/platform.log" || true) twin restarts," \
  "$(grep -c " WARN \| ERROR " "$work/platform.log" || true) warnings and errors"
[[ $rc == 0 ]] || echo "bench-heartbeat: the simulation failed (rc=$rc)"
exit "$rc"
