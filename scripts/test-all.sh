#!/usr/bin/env bash
# Runs the whole test suite: unit tests, then the integration tests on the embedded H2 store and on a real
# Cassandra node with a real PostgreSQL server for the read side, then the fault tests, then a short smoke run of
# every Gatling simulation against the platform jar (scripts/load-smoke.sh), then the pages in headless Chromium
# against the demo (scripts/browser-test.sh, which installs Debian's chromium if missing). Starts the node and the
# server (both fetched from Maven Central on first use) unless they already answer on 127.0.0.1:9042 and :5432,
# and stops what it started, whatever the outcome. Extra arguments go to Maven.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"

started=0
started_pg=0
cleanup() {
  if [[ $started == 1 ]]; then scripts/cassandra.sh stop || true; fi
  if [[ $started_pg == 1 ]]; then scripts/postgres.sh stop || true; fi
}
trap cleanup EXIT

if (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; then
  echo "test-all: using the PostgreSQL server already listening on 127.0.0.1:5432"
else
  started_pg=1
  scripts/postgres.sh start
fi

if (exec 3<>/dev/tcp/127.0.0.1/9042) 2>/dev/null; then
  echo "test-all: using the Cassandra node already listening on 127.0.0.1:9042"
else
  started=1
  scripts/cassandra.sh start
fi

export LIFTGUARD_CASSANDRA_CONTACT_POINTS="${LIFTGUARD_CASSANDRA_CONTACT_POINTS:-127.0.0.1:9042}"
# Tests create a database of their own on this server for each test (user liftguard, trusted).
export LIFTGUARD_TEST_POSTGRES="${LIFTGUARD_TEST_POSTGRES:-127.0.0.1:5432}"
mvn -B verify "$@"
scripts/load-smoke.sh
# Screenshots of a test run stay in target/; scripts/browser-test.sh alone refreshes the README's in docs/screenshots.
SCREENSHOTS="$repo/web/target/screenshots" scripts/browser-test.sh
