package io.liftguard.sim.maintenance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liftguard.sim.SimConfig;
import io.liftguard.sim.SimConfig.Upkeep;
import io.liftguard.sim.maintenance.MaintenanceComparison.Outcome;
import org.junit.jupiter.api.Test;

/** The condition model's visits and their effect, on a small city. */
class MaintenanceComparisonTest {
  private static final SimConfig CITY = SimConfig.defaults(5, 1500, 365);

  @Test
  void fewerVisitsMeanMoreFaultsAndTheTripCounterSendsVisitsWhereUseCallsForThem() {
    Outcome calendar = MaintenanceComparison.run(CITY);
    Outcome fixed =
        MaintenanceComparison.run(CITY.withUpkeep(Upkeep.condition(new Upkeep.Fixed(15))));
    Outcome byFaults =
        MaintenanceComparison.run(
            CITY.withUpkeep(Upkeep.condition(new Upkeep.OnDemand(45, 2, true, false))));
    Outcome byUse =
        MaintenanceComparison.run(
            CITY.withUpkeep(Upkeep.condition(new Upkeep.OnDemand(45, 2, true, true))));
    // The same 15-day schedule in both models (skips differ by chance only).
    assertTrue(
        Math.abs(fixed.visits() - calendar.visits()) < 0.02 * calendar.visits(),
        fixed.visits() + " vs " + calendar.visits());
    // Waiting for faults and warnings: far fewer visits, more faults.
    assertTrue(byFaults.visits() < fixed.visits() / 2, byFaults.visits() + " vs " + fixed.visits());
    assertTrue(
        byFaults.faults() > 1.2 * fixed.faults(), byFaults.faults() + " vs " + fixed.faults());
    // The trip counter sends busy elevators visits sooner: fewer faults than the fixed cycle.
    assertTrue(byUse.faults() < fixed.faults(), byUse.faults() + " vs " + fixed.faults());
  }
}
