#!/usr/bin/env bash
# Rewrites docs/feature-skew.md: the risk features the model is fitted on (RiskFeatures, from the simulator's monthly
# aggregates) against those a twin fed the same simulated history computes (TwinRiskFeatures, via the twin's rules at
# real time scale). Arguments: elevators (default 20000) and seed (default 1). About a minute on 2 cores.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
mvn -B -q install -DskipTests -pl fleet-sim -am
mvn -B -q -f fleet-sim/pom.xml dependency:build-classpath -Dmdep.outputFile=target/cp.txt
java -Xmx8g -cp "fleet-sim/target/classes:$(cat fleet-sim/target/cp.txt)" io.liftguard.sim.model.FeatureSkew \
  --elevators "${1:-20000}" --seed "${2:-1}" --report docs/feature-skew.md
