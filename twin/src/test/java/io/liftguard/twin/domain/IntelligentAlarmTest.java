package io.liftguard.twin.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liftguard.kernel.domain.Decision;
import io.liftguard.kernel.domain.Rejection;
import io.liftguard.twin.Fixtures;
import io.liftguard.twin.domain.access.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntelligentAlarmTest {
  private static final String ID = "ALARM-1";
  private static final Instant T0 = Fixtures.NOW.minus(Duration.ofHours(3));
  private static final IntelligentAlarm ALARM =
      IntelligentAlarm.DEFAULT; // stuck 2 min, someone inside 1 min

  private static Reading car(
      Instant at,
      RunningMode mode,
      Boolean doorZone,
      DoorState doors,
      double speed,
      boolean present) {
    return new Reading(
        ID,
        at,
        4,
        speed > 0 ? Direction.UP : Direction.STOPPED,
        speed,
        doors,
        null,
        mode,
        true,
        true,
        false,
        present,
        doorZone,
        null,
        null,
        null);
  }

  private static Reading betweenFloors(Instant at, boolean present) {
    return car(at, RunningMode.NORMAL, false, DoorState.CLOSED, 0.0, present);
  }

  private static Instant t(int seconds) {
    return T0.plusSeconds(seconds);
  }

  /**
   * Feeds each reading in its own batch, as a terminal reporting every so often does; returns every
   * event.
   */
  private static List<TwinEvent> feed(TwinState[] state, Reading... readings) {
    List<TwinEvent> all = new ArrayList<>();
    Reading live = state[0].live();
    for (Reading r : readings) {
      var out =
          (TwinRules.ReadingOutcome)
              TwinRules.readings(
                  state[0],
                  live,
                  List.of(r),
                  Fixtures.NOW,
                  Reading.TimeWindow.DEFAULT,
                  ALARM,
                  "gw-1");
      for (TwinEvent e : out.events()) {
        state[0] = state[0].apply(e);
      }
      all.addAll(out.events());
      live = out.live();
    }
    return all;
  }

  private static TwinState[] registered() {
    return new TwinState[] {
      TwinState.empty().apply(new TwinEvent.ElevatorRegistered(Fixtures.register(ID), T0, "a"))
    };
  }

  private static List<TwinEvent.FaultRaised> raises(List<TwinEvent> events) {
    return events.stream()
        .filter(e -> e instanceof TwinEvent.FaultRaised)
        .map(e -> (TwinEvent.FaultRaised) e)
        .toList();
  }

  @Test
  void whatCountsAsAStuckCar() {
    assertTrue(
        IntelligentAlarm.stuck(betweenFloors(T0, true)), "between floors, doors shut, stopped");
    assertTrue(
        IntelligentAlarm.stuck(
            car(T0, RunningMode.OUT_OF_SERVICE, true, DoorState.CLOSED, 0, true)));
    assertTrue(
        IntelligentAlarm.stuck(
            car(T0, RunningMode.EMERGENCY_POWER, true, DoorState.CLOSED, 0, true)));
    assertFalse(
        IntelligentAlarm.stuck(car(T0, RunningMode.NORMAL, true, DoorState.CLOSED, 0, true)),
        "at a landing in normal service a passenger can open the doors");
    assertFalse(
        IntelligentAlarm.stuck(car(T0, RunningMode.INSPECTION, false, DoorState.CLOSED, 0, true)),
        "a maintainer drives the car in inspection");
    assertFalse(
        IntelligentAlarm.stuck(car(T0, RunningMode.FIRE, false, DoorState.CLOSED, 0, true)));
    assertFalse(
        IntelligentAlarm.stuck(car(T0, RunningMode.NORMAL, false, DoorState.OPEN, 0, true)));
    assertFalse(
        IntelligentAlarm.stuck(car(T0, RunningMode.NORMAL, false, DoorState.CLOSED, 1.5, true)),
        "moving");
    assertFalse(
        IntelligentAlarm.stuck(car(T0, RunningMode.NORMAL, null, DoorState.CLOSED, 0, true)),
        "no door-zone signal and in normal service: nothing says it is stuck");
  }

  @Test
  void raisesOnceWhenStuckForTwoMinutesWithSomeoneInsideForOne() {
    TwinState[] s = registered();
    List<TwinEvent> events =
        feed(
            s,
            betweenFloors(t(0), true),
            betweenFloors(t(30), true),
            betweenFloors(t(60), true),
            betweenFloors(t(90), true));
    assertTrue(raises(events).isEmpty(), "90 s stuck is not yet 2 min");
    events =
        feed(
            s,
            betweenFloors(t(120), true),
            betweenFloors(t(150), true),
            betweenFloors(t(180), true));
    List<TwinEvent.FaultRaised> raised = raises(events);
    assertEquals(1, raised.size(), "raised once, at the reading that made it due");
    assertEquals(EventType.ENTRAPMENT_BETWEEN_FLOORS, raised.get(0).eventType());
    assertEquals(t(0), raised.get(0).occurredAt(), "the entrapment began when the car got stuck");
    assertEquals(IntelligentAlarm.RECORDED_BY, raised.get(0).recordedBy());
    assertTrue(raised.get(0).detail().contains("for 2 min 0 s"), raised.get(0).detail());
    assertEquals(1, s[0].counters().entrapments());
  }

  @Test
  void aSingleFalsePresenceInAParkedCarRaisesNothing() {
    TwinState[] s = registered();
    List<TwinEvent> events = new ArrayList<>();
    for (int i = 0;
        i < 240;
        i++) { // two hours parked out of service at a landing, a reading every 30 s
      boolean glitch = i == 100 || i == 180;
      events.addAll(
          feed(s, car(t(30 * i), RunningMode.OUT_OF_SERVICE, true, DoorState.CLOSED, 0, glitch)));
    }
    assertTrue(
        raises(events).isEmpty(), "presence in one reading is not someone inside for a minute");
    // The glitches are persisted (they change what the alarm watches), the plain heartbeats are
    // not.
    long persisted = events.stream().filter(e -> e instanceof TwinEvent.LiveStateRecorded).count();
    assertEquals(5, persisted, "parked, glitch, gone, glitch, gone");
  }

  @Test
  void presenceMustHoldOverTheMinuteAndARunInterruptedStartsAgain() {
    TwinState[] s = registered();
    List<TwinEvent> events =
        feed(
            s,
            betweenFloors(t(0), true),
            betweenFloors(t(100), true),
            betweenFloors(t(130), false),
            betweenFloors(t(140), true),
            betweenFloors(t(190), true));
    assertTrue(raises(events).isEmpty(), "present again since 140 s: 50 s is not a minute");
    events = feed(s, betweenFloors(t(200), true));
    assertEquals(1, raises(events).size(), "stuck 200 s, someone inside since 140 s");
  }

  @Test
  void theAlarmEndsWithTheStuckCarAndAnotherStuckPeriodIsAnotherAlarm() {
    TwinState[] s = registered();
    feed(s, betweenFloors(t(0), true), betweenFloors(t(130), true));
    assertEquals(1, s[0].open().size());
    List<TwinEvent> events =
        feed(s, car(t(900), RunningMode.NORMAL, true, DoorState.OPEN, 0, false));
    assertTrue(
        events.stream().anyMatch(e -> e instanceof TwinEvent.FaultCleared), events.toString());
    assertTrue(s[0].open().isEmpty());
    events =
        feed(
            s,
            car(t(2000), RunningMode.OUT_OF_SERVICE, true, DoorState.CLOSED, 0, true),
            car(t(2130), RunningMode.OUT_OF_SERVICE, true, DoorState.CLOSED, 0, true));
    List<TwinEvent.FaultRaised> raised = raises(events);
    assertEquals(1, raised.size());
    assertEquals(EventType.ENTRAPMENT_AT_LANDING, raised.get(0).eventType());
    assertTrue(raised.get(0).detail().contains("(out of service)"), raised.get(0).detail());
    assertEquals(2, s[0].counters().entrapments());
  }

  @Test
  void anEntrapmentAlreadyReportedIsNotRaisedAgainNorClearedByTheTwin() {
    TwinState[] s = registered();
    s[0] =
        s[0].apply(
            new TwinEvent.FaultRaised(
                "gw-7",
                EventType.ENTRAPMENT_BETWEEN_FLOORS,
                t(0),
                "96333 call",
                t(5),
                "gw-1",
                Role.GATEWAY));
    List<TwinEvent> events =
        feed(
            s,
            betweenFloors(t(0), true),
            betweenFloors(t(200), true),
            car(t(900), RunningMode.NORMAL, true, DoorState.OPEN, 0, false));
    assertTrue(raises(events).isEmpty());
    assertTrue(
        events.stream().noneMatch(e -> e instanceof TwinEvent.FaultCleared),
        "the gateway clears its own");
    assertEquals(1, s[0].open().size());
  }

  @Test
  void aReadingAtTheDueTimeShowingTheCarEmptyWinsOverTheTimer() {
    TwinState[] s = registered();
    feed(s, betweenFloors(t(0), true), betweenFloors(t(60), true));
    assertEquals(t(120), ALARM.dueAt(s[0].stuck()));
    List<TwinEvent> events = feed(s, betweenFloors(t(120), false));
    assertTrue(raises(events).isEmpty());
    assertNull(ALARM.timerAt(s[0].stuck()), "no one inside now: nothing for the timer");
  }

  @Test
  void theTimerRaisesWhenDueWithoutANewReading() {
    TwinState[] s = registered();
    feed(s, betweenFloors(t(0), true));
    assertEquals(t(120), ALARM.dueAt(s[0].stuck()));
    // A silent terminal: the timer waits one quiet interval (30 s) past the due time for a reading
    // that says otherwise.
    assertEquals(t(150), ALARM.timerAt(s[0].stuck()));
    assertTrue(TwinRules.alarmCheck(s[0], ALARM, t(149)).isEmpty());
    List<TwinEvent> raised = TwinRules.alarmCheck(s[0], ALARM, t(150));
    assertEquals(1, raised.size());
    s[0] = s[0].apply(raised.get(0));
    assertTrue(TwinRules.alarmCheck(s[0], ALARM, t(500)).isEmpty(), "raised once");
    assertNull(
        ALARM.dueAt(IntelligentAlarm.next(null, betweenFloors(t(0), false))),
        "no one inside, nothing due");
  }

  @Test
  void theStuckCarSurvivesInThePersistedState() {
    TwinState[] s = registered();
    List<TwinEvent> events = feed(s, betweenFloors(t(0), true), betweenFloors(t(30), true));
    // Only the first reading changed what the alarm watches; replaying the persisted events gives
    // the same car.
    TwinState replayed = registered()[0];
    for (TwinEvent e : events) {
      replayed = replayed.apply(e);
    }
    assertEquals(t(0), replayed.stuck().since());
    assertEquals(t(0), replayed.stuck().occupiedSince());
    assertEquals(s[0].stuck(), replayed.stuck());
  }

  private static Reading outOfService(Instant at, boolean present) {
    return car(at, RunningMode.OUT_OF_SERVICE, true, DoorState.CLOSED, 0, present);
  }

  private static MaintainerOnSite visit(String id, Instant since) {
    return new MaintainerOnSite(
        id, "Yongan Lift Service", "Li Wei", "T-123", MaintenanceVisit.Kind.ROUTINE, since, false);
  }

  /** Applies the accepted decision's events; returns them. */
  private static List<TwinEvent> accepted(TwinState[] s, Decision<TwinEvent> d) {
    assertTrue(d instanceof Decision.Accept<TwinEvent>, d.toString());
    List<TwinEvent> events = ((Decision.Accept<TwinEvent>) d).events();
    for (TwinEvent e : events) {
      s[0] = s[0].apply(e);
    }
    return events;
  }

  private static Decision<TwinEvent> checkIn(TwinState[] s, MaintainerOnSite v) {
    return TwinRules.checkIn(s[0], ID, v, Fixtures.NOW, Reading.TimeWindow.DEFAULT, "mt-1");
  }

  private static Decision<TwinEvent> checkOut(TwinState[] s, String visitId, Instant at) {
    return TwinRules.checkOut(
        s[0], ID, visitId, at, "all items done", Fixtures.NOW, Reading.TimeWindow.DEFAULT, "mt-1");
  }

  @Test
  void aMaintainerCheckedInHoldsTheAlarmAndTheCheckOutRecordsTheVisitAndLetsItGo() {
    TwinState[] s = registered();
    accepted(s, checkIn(s, visit("V-1", t(0))));
    List<TwinEvent> events = new ArrayList<>();
    for (int i = 0; i <= 40; i++) { // 20 min in the car, out of service, doors shut, sensed
      events.addAll(feed(s, outOfService(t(30 * i), true)));
    }
    assertTrue(raises(events).isEmpty(), "a maintainer at work is not an entrapment");
    assertEquals(
        t(0).plus(MaintainerOnSite.HOLDS_ALARM_AT_MOST),
        ALARM.timerAt(s[0].stuck(), s[0].onSite()),
        "the timer waits for the end of the hold");
    assertTrue(TwinRules.alarmCheck(s[0], ALARM, t(1500)).isEmpty());

    List<TwinEvent> out = accepted(s, checkOut(s, "V-1", t(1500)));
    var checkedOut = (TwinEvent.MaintainerCheckedOut) out.get(0);
    assertFalse(checkedOut.inspectionSeen(), "the car was never in inspection mode");
    var visit = ((TwinEvent.MaintenanceRecorded) out.get(1)).visit();
    assertEquals(t(0), visit.startedAt());
    assertEquals(t(1500), visit.endedAt());
    assertEquals(MaintenanceVisit.Kind.ROUTINE, visit.kind());
    assertNull(s[0].onSite());
    assertEquals(1, s[0].counters().maintenanceVisits());
    // Checked out, the car still stuck with someone sensed inside: the alarm is due at once.
    assertEquals(1, TwinRules.alarmCheck(s[0], ALARM, t(1500)).size());
    assertEquals(1, raises(feed(s, outOfService(t(1530), true))).size());
  }

  @Test
  void aForgottenCheckOutHoldsTheAlarmFourHoursAtMost() {
    Instant in = Fixtures.NOW.minus(Duration.ofHours(5));
    TwinState[] s = registered();
    accepted(s, checkIn(s, visit("V-2", in)));
    Instant hold = in.plus(MaintainerOnSite.HOLDS_ALARM_AT_MOST);
    List<TwinEvent> events =
        feed(s, outOfService(in, true), outOfService(hold.minusSeconds(30), true));
    assertTrue(raises(events).isEmpty());
    events = feed(s, outOfService(hold, true));
    assertEquals(1, raises(events).size(), "the hold is over");
  }

  @Test
  void inspectionModeDuringTheVisitIsSeenAndKeptWithTheCheckOut() {
    TwinState[] s = registered();
    accepted(s, checkIn(s, visit("V-3", t(0))));
    feed(
        s,
        car(t(10), RunningMode.INSPECTION, true, DoorState.CLOSED, 0, true),
        car(t(600), RunningMode.NORMAL, true, DoorState.OPEN, 0, false));
    assertTrue(s[0].onSite().inspectionSeen());
    var out = (TwinEvent.MaintainerCheckedOut) accepted(s, checkOut(s, "V-3", t(700))).get(0);
    assertTrue(out.inspectionSeen());
  }

  @Test
  void checkInsAndCheckOutsTheTwinRefusesOrTakesAsRetries() {
    TwinState[] s = registered();
    assertTrue(
        TwinRules.checkIn(
                TwinState.empty(),
                ID,
                visit("V-4", t(0)),
                Fixtures.NOW,
                Reading.TimeWindow.DEFAULT,
                "mt")
            instanceof Decision.Reject<TwinEvent>,
        "not registered");
    var noCertificate =
        new MaintainerOnSite(
            "V-4", "Yongan", "Li Wei", " ", MaintenanceVisit.Kind.ROUTINE, t(0), false);
    assertEquals(
        Rejection.Code.INVALID,
        ((Decision.Reject<TwinEvent>) checkIn(s, noCertificate)).rejection().code());
    assertEquals(
        Rejection.Code.CONFLICT,
        ((Decision.Reject<TwinEvent>) checkOut(s, "V-4", t(60))).rejection().code(),
        "nothing checked in");
    accepted(s, checkIn(s, visit("V-4", t(0))));
    assertTrue(accepted(s, checkIn(s, visit("V-4", t(0)))).isEmpty(), "a retry");
    assertEquals(
        Rejection.Code.CONFLICT,
        ((Decision.Reject<TwinEvent>) checkIn(s, visit("V-5", t(30)))).rejection().code(),
        "another visit while one is on site");
    assertEquals(
        Rejection.Code.INVALID,
        ((Decision.Reject<TwinEvent>) checkOut(s, "V-4", t(-60))).rejection().code(),
        "a check-out before its check-in");
    assertEquals(
        Rejection.Code.CONFLICT,
        ((Decision.Reject<TwinEvent>) checkOut(s, "V-5", t(60))).rejection().code(),
        "another visit's check-out");
    TwinState before = s[0];
    accepted(s, checkOut(s, "V-4", t(900)));
    assertTrue(accepted(s, checkOut(s, "V-4", t(900))).isEmpty(), "a retry of the check-out");
    assertTrue(
        accepted(s, checkIn(s, visit("V-4", t(0)))).isEmpty(), "a late retry of the check-in");
    assertEquals(before.counters().maintenanceVisits() + 1, s[0].counters().maintenanceVisits());
  }
}
