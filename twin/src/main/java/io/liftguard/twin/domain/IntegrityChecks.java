package io.liftguard.twin.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Integrity checks over an elevator's life-cycle record (its twin events): what was reported
 * against what its terminal showed at the time. Each flag carries its evidence. Pure; {@code
 * docs/integrity-checks.md} measures the checks against the simulator's injected cases.
 *
 * <ul>
 *   <li>{@link Kind#FAULT_WITHOUT_EVIDENCE} (无故障报故障): a fault reported by a person (a maintainer, a
 *       using unit...) while the terminal, reporting around it, never left normal service nor
 *       opened its safety or door-lock circuit. A fault the terminal raised itself is its own
 *       evidence: a controller fault code need not show in the running mode it reports.
 *   <li>{@link Kind#VISIT_WITHOUT_INSPECTION_MODE} (以修代保, paper maintenance): a routine or
 *       on-demand maintenance visit during which the terminal, reporting, never showed inspection
 *       mode (检修).
 *   <li>{@link Kind#MOVING_WITH_DOOR_OPEN} (短接安全回路): the car moving with its door-lock circuit open
 *       or a door not shut, in {@link Settings#bypassReadings} readings or more: what a bypassed
 *       safety circuit lets happen.
 * </ul>
 *
 * A check needs the terminal's readings: where it reported nothing around a report, nothing is
 * flagged either way.
 */
public final class IntegrityChecks {
  private IntegrityChecks() {}

  /** What a flag is about. */
  public enum Kind {
    FAULT_WITHOUT_EVIDENCE("无故障报故障"),
    VISIT_WITHOUT_INSPECTION_MODE("以修代保"),
    MOVING_WITH_DOOR_OPEN("短接安全回路");

    private final String nameZh;

    Kind(String nameZh) {
      this.nameZh = nameZh;
    }

    public String nameZh() {
      return nameZh;
    }
  }

  /**
   * One flag: the kind, when, the report it is about (event or visit id; null for movement), and
   * the evidence.
   */
  public record Flag(Kind kind, String nameZh, Instant at, String subject, String evidence) {}

  /**
   * @param faultBefore how long before a fault's time the terminal is looked at
   * @param faultAfter and how long after it
   * @param visitMargin how far around a visit's start and end inspection mode counts
   * @param bypassReadings readings of the car moving with a door open it takes to flag a bypass
   */
  public record Settings(
      Duration faultBefore, Duration faultAfter, Duration visitMargin, int bypassReadings) {
    public static final Settings DEFAULT =
        new Settings(Duration.ofMinutes(30), Duration.ofMinutes(60), Duration.ofMinutes(15), 2);
  }

  /** What the terminal's readings around a person's fault report say of it. */
  public enum Evidence {
    /** It left normal service or opened a circuit around the report: the fault shows. */
    SHOWN,
    /** It reported around the report, always in normal service with its circuits closed. */
    CONTRADICTED,
    /** It reported nothing around the report: no verdict either way. */
    NONE
  }

  /**
   * The evidence for each fault report in {@code history} by a person (by event id): what the
   * {@link Kind#FAULT_WITHOUT_EVIDENCE} check looks at. The terminal's own reports are not in it.
   */
  public static Map<String, Evidence> personReportEvidence(List<TwinEvent> history, Settings s) {
    List<Reading> readings = readings(history);
    Map<String, Evidence> out = new HashMap<>();
    for (TwinEvent e : history) {
      if (e instanceof TwinEvent.FaultRaised f && personReportedFault(f)) {
        out.put(f.eventId(), evidence(f, readings, s));
      }
    }
    return out;
  }

  private static boolean personReportedFault(TwinEvent.FaultRaised f) {
    return f.eventType().category() == EventType.Category.FAULT && !f.byTerminal();
  }

  private static List<Reading> readings(List<TwinEvent> history) {
    List<Reading> readings = new ArrayList<>();
    for (TwinEvent e : history) {
      if (e instanceof TwinEvent.LiveStateRecorded l && l.live().timestamp() != null) {
        readings.add(l.live());
      }
    }
    readings.sort(Comparator.comparing(Reading::timestamp));
    return readings;
  }

  private static Evidence evidence(TwinEvent.FaultRaised f, List<Reading> readings, Settings s) {
    List<Reading> around =
        between(
            readings, f.occurredAt().minus(s.faultBefore()), f.occurredAt().plus(s.faultAfter()));
    return around.isEmpty()
        ? Evidence.NONE
        : around.stream().anyMatch(IntegrityChecks::abnormal)
            ? Evidence.SHOWN
            : Evidence.CONTRADICTED;
  }

  /** The flags {@code history} (one elevator's events, in order) raises. */
  public static List<Flag> check(List<TwinEvent> history, Settings s) {
    List<Reading> readings = readings(history);
    List<Instant[]> inspectionModes =
        new ArrayList<>(); // reported service-mode periods, [from, to or null]
    for (TwinEvent e : history) {
      if (e instanceof TwinEvent.ServiceModeEntered m
          && m.eventType() == EventType.INSPECTION_MODE) {
        inspectionModes.add(new Instant[] {m.occurredAt(), null});
      } else if (e instanceof TwinEvent.ServiceModeLeft m
          && m.eventType() == EventType.INSPECTION_MODE
          && !inspectionModes.isEmpty()
          && inspectionModes.get(inspectionModes.size() - 1)[1] == null) {
        inspectionModes.get(inspectionModes.size() - 1)[1] = m.occurredAt();
      }
    }
    List<Flag> flags = new ArrayList<>();
    for (TwinEvent e : history) {
      if (e instanceof TwinEvent.FaultRaised f && personReportedFault(f)) {
        faultWithoutEvidence(f, readings, s).ifPresent(flags::add);
      } else if (e instanceof TwinEvent.MaintenanceRecorded m
          && (m.visit().kind() == MaintenanceVisit.Kind.ROUTINE
              || m.visit().kind() == MaintenanceVisit.Kind.ON_DEMAND)) {
        visitWithoutInspection(m.visit(), readings, inspectionModes, s).ifPresent(flags::add);
      }
    }
    movingWithDoorOpen(readings, s).ifPresent(flags::add);
    flags.sort(Comparator.comparing(Flag::at));
    return List.copyOf(flags);
  }

  private static Optional<Flag> faultWithoutEvidence(
      TwinEvent.FaultRaised f, List<Reading> readings, Settings s) {
    if (evidence(f, readings, s) != Evidence.CONTRADICTED) {
      return Optional.empty();
    }
    Instant from = f.occurredAt().minus(s.faultBefore());
    Instant to = f.occurredAt().plus(s.faultAfter());
    List<Reading> around = between(readings, from, to);
    return Optional.of(
        flag(
            Kind.FAULT_WITHOUT_EVIDENCE,
            f.occurredAt(),
            f.eventId(),
            String.format(
                Locale.ROOT,
                "%s reported for %s by %s; the terminal reported %d times between %s and %s, always"
                    + " in normal service with its safety and door-lock circuits closed",
                f.eventType(),
                f.occurredAt(),
                f.recordedBy(),
                around.size(),
                from,
                to)));
  }

  private static Optional<Flag> visitWithoutInspection(
      MaintenanceVisit v, List<Reading> readings, List<Instant[]> modes, Settings s) {
    Instant from = v.startedAt().minus(s.visitMargin());
    Instant to = v.endedAt().plus(s.visitMargin());
    List<Reading> during = between(readings, from, to);
    Reading before = lastBefore(readings, from);
    if (during.isEmpty()) {
      return Optional.empty();
    }
    boolean inspected =
        during.stream().anyMatch(r -> r.runningMode() == RunningMode.INSPECTION)
            || before != null && before.runningMode() == RunningMode.INSPECTION
            || modes.stream()
                .anyMatch(m -> !m[0].isAfter(to) && (m[1] == null || !m[1].isBefore(from)));
    if (inspected) {
      return Optional.empty();
    }
    return Optional.of(
        flag(
            Kind.VISIT_WITHOUT_INSPECTION_MODE,
            v.startedAt(),
            v.visitId(),
            String.format(
                Locale.ROOT,
                "%s visit %s to %s by %s (%s); the terminal reported %d times between %s and %s and"
                    + " never showed inspection mode",
                v.kind(),
                v.startedAt(),
                v.endedAt(),
                v.worker(),
                v.company(),
                during.size(),
                from,
                to)));
  }

  private static Optional<Flag> movingWithDoorOpen(List<Reading> readings, Settings s) {
    List<Reading> seen = readings.stream().filter(IntegrityChecks::movingWithDoorOpen).toList();
    if (seen.size() < s.bypassReadings()) {
      return Optional.empty();
    }
    StringBuilder evidence =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%d readings of the car moving with a door open or its door-lock circuit open,"
                    + " e.g.",
                seen.size()));
    for (Reading r : seen.subList(0, Math.min(3, seen.size()))) {
      evidence.append(
          String.format(
              Locale.ROOT,
              " %s (%s %s m/s, door %s, door-lock circuit %s);",
              r.timestamp(),
              r.direction(),
              r.speedMps(),
              r.doorState(),
              Boolean.TRUE.equals(r.doorLockCircuitClosed()) ? "closed" : "open"));
    }
    return Optional.of(
        flag(
            Kind.MOVING_WITH_DOOR_OPEN,
            seen.get(0).timestamp(),
            null,
            evidence.substring(0, evidence.length() - 1)));
  }

  /**
   * Out of normal service (other than inspection), or a safety or door-lock circuit open: something
   * was wrong.
   */
  static boolean abnormal(Reading r) {
    boolean mode =
        r.runningMode() != null
            && r.runningMode() != RunningMode.NORMAL
            && r.runningMode() != RunningMode.INSPECTION;
    return mode
        || Boolean.FALSE.equals(r.safetyCircuitClosed())
        || Boolean.FALSE.equals(r.doorLockCircuitClosed());
  }

  /** The car moving (outside inspection) with its door-lock circuit open or a door not shut. */
  public static boolean movingWithDoorOpen(Reading r) {
    boolean moving =
        r.speedMps() != null && r.speedMps() > 0.1
            || r.direction() == Direction.UP
            || r.direction() == Direction.DOWN;
    boolean open =
        Boolean.FALSE.equals(r.doorLockCircuitClosed())
            || r.doorState() != null && r.doorState() != DoorState.CLOSED;
    return moving && open && r.runningMode() != RunningMode.INSPECTION;
  }

  private static List<Reading> between(List<Reading> readings, Instant from, Instant to) {
    return readings.stream()
        .filter(r -> !r.timestamp().isBefore(from) && !r.timestamp().isAfter(to))
        .toList();
  }

  private static Reading lastBefore(List<Reading> readings, Instant at) {
    Reading last = null;
    for (Reading r : readings) {
      if (!r.timestamp().isBefore(at)) {
        break;
      }
      last = r;
    }
    return last;
  }

  private static Flag flag(Kind kind, Instant at, String subject, String evidence) {
    return new Flag(kind, kind.nameZh(), at, subject, evidence);
  }
}
