package io.liftguard.sim.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liftguard.sim.SimConfig;
import io.liftguard.twin.domain.IntegrityChecks.Kind;
import org.junit.jupiter.api.Test;

class IntegrityValidationTest {
  /** Every elevator with a terminal reporting every day: what the checks can see, they find. */
  private static final SimConfig CITY =
      SimConfig.defaults(5, 600, 365).withTerminals(SimConfig.Terminals.PERFECT);

  @Test
  void theChecksFindTheInjectedCasesTheTerminalCanSee() {
    var counts = IntegrityValidation.run(CITY, IntegrityValidation.Signals.DEFAULT);
    var faults = counts.get(Kind.FAULT_WITHOUT_EVIDENCE);
    var visits = counts.get(Kind.VISIT_WITHOUT_INSPECTION_MODE);
    assertTrue(
        faults.truePositives + faults.falseNegatives > 20, "too few false reports to measure");
    assertTrue(
        faults.recall() > 0.9 && faults.precision() > 0.6,
        faults.recall() + " / " + faults.precision());
    assertTrue(
        visits.recall() > 0.9 && visits.precision() > 0.4,
        visits.recall() + " / " + visits.precision());
  }

  @Test
  void onlyRealFaultsACompanyReportedAreEverFlagged() {
    // The terminal's own fault reports are their own evidence: with every real fault raised by
    // the terminal, no real fault is flagged, and the false reports (a company's) still are.
    var terminalRaisesAll = new IntegrityValidation.Signals(1.0, 0.98, 0.85, 0.95, 0.05, 0.0001);
    var faults = IntegrityValidation.run(CITY, terminalRaisesAll).get(Kind.FAULT_WITHOUT_EVIDENCE);
    assertEquals(0, faults.falsePositives);
    assertTrue(faults.recall() > 0.9, "recall " + faults.recall());
    var companyReportsAll = new IntegrityValidation.Signals(0.0, 0.98, 0.85, 0.95, 0.05, 0.0001);
    assertTrue(
        IntegrityValidation.run(CITY, companyReportsAll)
                .get(Kind.FAULT_WITHOUT_EVIDENCE)
                .falsePositives
            > 0,
        "a company's report of a real fault the terminal did not see is flagged");
  }

  @Test
  void reportsOnElevatorsWithoutATerminalAreNeverChecked() {
    var none = new SimConfig.Terminals(0.0, 1, 0, 0, 0, 0, 0, 1); // no elevator has a terminal
    var counts =
        IntegrityValidation.run(
            SimConfig.defaults(5, 200, 365).withTerminals(none),
            IntegrityValidation.Signals.DEFAULT);
    for (Kind k : Kind.values()) {
      assertEquals(0, counts.get(k).truePositives + counts.get(k).falsePositives, k.name());
    }
  }

  @Test
  void aTerminalThatNeverReportsGivesNoVerdictEitherWay() {
    var dark = new IntegrityValidation.Signals(0.6, 0.0, 0.85, 0.95, 0.05, 0.0001);
    var counts = IntegrityValidation.run(SimConfig.defaults(5, 200, 365), dark);
    assertEquals(
        0,
        counts.get(Kind.FAULT_WITHOUT_EVIDENCE).truePositives
            + counts.get(Kind.FAULT_WITHOUT_EVIDENCE).falsePositives);
    assertEquals(
        0,
        counts.get(Kind.VISIT_WITHOUT_INSPECTION_MODE).truePositives
            + counts.get(Kind.VISIT_WITHOUT_INSPECTION_MODE).falsePositives);
  }
}
