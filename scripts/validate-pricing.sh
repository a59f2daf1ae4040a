#!/usr/bin/env bash
# Reproduces docs/pricing-report.md and the curves the platform serves from it
# (insurance/src/main/resources/insurance/pricing-report.json): simulates the pricing validation cities (two years
# each), recalibrates the shipped risk model on year 1, prices year 2 with LiftGuard, flat and age-band premiums and
# scores them against year 2's losses (Gini of the ordered Lorenz curve, loss ratio per decile, portfolio loss ratio,
# bounded re-rating).
# Arguments: elevators per city (default 60000) and seed (default 11; the model was fitted on seed 1).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
. scripts/lib/run-main.sh
run_main fleet-sim 12g io.liftguard.sim.pricing.PricingValidation \
  --elevators "${1:-60000}" --seed "${2:-11}" --report docs/pricing-report.md \
  --curves insurance/src/main/resources/insurance/pricing-report.json
