#!/usr/bin/env bash
# Runs the whole test suite: unit tests, then the integration tests on the embedded H2 store and on a real
# Cassandra node. Starts that node (fetched from Maven Central on first use) unless one already answers on
# 127.0.0.1:9042, and stops what it started, whatever the outcome. Extra arguments go to Maven.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"

started=0
cleanup() {
  if [[ $started == 1 ]]; then scripts/cassandra.sh stop || true; fi
}
trap cleanup EXIT

if (exec 3<>/dev/tcp/127.0.0.1/9042) 2>/dev/null; then
  echo "test-all: using the Cassandra node already listening on 127.0.0.1:9042"
else
  started=1
  scripts/cassandra.sh start
fi

export LIFTGUARD_CASSANDRA_CONTACT_POINTS="${LIFTGUARD_CASSANDRA_CONTACT_POINTS:-127.0.0.1:9042}"
mvn -B verify "$@"
