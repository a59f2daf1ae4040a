#!/usr/bin/env bash
# Reproduces docs/on-demand-maintenance.md: fixed 15-day against on-demand maintenance on the simulator (default, older
# and poorly maintained cities, several seeds), and how the answer moves with the condition model's assumed constants.
# Arguments: elevators per city (default 20000), seeds (default 3).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
. scripts/lib/run-main.sh
run_main fleet-sim 4g io.liftguard.sim.maintenance.MaintenanceComparison \
  --elevators "${1:-20000}" --seeds "${2:-3}" --report docs/on-demand-maintenance.md
