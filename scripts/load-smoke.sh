#!/usr/bin/env bash
# A short run of every Gatling simulation in load-tests/ (CI runs this after the test suite): starts the platform jar
# on a fresh embedded store, runs each simulation for a few seconds at a small fleet, and fails when one fails its
# assertions (no failed request, its own checks) or writes no HTML report. The latency goals are relaxed to 2 s here:
# CI shares 2 cores between the platform, Gatling and Maven, so a smoke shows the scenarios work, not how fast; the
# figures are in docs/benchmarks.md. Extra arguments go to Maven (e.g. -Dgatling.simulationClass=...).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
jar="${JAR:-$repo/api/target/liftguard.jar}"
[[ -f $jar ]] || { echo "load-smoke: $jar is missing (mvn -B package -DskipTests)" >&2; exit 1; }
work="$(mktemp -d)"
source "$repo/scripts/lib/bench-platform.sh"
java -Xmx1g -jar "$jar" > "$work/platform.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
await_platform "$pid" 120
token=$(java -jar "$jar" mint-token --role admin --id load-smoke | tail -1)
reports="$repo/load-tests/target/gatling"
shopt -s nullglob
count_reports() { local r=("$reports"/*/index.html); echo ${#r[@]}; }
before=$(count_reports)
cd "$repo"
mvn -B -pl load-tests gatling:test -DbaseUrl="$base" -DadminToken="$token" -Dp99Ms=2000 \
  -Delevators=600 -DdurationSec=15 -DbatchesPerSec=20 -DregisterClients=4 -DsimulatedDaySec=5 \
  -Dalarms=200 -DstormSec=15 -DheartbeatsPerSec=10 -DintervalSec=5 -DbatchSize=20 \
  -DregulatorsPerSec=5 -DinsurersPerSec=2 "$@" \
  || { echo "load-smoke: a simulation failed; the platform's log ends:" >&2; tail -20 "$work/platform.log" >&2; exit 1; }
after=$(count_reports)
sims=(load-tests/src/test/java/io/liftguard/loadtests/*Simulation.java)
simulations=${#sims[@]}
echo "load-smoke: $((after - before)) new HTML reports in $reports for $simulations simulations"
[[ $# -gt 0 || $((after - before)) -ge $simulations ]] || { echo "load-smoke: a simulation wrote no report" >&2; exit 1; }
