package io.liftguard.maintenance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerformanceTest {
  @Test
  void eachTargetStandsAgainstWhatWasDoneAndNothingMeasuredIsNotJudged() {
    // 20 elevators over half a year: 10 elevator-years.
    Performance p = new Performance(new BigDecimal("10"), 1, 6, 4, 3, 1, 1, 240, 230);
    List<Performance.Line> lines = p.against(ContractTest.TARGETS);
    assertEquals(
        List.of(
            new Performance.Line(
                "entrapmentsPerElevatorYear",
                new BigDecimal("0.06"),
                new BigDecimal("0.1000"),
                true,
                false),
            new Performance.Line(
                "faultsPerElevatorYear",
                new BigDecimal("0.5"),
                new BigDecimal("0.6000"),
                true,
                false),
            new Performance.Line(
                "firstInspectionPassRate",
                new BigDecimal("0.95"),
                new BigDecimal("0.7500"),
                false,
                false),
            new Performance.Line(
                "rescuesWithinResponseMinutes",
                BigDecimal.ONE,
                new BigDecimal("1.0000"),
                false,
                true),
            new Performance.Line(
                "visitsOnTimeRate",
                new BigDecimal("0.98"),
                new BigDecimal("0.9583"),
                false,
                false)),
        lines);
    Performance none = new Performance(BigDecimal.ZERO, 0, 0, 0, 0, 0, 0, 0, 0);
    none.against(ContractTest.TARGETS)
        .forEach(l -> assertEquals(null, l.met(), l.target() + " judged with nothing measured"));
  }
}
