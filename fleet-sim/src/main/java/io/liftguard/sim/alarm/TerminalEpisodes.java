package io.liftguard.sim.alarm;

import io.liftguard.sim.ElevatorHistory;
import io.liftguard.sim.PowerCuts;
import io.liftguard.sim.SimConfig;
import io.liftguard.sim.SimEvent;
import io.liftguard.twin.domain.BuildingType;
import io.liftguard.twin.domain.Direction;
import io.liftguard.twin.domain.DoorState;
import io.liftguard.twin.domain.EventType;
import io.liftguard.twin.domain.Reading;
import io.liftguard.twin.domain.RunningMode;
import io.liftguard.twin.domain.TwinRules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What one simulated elevator's IoT terminal reports while its car stands still with its doors
 * shut: the simulator's true entrapments ({@link ElevatorHistory}) and the situations that look
 * like one to a terminal but are not (a car parked out of service overnight, a maintainer working
 * in the car, an empty car stopped by a power cut). Normal service is left out: a car running or
 * standing at a landing in normal service is never stuck, so its readings change nothing the
 * intelligent alarm watches.
 *
 * <p>The terminal sends a reading when the car stops and when it is released, and a heartbeat every
 * {@link Signals#heartbeat} in between, each with a fresh read of its passenger sensor and alarm
 * button.
 */
public final class TerminalEpisodes {

  /** Why a car stands still with its doors shut. */
  public enum Kind {
    ENTRAPMENT,
    PARKED_OVERNIGHT,
    /** A maintainer working in the car, checked in at it (the twin holds the alarm). */
    MAINTAINER_IN_CAR,
    /** A maintainer working in the car who did not check in first. */
    MAINTAINER_NOT_CHECKED_IN,
    EMPTY_CAR_IN_POWER_CUT
  }

  /** Why a true entrapment could not be seen by the terminal as the alarm needs it. */
  public enum Blind {
    NONE,
    /** The terminal had no power (no backup battery in a power cut) or no connection. */
    TERMINAL_OFFLINE,
    /** At a landing with the controller still in normal service: nothing says the car is stuck. */
    LOOKS_IN_SERVICE
  }

  /**
   * One still period of the car, with its readings. {@code cause} is the entrapment's cause (null
   * for the others).
   */
  public record Episode(
      Kind kind,
      SimEvent.Cause cause,
      Blind blind,
      Instant start,
      Instant end,
      List<Reading> readings) {}

  /**
   * The signal model: every value an assumption of the simulator (no published figure), named so it
   * can be challenged; {@code docs/intelligent-alarm.md} gives the results for these values.
   *
   * @param heartbeat the terminal reports this often while nothing changes (GB/T 24476 terminals:
   *     30-60 s)
   * @param passengerSensed chance a reading's passenger sensor sees trapped passengers (they may
   *     sit still)
   * @param alarmPressed chance that trapped passengers are pressing the alarm button at a reading
   * @param sensorGlitch chance that the passenger sensor reads present in an empty car
   * @param offlineInPowerCut chance a terminal has no backup battery and goes dark in a power cut
   * @param offline chance a terminal is offline at any other time
   * @param stuckOutOfServiceAtLanding chance an entrapment at a landing puts the controller out of
   *     service (else it stays in normal service with doors that will not open)
   * @param outOfServiceBetweenFloors chance an equipment entrapment between floors reports out of
   *     service (else the controller's mode stays normal: only the door zone shows it)
   * @param parkingShare share of elevators of offices, malls and schools parked out of service at
   *     night (22:00 to 07:00); 3 % of the others
   * @param maintainerInCar chance a maintenance visit has the maintainer working in the car out of
   *     service with the doors shut, for 10-40 minutes
   * @param idleStopInPowerCut chance a power cut stops an empty car between floors until the power
   *     is back
   * @param checkedIn chance a maintainer working in the car checked in at it first (the paperless
   *     record's start, which holds the alarm) and checks out when done
   */
  public record Signals(
      Duration heartbeat,
      double passengerSensed,
      double alarmPressed,
      double sensorGlitch,
      double offlineInPowerCut,
      double offline,
      double stuckOutOfServiceAtLanding,
      double outOfServiceBetweenFloors,
      double parkingShare,
      double maintainerInCar,
      double idleStopInPowerCut,
      double checkedIn) {
    public static final Signals DEFAULT =
        new Signals(
            Duration.ofSeconds(30), 0.9, 0.3, 0.002, 0.2, 0.02, 0.85, 0.6, 0.5, 0.05, 0.3, 0.95);

    /** The same signals with another share of maintainers checking in. */
    public Signals withCheckedIn(double share) {
      return new Signals(
          heartbeat,
          passengerSensed,
          alarmPressed,
          sensorGlitch,
          offlineInPowerCut,
          offline,
          stuckOutOfServiceAtLanding,
          outOfServiceBetweenFloors,
          parkingShare,
          maintainerInCar,
          idleStopInPowerCut,
          share);
    }
  }

  private TerminalEpisodes() {}

  /**
   * The still periods of elevator {@code history} over the simulation, in time order and not
   * overlapping, with the terminal's readings. {@code heartbeats} false leaves out the heartbeats
   * of an empty car that repeat the one before: they change nothing the alarm watches (no one
   * inside, nothing can come due), so the alarm's outcomes are the same ({@code
   * AlarmValidationTest} checks it) and a night parked costs a few readings, not a thousand.
   */
  public static List<Episode> of(
      SimConfig c, ElevatorHistory history, Signals s, boolean heartbeats) {
    SplittableRandom r =
        new SplittableRandom(c.seed() * 0x2545F4914F6CDD1DL + history.elevator().index());
    // Whether a maintainer checked in is drawn apart, so the other episodes' draws (and so the
    // entrapments' outcomes) are the same whatever share checks in.
    SplittableRandom checkIns =
        new SplittableRandom(
            (c.seed() * 0x2545F4914F6CDD1DL + history.elevator().index()) ^ 0x5DEECE66DL);
    String id = history.elevator().id();
    Instant start = c.start().atStartOfDay(TwinRules.CALENDAR).toInstant();
    List<Episode> all = new ArrayList<>();
    List<SimEvent> events = history.events();
    for (int i = 0; i < events.size(); i++) {
      SimEvent ev = events.get(i);
      Instant at = start.plus(Duration.ofDays(ev.day())).plus(Duration.ofMinutes(ev.minute()));
      switch (ev.kind()) {
        case ENTRAPMENT -> {
          double arrival = arrivalAfter(events, i);
          double onSite = -c.meanOnSiteRescueMin() * Math.log(1 - r.nextDouble());
          Instant end = at.plusSeconds(Math.round(60 * (arrival + onSite)));
          all.add(entrapment(id, ev, at, end, s, r, heartbeats));
        }
        case MAINTENANCE_DONE, REPAIR -> {
          if (r.nextDouble() < s.maintainerInCar()) {
            Instant end = at.plus(Duration.ofMinutes(10 + r.nextInt(31)));
            Kind kind =
                checkIns.nextDouble() < s.checkedIn()
                    ? Kind.MAINTAINER_IN_CAR
                    : Kind.MAINTAINER_NOT_CHECKED_IN;
            all.add(
                still(
                    id,
                    kind,
                    null,
                    Blind.NONE,
                    at,
                    end,
                    RunningMode.OUT_OF_SERVICE,
                    true,
                    s.passengerSensed(),
                    0,
                    s,
                    r,
                    heartbeats,
                    r.nextDouble() >= s.offline()));
          }
        }
        default -> {}
      }
    }
    boolean parks = r.nextDouble() < parkingShare(history.elevator().buildingType(), s);
    boolean[] trappedOn = new boolean[c.days()];
    for (SimEvent ev : events) {
      if (ev.kind() == SimEvent.Kind.ENTRAPMENT && ev.cause() == SimEvent.Cause.EXTERNAL) {
        trappedOn[ev.day()] = true;
      }
    }
    for (int d = 0; d < c.days(); d++) {
      Instant day = start.plus(Duration.ofDays(d));
      if (parks) {
        all.add(
            still(
                id,
                Kind.PARKED_OVERNIGHT,
                null,
                Blind.NONE,
                day.plus(Duration.ofHours(22)),
                day.plus(Duration.ofHours(31)),
                RunningMode.OUT_OF_SERVICE,
                true,
                0,
                0,
                s,
                r,
                heartbeats,
                r.nextDouble() >= s.offline()));
      }
      int cut = PowerCuts.minute(c, history.elevator().district(), d);
      if (cut >= 0 && !trappedOn[d] && r.nextDouble() < s.idleStopInPowerCut()) {
        Instant from = day.plus(Duration.ofMinutes(cut));
        Instant to = from.plusSeconds(Math.round(60 * 60 * Math.exp(0.5 * r.nextGaussian())));
        all.add(
            still(
                id,
                Kind.EMPTY_CAR_IN_POWER_CUT,
                null,
                Blind.NONE,
                from,
                to,
                RunningMode.NORMAL,
                false,
                0,
                0,
                s,
                r,
                heartbeats,
                r.nextDouble() >= s.offlineInPowerCut()));
      }
    }
    all.sort(Comparator.comparing(Episode::start).thenComparing(e -> e.kind() != Kind.ENTRAPMENT));
    List<Episode> kept = new ArrayList<>();
    for (Episode e : all) {
      if (kept.isEmpty() || !e.start().isBefore(kept.get(kept.size() - 1).end())) {
        kept.add(e);
      } else if (e.kind() == Kind.ENTRAPMENT) {
        kept.set(kept.size() - 1, e); // an entrapment wins over the still period it falls into
      }
    }
    return kept;
  }

  private static double parkingShare(BuildingType type, Signals s) {
    return switch (type) {
      case OFFICE, MALL, SCHOOL -> s.parkingShare();
      default -> 0.03;
    };
  }

  /**
   * Minutes from the alarm to the rescuer's arrival: the RESCUE_ARRIVED event that follows
   * entrapment {@code i}.
   */
  private static double arrivalAfter(List<SimEvent> events, int i) {
    SimEvent trapped = events.get(i);
    for (int j = i + 1; j < events.size(); j++) {
      SimEvent ev = events.get(j);
      if (ev.kind() == SimEvent.Kind.RESCUE_ARRIVED
          && ev.day() == trapped.day()
          && ev.minute() == trapped.minute()) {
        return ev.value();
      }
    }
    throw new IllegalStateException("entrapment without a rescue: " + trapped);
  }

  private static Episode entrapment(
      String id,
      SimEvent ev,
      Instant at,
      Instant end,
      Signals s,
      SplittableRandom r,
      boolean heartbeats) {
    boolean betweenFloors = ev.faultType() == EventType.ENTRAPMENT_BETWEEN_FLOORS;
    RunningMode mode;
    if (ev.cause() == SimEvent.Cause.EXTERNAL) {
      mode =
          RunningMode
              .NORMAL; // the controller lost power; the terminal's battery keeps it reporting
    } else if (!betweenFloors) {
      mode =
          r.nextDouble() < s.stuckOutOfServiceAtLanding()
              ? RunningMode.OUT_OF_SERVICE
              : RunningMode.NORMAL;
    } else {
      mode =
          ev.cause() == SimEvent.Cause.EQUIPMENT && r.nextDouble() < s.outOfServiceBetweenFloors()
              ? RunningMode.OUT_OF_SERVICE
              : RunningMode.NORMAL;
    }
    double offline = ev.cause() == SimEvent.Cause.EXTERNAL ? s.offlineInPowerCut() : s.offline();
    boolean online = r.nextDouble() >= offline;
    Blind blind =
        !online
            ? Blind.TERMINAL_OFFLINE
            : !betweenFloors && mode == RunningMode.NORMAL ? Blind.LOOKS_IN_SERVICE : Blind.NONE;
    return still(
        id,
        Kind.ENTRAPMENT,
        ev.cause(),
        blind,
        at,
        end,
        mode,
        !betweenFloors,
        s.passengerSensed(),
        s.alarmPressed(),
        s,
        r,
        heartbeats,
        online);
  }

  private static Episode still(
      String id,
      Kind kind,
      SimEvent.Cause cause,
      Blind blind,
      Instant from,
      Instant to,
      RunningMode mode,
      boolean inDoorZone,
      double sensed,
      double pressed,
      Signals s,
      SplittableRandom r,
      boolean heartbeats,
      boolean online) {
    List<Reading> readings = new ArrayList<>();
    if (online) {
      Reading last = null;
      for (Instant t = from; t.isBefore(to); t = t.plus(s.heartbeat())) {
        boolean present = r.nextDouble() < (sensed > 0 ? sensed : s.sensorGlitch());
        boolean alarm = r.nextDouble() < pressed;
        Reading reading =
            new Reading(
                id,
                t,
                3,
                Direction.STOPPED,
                0.0,
                DoorState.CLOSED,
                null,
                mode,
                true,
                true,
                alarm,
                present,
                inDoorZone,
                null,
                null,
                null);
        boolean empty = !present && !alarm;
        boolean lastEmpty = last != null && !last.passengerPresent() && !last.alarmButtonPressed();
        if (heartbeats || !(empty && lastEmpty)) {
          readings.add(reading);
          last = reading;
        }
      }
      readings.add(
          new Reading(
              id,
              to,
              3,
              Direction.STOPPED,
              0.0,
              DoorState.OPEN,
              null,
              RunningMode.NORMAL,
              true,
              true,
              false,
              false,
              true,
              null,
              null,
              null));
    }
    return new Episode(kind, cause, blind, from, to, List.copyOf(readings));
  }
}
