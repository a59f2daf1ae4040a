#!/usr/bin/env bash
# JMH microbenchmarks of the hot paths (benchmarks/: a reading's parse and validation, the twin's rules on a reading,
# risk scoring). Arguments go to JMH (e.g. -f 1 -wi 2 -i 3, or a benchmark name pattern). About 2 minutes.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
mvn -B -q install -DskipTests -pl benchmarks -am
java -jar benchmarks/target/benchmarks.jar "$@"
