#!/usr/bin/env bash
# Reproduces docs/validation-report.md and the shipped model twin/src/main/resources/risk/risk-model.json: simulates the three validation cities (18 months each), fits the 30-day
# fault and entrapment models on months 1-12 and scores them on months 13-18. Arguments: elevators per city
# (default 100000) and seed (default 1). Takes about half a minute on 2 cores.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
. scripts/lib/run-main.sh
run_main fleet-sim 8g io.liftguard.sim.model.Validation \
  --elevators "${1:-100000}" --seed "${2:-1}" --report docs/validation-report.md \
  --model-out twin/src/main/resources/risk/risk-model.json
