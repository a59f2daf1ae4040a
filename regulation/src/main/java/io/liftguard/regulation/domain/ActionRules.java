package io.liftguard.regulation.domain;

import io.liftguard.twin.domain.BrakeType;
import io.liftguard.twin.domain.Rectification;
import io.liftguard.twin.domain.TwinState;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Which elevators need a regulator's action today, and why: the action lists of the safe-elevator
 * plans. Pure.
 */
public final class ActionRules {
  private ActionRules() {}

  /** Elevators this old need a safety assessment (the seeds: elevators over 15 years old). */
  public static final int ASSESSMENT_AGE_YEARS = 15;

  /** Why an elevator is on an action list, most urgent first. */
  public enum Kind {
    /** 超期未检: the periodic inspection's validity ran out (or none is on record). */
    OVERDUE_INSPECTION("超期未检"),
    /** 检验不合格: the last inspection failed and no passing one has followed. */
    FAILED_INSPECTION("检验不合格"),
    /** 超期未保: no maintenance visit in the last 15 days (TSG T5002). */
    OVERDUE_MAINTENANCE("超期未保"),
    /** 三无电梯: no property management, maintenance company or repair fund. */
    THREE_NO("三无电梯"),
    /** The risk model puts it in the high band. */
    HIGH_RISK("高风险"),
    /** Over 15 years old with no safety assessment on record. */
    NO_SAFETY_ASSESSMENT("超15年未安全评估"),
    /** A drum brake not yet rectified in the drum-brake hazard campaign. */
    DRUM_BRAKE_NOT_RECTIFIED("鼓式制动器未整改");

    private final String nameZh;

    Kind(String nameZh) {
      this.nameZh = nameZh;
    }

    public String nameZh() {
      return nameZh;
    }
  }

  /**
   * What the lists look at for one elevator, from the fleet read model. Null where nothing is on
   * record.
   */
  public record Facts(
      String elevatorId,
      String district,
      String street,
      String address,
      LocalDate installed,
      boolean threeNo,
      BrakeType brake,
      LocalDate nextInspectionDue,
      Boolean lastInspectionPassed,
      LocalDate lastMaintenance,
      String riskBand,
      Double faultRisk30d,
      LocalDate lastAssessment,
      Rectification.Status drumBrake,
      LocalDate drumBrakeSince) {}

  /** One reason, in words a regulator can act on. */
  public record Action(Kind kind, String nameZh, String why) {}

  /** An elevator with its reasons, most urgent first. */
  public record Due(
      String elevatorId, String district, String street, String address, List<Action> actions) {}

  /** The actions due for {@code f} on {@code today}; empty when none. */
  public static List<Action> actions(Facts f, LocalDate today) {
    List<Action> out = new ArrayList<>();
    if (f.nextInspectionDue() == null) {
      add(out, Kind.OVERDUE_INSPECTION, "no periodic inspection on record");
    } else if (f.nextInspectionDue().isBefore(today)) {
      add(
          out,
          Kind.OVERDUE_INSPECTION,
          "inspection was due "
              + f.nextInspectionDue()
              + ", "
              + days(f.nextInspectionDue(), today)
              + " overdue");
    }
    if (Boolean.FALSE.equals(f.lastInspectionPassed())) {
      add(
          out,
          Kind.FAILED_INSPECTION,
          "failed its last inspection; no passing re-inspection on record");
    }
    if (f.lastMaintenance() == null) {
      add(out, Kind.OVERDUE_MAINTENANCE, "no maintenance visit on record");
    } else if (f.lastMaintenance().plusDays(TwinState.MAINTENANCE_INTERVAL_DAYS).isBefore(today)) {
      add(
          out,
          Kind.OVERDUE_MAINTENANCE,
          "last maintenance "
              + f.lastMaintenance()
              + ", "
              + days(f.lastMaintenance(), today)
              + " ago (due every "
              + TwinState.MAINTENANCE_INTERVAL_DAYS
              + " days)");
    }
    if (f.threeNo()) {
      add(
          out,
          Kind.THREE_NO,
          "no property management, maintenance company or repair fund on the register");
    }
    if ("HIGH".equals(f.riskBand())) {
      add(
          out,
          Kind.HIGH_RISK,
          f.faultRisk30d() == null
              ? "high risk band"
              : String.format(
                  Locale.ROOT,
                  "high risk band: %.1f %% chance of a fault in the next 30 days",
                  100 * f.faultRisk30d()));
    }
    int age = Period.between(f.installed(), today).getYears();
    if (age >= ASSESSMENT_AGE_YEARS && f.lastAssessment() == null) {
      add(
          out,
          Kind.NO_SAFETY_ASSESSMENT,
          "installed " + f.installed() + " (" + age + " years) and no safety assessment on record");
    }
    if (f.brake() == BrakeType.DRUM && f.drumBrake() != Rectification.Status.RECTIFIED) {
      add(
          out,
          Kind.DRUM_BRAKE_NOT_RECTIFIED,
          "drum brake, campaign status "
              + (f.drumBrake() == null
                  ? Rectification.Status.NOT_STARTED
                  : f.drumBrake() + " since " + f.drumBrakeSince()));
    }
    return List.copyOf(out);
  }

  /**
   * The elevators of {@code facts} with an action due (of {@code kind} when not null), the most
   * urgent first: by their most urgent reason, then by how many reasons, then by id.
   */
  public static List<Due> due(List<Facts> facts, LocalDate today, Kind kind) {
    List<Due> out = new ArrayList<>();
    for (Facts f : facts) {
      List<Action> actions = actions(f, today);
      if (!actions.isEmpty()
          && (kind == null || actions.stream().anyMatch(a -> a.kind() == kind))) {
        out.add(new Due(f.elevatorId(), f.district(), f.street(), f.address(), actions));
      }
    }
    out.sort(
        Comparator.<Due>comparingInt(d -> d.actions().get(0).kind().ordinal())
            .thenComparing(d -> -d.actions().size())
            .thenComparing(Due::elevatorId));
    return out;
  }

  private static void add(List<Action> out, Kind kind, String why) {
    out.add(new Action(kind, kind.nameZh(), why));
  }

  private static String days(LocalDate from, LocalDate to) {
    long n = ChronoUnit.DAYS.between(from, to);
    return n + (n == 1 ? " day" : " days");
  }
}
