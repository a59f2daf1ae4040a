#!/usr/bin/env bash
# One Gatling simulation at full size against a platform of its own: starts the platform on a fresh embedded store
# (or LIFTGUARD_STORE=cassandra) with -Xmx$HEAP, runs the simulation (it registers its fleet itself), and prints
# Gatling's summary, the live heap after the run (full GC) and how often the platform logged a refused journal write,
# a restarted twin, a warning or an error. Gatling's HTML report is under load-tests/target/gatling/, the platform's
# log in load-tests/target/bench-gatling-platform.log.
#
#   scripts/bench-gatling.sh CityHeartbeatSimulation       # 270,000 elevators, a reading each every 30 s, 10 minutes
#   scripts/bench-gatling.sh MixedReadsSimulation
#   ARGS="-Delevators=90000 -DdurationSec=120" scripts/bench-gatling.sh CityHeartbeatSimulation
#
# Twins stay in memory between their registration and their first request (LIFTGUARD_PASSIVATE_AFTER_IDLE, 15m here):
# registering 270,000 takes longer than the default 2 minutes of idleness, and a city that reports every 30 s never
# leaves a twin idle that long. Recovering a whole city at once is the cold-restart benchmark's (bench-restart.sh).
#
# Env: HEAP (8g), JAVA_OPTS (more options for the platform's JVM, e.g. -XX:+UseZGC), ARGS (more -D settings for the
# simulation), JAR; LIFTGUARD_* go to the platform.
set -euo pipefail
[[ $# == 1 ]] || { echo "usage: $0 SIMULATION (a class in load-tests, e.g. CityHeartbeatSimulation)" >&2; exit 2; }
repo="$(cd "$(dirname "$0")/.." && pwd)"
jar="${JAR:-$repo/api/target/liftguard.jar}"
[[ -f $jar ]] || { echo "bench-gatling: $jar is missing (mvn -B install -DskipTests)" >&2; exit 1; }
work="$(mktemp -d)"
source "$repo/scripts/lib/bench-platform.sh"
export LIFTGUARD_PASSIVATE_AFTER_IDLE="${LIFTGUARD_PASSIVATE_AFTER_IDLE:-15m}"
# shellcheck disable=SC2086
java -Xmx"${HEAP:-8g}" ${JAVA_OPTS:-} -jar "$jar" > "$work/platform.log" 2>&1 &
pid=$!
log="$repo/load-tests/target/bench-gatling-platform.log"
mkdir -p "$(dirname "$log")"
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; cp "$work/platform.log" "$log"; rm -rf "$work"' EXIT
await_platform "$pid"
token=$(java -jar "$jar" mint-token --role admin --id loadtest | tail -1)
rc=0
# shellcheck disable=SC2086
(cd "$repo" && mvn -B -pl load-tests gatling:test -Dgatling.simulationClass="io.liftguard.loadtests.$1" \
  -DbaseUrl="$base" -DadminToken="$token" ${ARGS:-}) > "$work/gatling.log" 2>&1 || rc=$?
# the simulation's own lines, Gatling's final summary and its assertions
grep -E "^[a-z]" "$work/gatling.log" | grep -vE "^(waiting|Gatling [0-9.]+ is available)|: (true|false) \(actual" \
  | head -20 || true
awk '/^---- Global Information/ {p = 1} p && /^> / && !/^> *$/ {print}' "$work/gatling.log"
grep -E "Please open|: (true|false) \(actual" "$work/gatling.log" || true
jcmd "$pid" GC.run > /dev/null
echo "live heap after the run: $(jcmd "$pid" GC.heap_info | grep -m1 used)"
echo "platform log: $(grep -c "Failed to enqueue journal" "$work/platform.log" || true) journal writes refused," \
  "$(grep -c "Supervisor RestartSupervisor saw failure" "$work/platform.log" || true) twin restarts," \
  "$(grep -c " WARN \| ERROR " "$work/platform.log" || true) warnings and errors (the log: $log)"
[[ $rc == 0 ]] || echo "bench-gatling: the simulation failed (rc=$rc)"
exit "$rc"
