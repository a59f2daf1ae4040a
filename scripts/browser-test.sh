#!/usr/bin/env bash
# The pages in a real headless Chromium: installs Debian's chromium and CJK fonts if they are missing (apt-get; never a
# browser download by a test tool), starts the platform's jar with its demo city on a data dir and free ports of its
# own, runs web/test/ (node:test + playwright-core) against it, and stops it. Screenshots go to $SCREENSHOTS
# (docs/screenshots, which the README shows). Needs the jar: mvn -B -q package -DskipTests.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
jar=api/target/liftguard.jar
[[ -f $jar ]] || { echo "browser-test: $jar is missing; build it with: mvn -B -q package -DskipTests" >&2; exit 1; }

if ! command -v chromium > /dev/null || ! fc-list 2>/dev/null | grep -qi "cjk"; then
  echo "browser-test: installing Debian's chromium and fonts-noto-cjk"
  sudo=""; [[ $(id -u) == 0 ]] || sudo="sudo"
  $sudo apt-get update -q > /dev/null || true
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q chromium fonts-noto-cjk > /dev/null
fi
[[ -d web/node_modules/playwright-core ]] || (cd web && npm ci --no-audit --no-fund)

work=$(mktemp -d)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port=$(free_port)
base="http://127.0.0.1:$port"
# A simulated day every 30 s: ratings, visits and rescues move while the test watches.
LIFTGUARD_DATA_DIR="$work/data" LIFTGUARD_HTTP_PORT="$port" LIFTGUARD_CLUSTER_PORT="$(free_port)" \
  LIFTGUARD_DEMO_SIMULATED_DAY=30s java -Xmx1g -jar "$jar" > "$work/platform.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
deadline=$((SECONDS + 120))
until [[ -f $work/data/demo-credentials.json ]] && curl -sf "$base/health" > /dev/null; do
  kill -0 $pid 2>/dev/null || { echo "browser-test: the platform died:" >&2; tail -30 "$work/platform.log" >&2; exit 1; }
  ((SECONDS < deadline)) || { echo "browser-test: the platform did not start in 120 s" >&2; exit 1; }
  sleep 0.5
done
# The demo city registers and insures its elevators in its first seconds; the pages are tested on a city that runs.
sleep 10
echo "browser-test: demo platform on $base; running web/test/"
LIFTGUARD_URL="$base" LIFTGUARD_CREDENTIALS="$work/data/demo-credentials.json" \
  SCREENSHOTS="${SCREENSHOTS:-$repo/docs/screenshots}" CHROMIUM="$(command -v chromium)" \
  node --test --test-reporter=spec web/test/
