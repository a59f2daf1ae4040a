package io.liftguard.sim.pricing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.liftguard.sim.SimConfig;
import io.liftguard.twin.Fixtures;
import io.liftguard.twin.domain.EventType;
import io.liftguard.twin.domain.IntegrityChecks;
import io.liftguard.twin.domain.TwinEvent;
import io.liftguard.twin.domain.TwinRules;
import io.liftguard.twin.domain.access.Role;
import io.liftguard.twin.domain.risk.FaultCounting;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pricing validation counts faults by month as the platform does, from what was reported. */
class PlatformFaultCountTest {
  /** A maintenance company's report. */
  private static TwinEvent raised(String id, EventType type, Instant at) {
    return new TwinEvent.FaultRaised(id, type, at, null, at, "maintainer", Role.MAINTAINER);
  }

  private static TwinEvent normal(Instant at) {
    return new TwinEvent.LiveStateRecorded(Fixtures.stationary("E", at, true), at, "terminal");
  }

  @Test
  void monthsStartInThePlatformsCalendarAndEndWithTheLastDay() {
    SimConfig c = SimConfig.defaults(1, 1, 60);
    Instant[] months = PricingValidation.monthStarts(c);
    assertEquals(c.start().atStartOfDay(TwinRules.CALENDAR).toInstant(), months[0]);
    assertEquals(months[0].plus(Duration.ofDays(60)), months[months.length - 1]);
  }

  @Test
  void eachMonthCountsAReportedFaultUnlessTheTerminalContradictsIt() {
    Instant m0 = Instant.parse("2026-01-01T00:00:00Z");
    Instant[] months = {
      m0, m0.plus(Duration.ofDays(31)), m0.plus(Duration.ofDays(59)), m0.plus(Duration.ofDays(90))
    };
    Instant inMonth1 = months[1].plus(Duration.ofDays(3));
    Instant inMonth2 = months[2].plus(Duration.ofDays(3));
    List<TwinEvent> record =
        List.of(
            raised("f-1", EventType.BRAKE_SYSTEM_FAULT, inMonth1),
            normal(inMonth2.minusSeconds(600)),
            raised("f-2", EventType.DOOR_CLOSE_FAILURE, inMonth2),
            normal(inMonth2.plusSeconds(600)),
            raised("a-1", EventType.PASSENGER_ALARM, months[0].plusSeconds(60)));
    PricingValidation.Simulated s = new PricingValidation.Simulated(null, record, months);
    assertArrayEquals(new boolean[] {false, true, true}, s.reported());
    // f-1: nothing could check it (no reading around); f-2: the terminal contradicted it.
    assertEquals(List.of(0, 1, 1), s.judged().stream().map(List::size).toList(), "faults by month");
    assertEquals(IntegrityChecks.Evidence.NONE, s.judged().get(1).get(0).evidence());
    assertEquals(IntegrityChecks.Evidence.CONTRADICTED, s.judged().get(2).get(0).evidence());
    Map<String, FaultCounting.ReporterRecord> records = new HashMap<>();
    s.judged().forEach(m -> FaultCounting.addTo(records, m));
    // The maintainer's record: one checkable report, contradicted: (0 + 9) / (0 + 1 + 9 + 1).
    FaultCounting.Reporters reporters = FaultCounting.Reporters.of(records);
    assertEquals(9.0 / 11, FaultCounting.anyReal(s.judged().get(1), reporters), 1e-12);
    assertEquals(0.0, FaultCounting.anyReal(s.judged().get(2), reporters));
  }
}
