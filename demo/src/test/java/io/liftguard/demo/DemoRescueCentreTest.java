package io.liftguard.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liftguard.rescue.RescueReader;
import io.liftguard.rescue.domain.RescueStep;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DemoRescueCentreTest {
  private static final Instant ALARM = Instant.parse("2026-11-30T02:00:00Z");

  private static RescueReader.CaseRow at(String id, RescueStep step) {
    return new RescueReader.CaseRow(
        id,
        "E1",
        "jiangjin",
        "GATEWAY",
        "e",
        step.name(),
        step != RescueStep.CLOSED,
        ALARM,
        null,
        null,
        null,
        null,
        null,
        List.of());
  }

  @Test
  void eachCaseTakesItsNextStepOnceItsPlannedTimeHasPassed() {
    DemoRescueCentre.Plan plan = DemoRescueCentre.Plan.of("R-E1-7");
    assertEquals(Optional.empty(), DemoRescueCentre.due(at("R-E1-7", RescueStep.ALARM), ALARM));
    Instant later = ALARM.plus(plan.acknowledge());
    assertEquals(
        Optional.of(new DemoRescueCentre.Due(RescueStep.ACKNOWLEDGED, later)),
        DemoRescueCentre.due(at("R-E1-7", RescueStep.ALARM), later.plusSeconds(5)));
    assertEquals(
        RescueStep.ARRIVED,
        DemoRescueCentre.due(at("R-E1-7", RescueStep.DISPATCHED), ALARM.plus(Duration.ofHours(1)))
            .get()
            .step());
    assertEquals(
        Optional.empty(),
        DemoRescueCentre.due(at("R-E1-7", RescueStep.CLOSED), ALARM.plusSeconds(86_400)));
  }

  @Test
  void arrivalsAverageAboutJiangsusTwelveMinutesWithAFewLate() {
    double minutes = 0;
    int late = 0;
    int n = 10_000;
    for (int i = 0; i < n; i++) {
      DemoRescueCentre.Plan p = DemoRescueCentre.Plan.of("R-SIM-" + i + "-cut");
      minutes += p.arrive().toSeconds() / 60.0;
      late += p.arrive().compareTo(Duration.ofMinutes(30)) > 0 ? 1 : 0;
      assertTrue(
          p.acknowledge().compareTo(p.dispatch()) < 0 && p.dispatch().compareTo(p.arrive()) < 0);
    }
    assertEquals(0.05, late / (double) n, 0.01);
    assertEquals(13.4, minutes / n, 1.0); // 95 % at 6-18 min (mean 12), 5 % at 35-44 min
  }
}
