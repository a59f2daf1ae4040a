package io.liftguard.regulation.domain;

import io.liftguard.twin.domain.BrakeType;
import io.liftguard.twin.domain.EventType;
import io.liftguard.twin.domain.IntegrityChecks;
import io.liftguard.twin.domain.Rectification;
import io.liftguard.twin.domain.RegisterData;
import io.liftguard.twin.domain.TwinEvent;
import io.liftguard.twin.domain.TwinRules;
import io.liftguard.twin.domain.TwinState;
import io.liftguard.twin.domain.risk.RiskModel;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The safety assessment report of one elevator (电梯安全评估), built from its twin: register, the last
 * year's record (faults, entrapments, visits, inspections, complaints), risk and the factors behind
 * it, what regulators have on record, integrity flags, and a recommended action with its reasons.
 * It is the platform's input to an assessment by an accredited body and can back an application to
 * the building's special repair fund. Pure.
 */
public record AssessmentReport(
    String elevatorId, LocalDate date, List<Section> sections, Recommendation recommendation) {

  /** A titled table of label and value rows; {@code lines}, when not empty, are listed below it. */
  public record Section(String title, List<Row> rows, List<String> lines) {}

  public record Row(String label, String value) {}

  /** How soon the elevator needs an assessment. */
  public enum Priority {
    URGENT,
    ELEVATED,
    ROUTINE
  }

  /** What to do, why, and whether the record backs a repair-fund application. */
  public record Recommendation(
      Priority priority, String action, List<String> reasons, boolean backsRepairFund) {}

  /** Faults a year from which the record alone is a reason for an assessment. */
  static final int MANY_FAULTS = 4;

  /**
   * The report for the twin {@code state} on {@code today}, from its events of the last year {@code
   * lastYear}, its current {@code risk} and the integrity {@code flags} of that year.
   */
  public static AssessmentReport of(
      String elevatorId,
      TwinState state,
      List<TwinEvent> lastYear,
      RiskModel.Assessment risk,
      List<IntegrityChecks.Flag> flags,
      LocalDate today) {
    RegisterData r = state.register();
    int age = Period.between(r.installationDate(), today).getYears();
    List<Section> sections = new ArrayList<>();
    sections.add(
        new Section(
            "Register",
            List.of(
                new Row("Registration code", elevatorId),
                new Row("Address", join(r.address(), r.street(), r.district())),
                new Row(
                    "Building", r.buildingType().name().toLowerCase(Locale.ROOT).replace('_', ' ')),
                new Row("Manufacturer and model", join(r.manufacturer(), r.model())),
                new Row(
                    "Drive and brake", join(name(r.driveType()), name(r.brakeType()) + " brake")),
                new Row("Installed", r.installationDate() + " (" + age + " years in service)"),
                new Row("Using unit", nz(r.usingUnit())),
                new Row("Maintenance company", nz(r.maintenanceCompany())),
                new Row(
                    "Property management, maintenance company, repair fund",
                    yes(r.hasPropertyManagement())
                        + ", "
                        + yes(r.hasMaintenanceCompany())
                        + ", "
                        + yes(r.hasRepairFund()))),
            List.of()));

    List<String> record = new ArrayList<>();
    int faults = 0;
    int entrapments = 0;
    int visits = 0;
    int complaints = 0;
    for (TwinEvent e : lastYear) {
      if (e instanceof TwinEvent.FaultRaised f
          && f.eventType().category() == EventType.Category.FAULT) {
        faults++;
        record.add(
            f.occurredAt().atOffset(TwinRules.CALENDAR).toLocalDate()
                + "  fault "
                + f.eventType()
                + (f.detail() == null ? "" : ": " + f.detail()));
      } else if (e instanceof TwinEvent.FaultRaised f
          && f.eventType().category() == EventType.Category.ENTRAPMENT) {
        entrapments++;
        record.add(
            f.occurredAt().atOffset(TwinRules.CALENDAR).toLocalDate()
                + "  entrapment "
                + f.eventType());
      } else if (e instanceof TwinEvent.MaintenanceRecorded m) {
        visits++;
      } else if (e instanceof TwinEvent.InspectionRecorded i) {
        record.add(
            i.result().inspectedOn()
                + "  inspection "
                + (i.result().passed() ? "passed" : "FAILED")
                + " ("
                + i.result().agency()
                + ")");
      } else if (e instanceof TwinEvent.ComplaintFiled c) {
        complaints++;
        record.add(
            c.complaint().receivedAt().atOffset(TwinRules.CALENDAR).toLocalDate()
                + "  complaint ("
                + c.complaint().topic().name().toLowerCase(Locale.ROOT)
                + ")");
      }
    }
    sections.add(
        new Section(
            "The last twelve months",
            List.of(
                new Row("Faults", Integer.toString(faults)),
                new Row("Entrapments", Integer.toString(entrapments)),
                new Row(
                    "Maintenance visits",
                    visits
                        + (state.lastMaintenanceDate() == null
                            ? ""
                            : " (last " + state.lastMaintenanceDate() + ")")),
                new Row("Complaints", Integer.toString(complaints)),
                new Row(
                    "Periodic inspection",
                    state.lastInspection() == null
                        ? "none on record"
                        : (state.lastInspection().passed() ? "passed " : "FAILED ")
                            + state.lastInspection().inspectedOn()
                            + ", next due "
                            + state.nextInspectionDue()),
                new Row(
                    "Life totals",
                    state.counters().faults()
                        + " faults, "
                        + state.counters().entrapments()
                        + " entrapments, "
                        + state.counters().maintenanceVisits()
                        + " visits, "
                        + state.counters().inspections()
                        + " inspections")),
            record));

    List<String> factors =
        risk.topFactors() == null
            ? List.of()
            : risk.topFactors().stream()
                .map(
                    f -> f.feature() + ": " + String.format(Locale.ROOT, "%+.2f", f.contribution()))
                .toList();
    sections.add(
        new Section(
            "Risk",
            List.of(
                new Row("Band", risk.band().name()),
                new Row("Chance of a fault in the next 30 days", pct(risk.faultProbability30d())),
                new Row(
                    "Chance of an entrapment in the next 30 days",
                    pct(risk.entrapmentProbability30d())),
                new Row("Model", risk.modelVersion())),
            factors));

    TwinState.Supervision s = state.supervision();
    sections.add(
        new Section(
            "On record with the regulator",
            List.of(
                new Row(
                    "Drum-brake campaign",
                    r.brakeType() != BrakeType.DRUM
                        ? "not a drum brake"
                        : s.drumBrake() == null
                            ? Rectification.Status.NOT_STARTED.name()
                            : s.drumBrake().status() + " since " + s.drumBrake().on()),
                new Row(
                    "Last safety assessment",
                    s.lastAssessment() == null
                        ? "none"
                        : s.lastAssessment().assessedOn()
                            + ": "
                            + s.lastAssessment().conclusion()
                            + " ("
                            + s.lastAssessment().body()
                            + ")"),
                new Row("Complaints (life)", Long.toString(s.complaints()))),
            flags.stream().map(f -> "Integrity flag " + f.kind() + ": " + f.evidence()).toList()));

    return new AssessmentReport(
        elevatorId,
        today,
        List.copyOf(sections),
        recommend(state, age, faults, entrapments, risk, flags));
  }

  /** The recommended action and its reasons. */
  static Recommendation recommend(
      TwinState state,
      int age,
      int faults,
      int entrapments,
      RiskModel.Assessment risk,
      List<IntegrityChecks.Flag> flags) {
    List<String> urgent = new ArrayList<>();
    List<String> elevated = new ArrayList<>();
    if (state.lastInspection() != null && !state.lastInspection().passed()) {
      urgent.add(
          "failed its last periodic inspection (" + state.lastInspection().inspectedOn() + ")");
    }
    if (risk.band() == RiskModel.Band.HIGH) {
      urgent.add(
          "high risk band: "
              + pct(risk.faultProbability30d())
              + " chance of a fault in the next 30 days");
    }
    boolean drum =
        state.register().brakeType() == BrakeType.DRUM
            && (state.supervision().drumBrake() == null
                || state.supervision().drumBrake().status() != Rectification.Status.RECTIFIED);
    if (drum) {
      (age >= ActionRules.ASSESSMENT_AGE_YEARS ? urgent : elevated).add("drum brake not rectified");
    }
    if (age >= ActionRules.ASSESSMENT_AGE_YEARS) {
      elevated.add(
          age
              + " years in service (assessment due after "
              + ActionRules.ASSESSMENT_AGE_YEARS
              + ")");
    }
    if (faults >= MANY_FAULTS) {
      elevated.add(faults + " faults in twelve months");
    }
    if (entrapments >= 2) {
      elevated.add(entrapments + " entrapments in twelve months");
    }
    if (risk.band() == RiskModel.Band.MEDIUM) {
      elevated.add("medium risk band");
    }
    if (!flags.isEmpty()) {
      elevated.add(
          flags.size()
              + " integrity flag"
              + (flags.size() == 1 ? "" : "s")
              + " to clear with the maintenance"
              + " company");
    }
    if (state.register().isThreeNo()) {
      elevated.add(
          "three-no elevator (san wu): no property management, maintenance company or repair fund");
    }
    List<String> reasons = new ArrayList<>(urgent);
    reasons.addAll(elevated);
    Priority p =
        !urgent.isEmpty()
            ? Priority.URGENT
            : !elevated.isEmpty() ? Priority.ELEVATED : Priority.ROUTINE;
    String action =
        switch (p) {
          case URGENT ->
              "Commission a full safety assessment by an accredited body now and restrict use until"
                  + " the urgent findings are cleared.";
          case ELEVATED ->
              "Commission a safety assessment by an accredited body within three months.";
          case ROUTINE ->
              "No assessment needed beyond the periodic inspection; reassess at "
                  + ActionRules.ASSESSMENT_AGE_YEARS
                  + " years in service.";
        };
    return new Recommendation(
        p,
        action,
        List.copyOf(reasons),
        age >= ActionRules.ASSESSMENT_AGE_YEARS && p != Priority.ROUTINE);
  }

  private static String pct(double p) {
    return String.format(Locale.ROOT, "%.1f %%", 100 * p);
  }

  private static String join(String... parts) {
    List<String> kept = new ArrayList<>();
    for (String p : parts) {
      if (p != null && !p.isBlank()) {
        kept.add(p);
      }
    }
    return kept.isEmpty() ? "-" : String.join(", ", kept);
  }

  private static String name(Enum<?> e) {
    return e == null ? "-" : e.name().toLowerCase(Locale.ROOT);
  }

  private static String nz(String s) {
    return s == null || s.isBlank() ? "none" : s;
  }

  private static String yes(Boolean b) {
    return b == null ? "unknown" : b ? "yes" : "no";
  }
}
