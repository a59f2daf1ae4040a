#!/usr/bin/env bash
# Reproduces docs/integrity-checks.md: precision and recall of the integrity checks against the simulator's injected
# cases. Arguments: elevators (default 20000), days (default 365), seed (default 1).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
. scripts/lib/run-main.sh
run_main fleet-sim 4g io.liftguard.sim.integrity.IntegrityValidation \
  --elevators "${1:-20000}" --days "${2:-365}" --seed "${3:-1}" --report docs/integrity-checks.md
