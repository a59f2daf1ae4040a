#!/usr/bin/env bash
# Writes a new product version whose base rate and class factors are fitted to the shipped risk model (TariffFit):
# scripts/fit-tariff.sh <filed version> <new version>, e.g. liability-2026.1 liability-2026.2. Add the new file to
# insurance/src/main/resources/insurance/products/catalog.json to file it.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
. scripts/lib/run-main.sh
run_main fleet-sim 4g io.liftguard.sim.pricing.TariffFit \
  --from "$1" --to "$2"
