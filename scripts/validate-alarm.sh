#!/usr/bin/env bash
# Reproduces docs/intelligent-alarm.md: the intelligent alarm's detection delay, missed entrapments and false alarms
# on the simulator's default city. Arguments: elevators (default 20000), days (default 365), seed (default 1).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
. scripts/lib/run-main.sh
run_main fleet-sim 4g io.liftguard.sim.alarm.AlarmValidation \
  --elevators "${1:-20000}" --days "${2:-365}" --seed "${3:-1}" --report docs/intelligent-alarm.md
