package io.liftguard.regulation.domain;

import io.liftguard.rescue.domain.Escalation;
import io.liftguard.twin.domain.ConditionWatch;
import io.liftguard.twin.domain.IntegrityChecks;
import io.liftguard.twin.domain.Reading;
import io.liftguard.twin.domain.risk.RiskModel;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A live warning for regulators and the rescue centre: a twin's risk band rising, condition drift,
 * the car seen moving with a door open, a rescue escalated. The rules that word them are pure.
 */
public record Warning(
    Kind kind, String elevatorId, String district, Instant at, String title, String detail) {

  /** What a warning is about. */
  public enum Kind {
    RISK_RISING,
    CONDITION_DRIFT,
    INTEGRITY,
    RESCUE_ESCALATION
  }

  /**
   * A warning when the band moved up from {@code before} (none for a first assessment or a fall).
   */
  public static Optional<Warning> riskMoved(
      String elevatorId,
      String district,
      RiskModel.Band before,
      RiskModel.Assessment now,
      Instant at) {
    if (before == null || now.band().ordinal() <= before.ordinal()) {
      return Optional.empty();
    }
    return Optional.of(
        new Warning(
            Kind.RISK_RISING,
            elevatorId,
            district,
            at,
            "risk rose from " + before + " to " + now.band(),
            String.format(
                Locale.ROOT,
                "30-day fault probability %.1f %%, entrapment %.2f %% (model %s)",
                100 * now.faultProbability30d(),
                100 * now.entrapmentProbability30d(),
                now.modelVersion())));
  }

  /** Condition monitoring saw a signal drift (an early warning of the fault it predicts). */
  public static Warning drift(
      String elevatorId,
      String district,
      ConditionWatch.Kind signal,
      double ewma,
      double baseline,
      Instant at) {
    return new Warning(
        Kind.CONDITION_DRIFT,
        elevatorId,
        district,
        at,
        signal.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " drifting",
        String.format(Locale.ROOT, "%.3f against a baseline of %.3f", ewma, baseline));
  }

  /**
   * A reading of the car moving with a door open: what a bypassed safety circuit allows (one
   * reading: a warning).
   */
  public static Optional<Warning> reading(String elevatorId, String district, Reading r) {
    if (!IntegrityChecks.movingWithDoorOpen(r)) {
      return Optional.empty();
    }
    return Optional.of(
        new Warning(
            Kind.INTEGRITY,
            elevatorId,
            district,
            r.timestamp(),
            "car moving with a door open (短接安全回路?)",
            String.format(
                Locale.ROOT,
                "%s at %s m/s, door %s, door-lock circuit %s",
                r.direction(),
                r.speedMps(),
                r.doorState(),
                Boolean.FALSE.equals(r.doorLockCircuitClosed()) ? "open" : "closed")));
  }

  /** A rescue case's clock ran out. */
  public static Warning escalated(
      String elevatorId, String district, String caseId, Escalation e, Instant dueAt) {
    return new Warning(
        Kind.RESCUE_ESCALATION,
        elevatorId,
        district,
        dueAt,
        "rescue " + e.name().toLowerCase(Locale.ROOT).replace('_', ' '),
        "case " + caseId + ", due " + dueAt);
  }
}
