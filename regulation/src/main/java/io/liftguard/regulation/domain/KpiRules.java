package io.liftguard.regulation.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The five KPIs of one scope and month from its facts, exactly as DOMAIN.md defines them. Pure: the
 * facts come from the read models, {@code now} from the platform's clock (a month still running
 * counts what has happened so far; a case still inside a window at {@code now} is not counted yet
 * either way).
 */
public final class KpiRules {
  /** How many elevators are named against each KPI. */
  public static final int CULPRITS = 20;

  private KpiRules() {}

  /** A rescue case of the month (its alarm in the month). */
  public record Rescue(
      String caseId,
      String elevatorId,
      Instant alarmAt,
      Instant acknowledgedAt,
      Instant arrivedAt) {}

  /**
   * An inspection of the month; {@code firstAttempt} false for a re-inspection after a recent
   * failure.
   */
  public record Inspection(String elevatorId, LocalDate on, boolean passed, boolean firstAttempt) {}

  /** What a scope's month is made of. */
  public record Facts(
      long elevatorsInService, List<Rescue> rescues, List<Inspection> inspections) {}

  public static List<Kpi> compute(
      Facts f, Duration acknowledgeWithin, Duration arriveWithin, Instant now) {
    return List.of(
        response(f.rescues(), acknowledgeWithin, now),
        entrapmentRate(f),
        inspections(f.inspections()),
        meanArrival(f.rescues(), arriveWithin),
        onTime(f.rescues(), arriveWithin, now));
  }

  static Kpi response(List<Rescue> rescues, Duration window, Instant now) {
    return inWindow(
        KpiKind.EMERGENCY_RESPONSE_RATE,
        rescues,
        Rescue::acknowledgedAt,
        window,
        now,
        "not acknowledged",
        "acknowledged");
  }

  static Kpi entrapmentRate(Facts f) {
    Map<String, Integer> byElevator = new LinkedHashMap<>();
    for (Rescue r : f.rescues()) {
      byElevator.merge(r.elevatorId(), 1, Integer::sum);
    }
    List<Kpi.Culprit> trapped =
        byElevator.entrySet().stream()
            .sorted(
                Map.Entry.<String, Integer>comparingByValue()
                    .reversed()
                    .thenComparing(Map.Entry.comparingByKey()))
            .map(
                e ->
                    new Kpi.Culprit(
                        e.getKey(),
                        e.getValue() + (e.getValue() == 1 ? " entrapment" : " entrapments")))
            .toList();
    return Kpi.of(
        KpiKind.ENTRAPMENT_RATE, f.rescues().size(), f.elevatorsInService(), first(trapped));
  }

  static Kpi inspections(List<Inspection> inspections) {
    long first = 0;
    long passed = 0;
    List<Kpi.Culprit> failed = new ArrayList<>();
    for (Inspection i : inspections) {
      if (!i.firstAttempt()) {
        continue;
      }
      first++;
      if (i.passed()) {
        passed++;
      } else {
        failed.add(new Kpi.Culprit(i.elevatorId(), "failed its inspection on " + i.on()));
      }
    }
    return Kpi.of(KpiKind.INSPECTION_PASS_RATE, passed, first, first(failed));
  }

  static Kpi meanArrival(List<Rescue> rescues, Duration window) {
    double minutes = 0;
    long arrived = 0;
    List<Rescue> slow = new ArrayList<>();
    for (Rescue r : rescues) {
      if (r.arrivedAt() != null) {
        arrived++;
        minutes += Duration.between(r.alarmAt(), r.arrivedAt()).toMillis() / 60_000.0;
        if (Duration.between(r.alarmAt(), r.arrivedAt()).compareTo(window) > 0) {
          slow.add(r);
        }
      }
    }
    slow.sort(
        Comparator.comparing((Rescue r) -> Duration.between(r.alarmAt(), r.arrivedAt()))
            .reversed());
    return Kpi.of(
        KpiKind.MEAN_RESCUE_ARRIVAL_MIN,
        minutes,
        arrived,
        first(
            slow.stream()
                .map(
                    r ->
                        new Kpi.Culprit(
                            r.elevatorId(),
                            r.caseId()
                                + " arrived after "
                                + minutes(r.alarmAt(), r.arrivedAt())
                                + " min"))
                .toList()));
  }

  static Kpi onTime(List<Rescue> rescues, Duration window, Instant now) {
    return inWindow(
        KpiKind.ON_TIME_ARRIVAL_RATE,
        rescues,
        Rescue::arrivedAt,
        window,
        now,
        "no arrival recorded",
        "arrived");
  }

  /**
   * The share of rescues whose {@code step} came within {@code window} of the alarm; a rescue
   * without it whose window is still open at {@code now} is not counted yet.
   */
  private static Kpi inWindow(
      KpiKind kind,
      List<Rescue> rescues,
      Function<Rescue, Instant> step,
      Duration window,
      Instant now,
      String missing,
      String done) {
    long counted = 0;
    long inTime = 0;
    List<Kpi.Culprit> late = new ArrayList<>();
    for (Rescue r : rescues) {
      Instant deadline = r.alarmAt().plus(window);
      Instant at = step.apply(r);
      boolean onTime = at != null && !at.isAfter(deadline);
      if (!onTime && now.isBefore(deadline)) {
        continue; // still inside its window
      }
      counted++;
      if (onTime) {
        inTime++;
      } else {
        late.add(
            new Kpi.Culprit(
                r.elevatorId(),
                r.caseId()
                    + " "
                    + (at == null
                        ? missing
                        : done + " after " + minutes(r.alarmAt(), at) + " min")));
      }
    }
    return Kpi.of(kind, inTime, counted, first(late));
  }

  private static String minutes(Instant from, Instant to) {
    return String.format(Locale.ROOT, "%.1f", Duration.between(from, to).toMillis() / 60_000.0);
  }

  private static <T> List<T> first(List<T> all) {
    return List.copyOf(all.subList(0, Math.min(CULPRITS, all.size())));
  }
}
