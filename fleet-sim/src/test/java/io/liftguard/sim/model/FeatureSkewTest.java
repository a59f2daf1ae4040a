package io.liftguard.sim.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FeatureSkewTest {
  /**
   * The replay behind the skew report is sound: the twin's rules accept every report and reading of a simulated year,
   * and the inputs that cannot differ (register data) are equal on both sides.
   */
  @Test
  void aTwinFedTheSimulatedYearAcceptsItAndAgreesOnTheRegister() {
    String report = FeatureSkew.measure(60, 7);
    assertTrue(report.contains("; 0 reports or readings the twin refused"), report);
    for (String feature : new String[] {"drum_brake", "three_no", "public_gathering"}) {
      assertTrue(report.lines().anyMatch(l -> l.startsWith("| " + feature + " |") && l.contains("| 100.0 % | 1.000 |")),
          feature + "\n" + report);
    }
  }
}
