package io.liftguard.regulation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class KpiRulesTest {
  private static final Instant T = Instant.parse("2026-11-10T02:00:00Z");
  private static final Duration ACK = Duration.ofMinutes(5);
  private static final Duration ARRIVE = Duration.ofMinutes(30);
  private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");

  private static KpiRules.Rescue rescue(
      String id, String elevator, Integer ackMin, Integer arriveMin) {
    return rescue(id, elevator, T, ackMin, arriveMin);
  }

  private static KpiRules.Rescue rescue(
      String id, String elevator, Instant alarm, Integer ackMin, Integer arriveMin) {
    return new KpiRules.Rescue(
        id,
        elevator,
        alarm,
        ackMin == null ? null : alarm.plus(Duration.ofMinutes(ackMin)),
        arriveMin == null ? null : alarm.plus(Duration.ofMinutes(arriveMin)));
  }

  private static Kpi kpi(List<Kpi> all, KpiKind kind) {
    return all.stream().filter(k -> k.kind() == kind).findFirst().orElseThrow();
  }

  @Test
  void theFiveKpisByHand() {
    List<KpiRules.Rescue> rescues =
        List.of(
            rescue("r1", "E1", 1, 12),
            rescue("r2", "E1", 4, 28),
            rescue("r3", "E2", 9, 45), // acknowledged late, arrived late
            rescue("r4", "E3", null, null), // never acknowledged, no arrival: late on both
            // Alarmed a minute before now: inside both windows, counted in neither rate yet; no
            // arrival for the mean.
            rescue("r5", "E4", NOW.minus(Duration.ofMinutes(1)), null, null));
    List<KpiRules.Inspection> inspections =
        List.of(
            new KpiRules.Inspection("E1", LocalDate.of(2026, 11, 3), true, true),
            new KpiRules.Inspection("E2", LocalDate.of(2026, 11, 4), false, true),
            new KpiRules.Inspection(
                "E2", LocalDate.of(2026, 11, 20), true, false), // the re-inspection
            new KpiRules.Inspection("E5", LocalDate.of(2026, 11, 21), true, true));
    List<Kpi> k =
        KpiRules.compute(new KpiRules.Facts(1000, rescues, inspections), ACK, ARRIVE, NOW);

    Kpi response = kpi(k, KpiKind.EMERGENCY_RESPONSE_RATE); // r1, r2 in time of r1-r4
    assertEquals(2, response.numerator());
    assertEquals(4, response.denominator());
    assertEquals(0.5, response.value());
    assertEquals(false, response.met());
    assertEquals(
        List.of("E2", "E3"), response.pullingDown().stream().map(Kpi.Culprit::elevatorId).toList());
    assertEquals("r3 acknowledged after 9.0 min", response.pullingDown().get(0).reason());

    Kpi rate =
        kpi(k, KpiKind.ENTRAPMENT_RATE); // 5 incidents / 1000 elevators = 0.5 %: not below 0.5 %
    assertEquals(0.005, rate.value());
    assertEquals(false, rate.met());
    assertEquals(new Kpi.Culprit("E1", "2 entrapments"), rate.pullingDown().get(0));

    Kpi pass = kpi(k, KpiKind.INSPECTION_PASS_RATE); // 2 of 3 first attempts
    assertEquals(2, pass.numerator());
    assertEquals(3, pass.denominator());
    assertEquals(false, pass.met());
    assertEquals(
        List.of(new Kpi.Culprit("E2", "failed its inspection on 2026-11-04")), pass.pullingDown());

    Kpi mean = kpi(k, KpiKind.MEAN_RESCUE_ARRIVAL_MIN); // (12 + 28 + 45) / 3 = 28.33 min
    assertEquals(85, mean.numerator(), 1e-9);
    assertEquals(3, mean.denominator());
    assertEquals(true, mean.met());
    assertEquals(List.of(new Kpi.Culprit("E2", "r3 arrived after 45.0 min")), mean.pullingDown());

    Kpi onTime = kpi(k, KpiKind.ON_TIME_ARRIVAL_RATE); // r1, r2 of r1-r4
    assertEquals(0.5, onTime.value());
    assertEquals(
        List.of("E2", "E3"), onTime.pullingDown().stream().map(Kpi.Culprit::elevatorId).toList());
  }

  @Test
  void aMonthWithoutDataHasNoValueRatherThanAPerfectOne() {
    List<Kpi> k = KpiRules.compute(new KpiRules.Facts(0, List.of(), List.of()), ACK, ARRIVE, NOW);
    for (Kpi kpi : k) {
      assertNull(kpi.value(), kpi.kind().name());
      assertNull(kpi.met(), kpi.kind().name());
    }
  }

  @Test
  void targetsAreMetExactlyAtTheirBoundsWhereTheDefinitionSaysSo() {
    // 99 of 100 acknowledged in time: 99 %, met (>= 99 %); 100 incidents on 25,000 elevators: 0.4
    // %, met (< 0.5 %).
    List<KpiRules.Rescue> rescues = new java.util.ArrayList<>();
    for (int i = 0; i < 100; i++) {
      rescues.add(rescue("r" + i, "E" + (i % 4), i == 0 ? 6 : 2, 30));
    }
    List<Kpi> k =
        KpiRules.compute(new KpiRules.Facts(25_000, rescues, List.of()), ACK, ARRIVE, NOW);
    assertEquals(true, kpi(k, KpiKind.EMERGENCY_RESPONSE_RATE).met());
    assertEquals(0.99, kpi(k, KpiKind.EMERGENCY_RESPONSE_RATE).value());
    assertEquals(true, kpi(k, KpiKind.ENTRAPMENT_RATE).met()); // 100 / 25,000 = 0.4 %
    assertEquals(
        30.0, kpi(k, KpiKind.MEAN_RESCUE_ARRIVAL_MIN).value()); // exactly 30 min: met (<= 30)
    assertEquals(true, kpi(k, KpiKind.MEAN_RESCUE_ARRIVAL_MIN).met());
    assertEquals(
        1.0, kpi(k, KpiKind.ON_TIME_ARRIVAL_RATE).value()); // arriving at 30 min is on time
  }
}
