package io.liftguard.regulation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liftguard.rescue.domain.Escalation;
import io.liftguard.twin.domain.Direction;
import io.liftguard.twin.domain.DoorState;
import io.liftguard.twin.domain.Reading;
import io.liftguard.twin.domain.RunningMode;
import io.liftguard.twin.domain.risk.RiskModel;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarningTest {
  private static final Instant AT = Instant.parse("2026-12-01T02:00:00Z");

  private static RiskModel.Assessment risk(RiskModel.Band band) {
    return new RiskModel.Assessment(0.052, 0.0031, band, "glm-3", List.of());
  }

  @Test
  void onlyARiseOfTheRiskBandWarns() {
    assertTrue(
        Warning.riskMoved("E", "d", null, risk(RiskModel.Band.HIGH), AT).isEmpty(),
        "a first assessment");
    assertTrue(
        Warning.riskMoved("E", "d", RiskModel.Band.HIGH, risk(RiskModel.Band.MEDIUM), AT).isEmpty(),
        "a fall");
    assertTrue(
        Warning.riskMoved("E", "d", RiskModel.Band.MEDIUM, risk(RiskModel.Band.MEDIUM), AT)
            .isEmpty());
    Warning w =
        Warning.riskMoved("E", "d", RiskModel.Band.LOW, risk(RiskModel.Band.HIGH), AT)
            .orElseThrow();
    assertEquals("risk rose from LOW to HIGH", w.title());
    assertEquals("30-day fault probability 5.2 %, entrapment 0.31 % (model glm-3)", w.detail());
  }

  @Test
  void aReadingWarnsOnlyWhenTheCarMovesWithADoorOpen() {
    Reading moving =
        new Reading(
            "E",
            AT,
            4,
            Direction.UP,
            1.2,
            DoorState.CLOSED,
            null,
            RunningMode.NORMAL,
            true,
            false,
            false,
            true,
            false,
            null,
            null,
            null);
    assertEquals(
        "UP at 1.2 m/s, door CLOSED, door-lock circuit open",
        Warning.reading("E", "d", moving).orElseThrow().detail());
    Reading shut =
        new Reading(
            "E",
            AT,
            4,
            Direction.UP,
            1.2,
            DoorState.CLOSED,
            null,
            RunningMode.NORMAL,
            true,
            true,
            false,
            true,
            false,
            null,
            null,
            null);
    assertTrue(Warning.reading("E", "d", shut).isEmpty());
  }

  @Test
  void anEscalationNamesItsCase() {
    Warning w = Warning.escalated("E", "d", "R-E-1", Escalation.EMERGENCY_SERVICES, AT);
    assertEquals(Warning.Kind.RESCUE_ESCALATION, w.kind());
    assertEquals("rescue emergency services", w.title());
    assertEquals("case R-E-1, due " + AT, w.detail());
  }
}
