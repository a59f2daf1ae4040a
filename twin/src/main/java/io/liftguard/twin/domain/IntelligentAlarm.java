package io.liftguard.twin.domain;

import io.liftguard.twin.domain.access.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The intelligent alarm (智能报警): the twin raises an entrapment from its own signals instead of
 * waiting for a call.
 *
 * <p>A car is <em>stuck</em> when it is stopped with its doors shut and either out of normal
 * service (out of service, on emergency power, in seismic mode) or outside a landing's door zone.
 * Inspection and fire service are not stuck: a maintainer or a firefighter drives the car then. An
 * entrapment is raised when the car has been stuck for {@link #stuckFor} and someone has been in it
 * for {@link #presentFor}: the passenger sensor read present (or the alarm button pressed) in every
 * reading over that time. Requiring presence over a span, not in one reading, is what keeps a
 * passenger sensor's single false reading in a car parked out of service overnight from raising an
 * alarm; {@code docs/intelligent-alarm.md} measures the rule on the simulator.
 *
 * <p>A reading that shows someone inside when the alarm is due raises it at once. When no reading
 * comes, the twin's timer raises it once the terminal has been quiet for {@link #quietFor} past the
 * due time (a heartbeat's interval): a silent terminal has nothing new to say, but a reading
 * arriving at the due time that shows the car empty wins.
 *
 * <p>A maintainer checked in at the car ({@link MaintainerOnSite}) holds the alarm until the
 * check-out, at most {@link MaintainerOnSite#HOLDS_ALARM_AT_MOST}.
 *
 * <p>Each change of stuck or presence while stuck is persisted ({@link #changes}), so a twin's
 * persisted state always knows since when its car is stuck and occupied, across a restart.
 */
public record IntelligentAlarm(Duration stuckFor, Duration presentFor, Duration quietFor) {

  public static final IntelligentAlarm DEFAULT =
      new IntelligentAlarm(Duration.ofMinutes(2), Duration.ofMinutes(1), Duration.ofSeconds(30));

  /** Who records a raised or ended alarm: the platform itself, not a gateway. */
  public static final String RECORDED_BY = "liftguard:intelligent-alarm";

  /**
   * The alarm's raise has id "alarm-" and the stuck car's since (epoch ms); its clear that id and
   * "-ended".
   */
  private static final String EVENT_ID_PREFIX = "alarm-";

  private static final String ENDED = "-ended";

  public IntelligentAlarm {
    if (stuckFor.isNegative()
        || presentFor.isNegative()
        || presentFor.compareTo(stuckFor) > 0
        || quietFor.isNegative()) {
      throw new IllegalArgumentException(
          "need 0 <= presentFor <= stuckFor and quietFor >= 0, got "
              + presentFor
              + ", "
              + stuckFor
              + ", "
              + quietFor);
    }
  }

  /**
   * Since when the car has been stuck and since when someone has been in it while stuck (null: not
   * now).
   *
   * @param betweenFloors the car stopped outside a door zone (非平层) rather than at a landing out of
   *     service
   */
  public record StuckCar(
      Instant since, boolean betweenFloors, RunningMode mode, Instant occupiedSince) {}

  /** Whether {@code r} shows a stuck car. */
  public static boolean stuck(Reading r) {
    if (r == null
        || r.doorState() != DoorState.CLOSED
        || r.runningMode() == RunningMode.INSPECTION
        || r.runningMode() == RunningMode.FIRE) {
      return false;
    }
    boolean stopped =
        r.direction() == Direction.STOPPED || r.speedMps() != null && r.speedMps() == 0.0;
    boolean moving =
        r.direction() == Direction.UP
            || r.direction() == Direction.DOWN
            || r.speedMps() != null && r.speedMps() > 0.0;
    if (!stopped || moving) {
      return false;
    }
    return outOfService(r.runningMode()) || Boolean.FALSE.equals(r.inDoorZone());
  }

  private static boolean outOfService(RunningMode mode) {
    return mode == RunningMode.OUT_OF_SERVICE
        || mode == RunningMode.EMERGENCY_POWER
        || mode == RunningMode.SEISMIC;
  }

  /**
   * Whether {@code r} shows someone in the car: the passenger sensor, or the alarm button pressed.
   */
  public static boolean occupied(Reading r) {
    return r != null
        && (Boolean.TRUE.equals(r.passengerPresent())
            || Boolean.TRUE.equals(r.alarmButtonPressed()));
  }

  /**
   * Whether going from {@code before} to {@code after} changes what the alarm watches, so it must
   * be persisted.
   */
  public static boolean changes(Reading before, Reading after) {
    boolean stuckAfter = stuck(after);
    return stuck(before) != stuckAfter || stuckAfter && occupied(before) != occupied(after);
  }

  /** The stuck car once {@code live} is the live state, given the stuck car before it. */
  public static StuckCar next(StuckCar before, Reading live) {
    if (!stuck(live)) {
      return null;
    }
    Instant since = before == null ? live.timestamp() : before.since();
    Instant occupiedSince =
        !occupied(live)
            ? null
            : before != null && before.occupiedSince() != null
                ? before.occupiedSince()
                : live.timestamp();
    return new StuckCar(
        since, Boolean.FALSE.equals(live.inDoorZone()), live.runningMode(), occupiedSince);
  }

  /** When the alarm is due for {@code car} if nothing changes: null when no one is in it. */
  public Instant dueAt(StuckCar car) {
    if (car == null || car.occupiedSince() == null) {
      return null;
    }
    Instant a = car.since().plus(stuckFor);
    Instant b = car.occupiedSince().plus(presentFor);
    return a.isAfter(b) ? a : b;
  }

  /**
   * Whether the alarm is due at {@code at}, the time of a reading that made {@code car} what it is.
   */
  public boolean isDue(StuckCar car, Instant at) {
    Instant due = dueAt(car);
    return due != null && !at.isBefore(due);
  }

  /**
   * When the twin's timer raises the alarm for {@code car} if no reading comes: null when no one is
   * in it.
   */
  public Instant timerAt(StuckCar car) {
    Instant due = dueAt(car);
    return due == null ? null : due.plus(quietFor);
  }

  /**
   * As {@link #timerAt(StuckCar)}, with {@code onSite} (null: none) checked in: the timer waits for
   * the end of its hold, when the alarm is raised if the car is still stuck with someone inside
   * (the check-out re-arms it at once).
   */
  public Instant timerAt(StuckCar car, MaintainerOnSite onSite) {
    Instant at = timerAt(car);
    if (at == null || onSite == null || !onSite.holdsAlarmAt(at)) {
      return at;
    }
    return onSite.holdsAlarmUntil();
  }

  /**
   * As {@link #isDue(StuckCar, Instant)}, never while {@code onSite} (null: none) holds the alarm.
   */
  public boolean isDue(StuckCar car, Instant at, MaintainerOnSite onSite) {
    return isDue(car, at) && (onSite == null || !onSite.holdsAlarmAt(at));
  }

  /**
   * The entrapment the alarm raises for {@code car}, due at {@code at} (a reading's time or the
   * platform's).
   */
  public static TwinEvent.FaultRaised raised(StuckCar car, Instant at, Instant now) {
    EventType type =
        car.betweenFloors() ? EventType.ENTRAPMENT_BETWEEN_FLOORS : EventType.ENTRAPMENT_AT_LANDING;
    String where = car.betweenFloors() ? "stopped between floors" : "stopped at a landing";
    String mode =
        car.mode() == null || car.mode() == RunningMode.NORMAL
            ? ""
            : " (" + car.mode().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
    long seconds = Duration.between(car.since(), at).toSeconds();
    String detail =
        "intelligent alarm: car "
            + where
            + mode
            + ", doors shut, someone inside, for "
            + seconds / 60
            + " min "
            + seconds % 60
            + " s";
    // Raised from the terminal's own readings: the terminal bears it out.
    return new TwinEvent.FaultRaised(
        eventId(car), type, car.since(), detail, now, RECORDED_BY, Role.GATEWAY);
  }

  /** The clear of the alarm's entrapment {@code open}: at {@code at} the car is no longer stuck. */
  public static TwinEvent.FaultCleared ended(TwinState.OpenEvent open, Instant at, Instant now) {
    return new TwinEvent.FaultCleared(
        open.eventId() + ENDED,
        open.eventType(),
        at,
        "intelligent alarm: doors open or car moving again",
        now,
        RECORDED_BY);
  }

  /**
   * The entrapment the alarm raised for the car {@code state} shows stuck, if it is open; null
   * otherwise.
   */
  public static TwinState.OpenEvent openAlarm(TwinState state) {
    if (state.stuck() == null) {
      return null;
    }
    String id = eventId(state.stuck());
    return state.open().stream().filter(o -> id.equals(o.eventId())).findFirst().orElse(null);
  }

  private static String eventId(StuckCar car) {
    return EVENT_ID_PREFIX + car.since().toEpochMilli();
  }
}
