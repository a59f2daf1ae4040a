package io.liftguard.rescue.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liftguard.kernel.domain.Decision;
import io.liftguard.kernel.domain.Rejection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RescueRulesTest {
  private static final Instant ALARM = Instant.parse("2026-11-30T02:00:00Z");
  private static final RescueSettings S =
      RescueSettings.DEFAULT; // acknowledge 5 min, arrive 30, 119 after 60
  private static final RescueRules.Opening OPENING =
      new RescueRules.Opening(
          "CQ-JJ-000042",
          "Jiangjin",
          AlarmSource.GATEWAY,
          "evt-7",
          ALARM,
          "entrapment between floors");

  private static RescueCase fold(RescueCase c, Decision<RescueEvent> d) {
    assertInstanceOf(Decision.Accept.class, d);
    for (RescueEvent e : ((Decision.Accept<RescueEvent>) d).events()) {
      c = c.apply(e);
    }
    return c;
  }

  private static RescueCase opened() {
    return fold(
        RescueCase.empty("r-1"),
        RescueRules.open(RescueCase.empty("r-1"), OPENING, S, ALARM, "gw"));
  }

  private static Instant at(int minutes) {
    return ALARM.plus(Duration.ofMinutes(minutes));
  }

  private static RescueCase step(RescueCase c, RescueStep step, int minute) {
    return fold(c, RescueRules.record(c, step, at(minute), null, S, at(minute), "centre"));
  }

  private static Rejection.Code refusal(Decision<RescueEvent> d) {
    return assertInstanceOf(Decision.Reject.class, d).rejection().code();
  }

  @Test
  void aRescueOnTimeRecordsEveryStepWithItsClockAndNoEscalation() {
    RescueCase c = opened();
    assertTrue(c.isOpen());
    c = step(c, RescueStep.ACKNOWLEDGED, 1);
    c = step(c, RescueStep.DISPATCHED, 2);
    c = step(c, RescueStep.ARRIVED, 14);
    c = step(c, RescueStep.RELEASED, 19);
    RescueCase.Clocks k = c.clocks(at(40));
    assertEquals(Duration.ofMinutes(1), k.toAcknowledge());
    assertEquals(Duration.ofMinutes(14), k.toArrive());
    assertEquals(Duration.ofMinutes(19), k.toRelease());
    assertEquals(
        List.of(),
        assertInstanceOf(Decision.Accept.class, RescueRules.checkClocks(c, S, at(90), "watch"))
            .events());
    c = step(c, RescueStep.CLOSED, 25);
    assertTrue(!c.isOpen());
    assertEquals(RescueStep.CLOSED, c.step());
  }

  @Test
  void eachClockThatRunsOutIsEscalatedOnceWhenItRunsOut() {
    RescueCase c = opened();
    assertEquals(
        List.of(),
        ((Decision.Accept<RescueEvent>) RescueRules.checkClocks(c, S, at(4), "watch")).events());
    c = fold(c, RescueRules.checkClocks(c, S, at(6), "watch"));
    assertEquals(
        List.of(Escalation.ACKNOWLEDGEMENT_OVERDUE),
        c.escalations().stream().map(e -> e.escalation()).toList());
    assertEquals(at(5), c.escalations().get(0).dueAt());
    // Checked again: nothing new until the next window passes.
    assertEquals(
        List.of(),
        ((Decision.Accept<RescueEvent>) RescueRules.checkClocks(c, S, at(29), "watch")).events());
    c = step(c, RescueStep.ACKNOWLEDGED, 7);
    c = step(c, RescueStep.DISPATCHED, 8);
    c = fold(c, RescueRules.checkClocks(c, S, at(61), "watch"));
    assertEquals(
        List.of(
            Escalation.ACKNOWLEDGEMENT_OVERDUE,
            Escalation.ARRIVAL_OVERDUE,
            Escalation.EMERGENCY_SERVICES),
        c.escalations().stream().map(e -> e.escalation()).toList());
    assertEquals(at(60), c.escalations().get(2).dueAt());
    RescueCase.Clocks k = c.clocks(at(61));
    assertEquals(Duration.ofMinutes(61), k.toArrive());
    assertTrue(!k.arrived());
  }

  @Test
  void aLateStepWithNoCheckInBetweenStillLeavesTheEscalationInTheHistory() {
    RescueCase c =
        step(
            step(step(opened(), RescueStep.ACKNOWLEDGED, 2), RescueStep.DISPATCHED, 3),
            RescueStep.ARRIVED,
            41);
    assertEquals(
        List.of(Escalation.ARRIVAL_OVERDUE),
        c.escalations().stream().map(e -> e.escalation()).toList());
    assertEquals(at(30), c.escalations().get(0).dueAt());
  }

  private static RescueCase openedLate(int minute) {
    return fold(
        RescueCase.empty("r-2"),
        RescueRules.open(RescueCase.empty("r-2"), OPENING, S, at(minute), "centre"));
  }

  private static List<Escalation> escalations(RescueCase c) {
    return c.escalations().stream().map(RescueEvent.Escalated::escalation).toList();
  }

  @Test
  void aCaseLoadedAfterItsAlarmIsJudgedByTheTimesOfItsSteps() {
    // The centre loads a rescue of 70 minutes ago that went by the book: no escalation, then or
    // later.
    RescueCase c = openedLate(70);
    assertEquals(List.of(), escalations(c), "nothing is escalated on opening");
    for (Object[] s :
        new Object[][] {
          {RescueStep.ACKNOWLEDGED, 1},
          {RescueStep.DISPATCHED, 2},
          {RescueStep.ARRIVED, 14},
          {RescueStep.RELEASED, 19}
        }) {
      c =
          fold(
              c,
              RescueRules.record(c, (RescueStep) s[0], at((int) s[1]), null, S, at(71), "centre"));
      c = fold(c, RescueRules.checkClocks(c, S, at(72), "watch"));
    }
    assertEquals(List.of(), escalations(fold(c, RescueRules.checkClocks(c, S, at(200), "watch"))));
    // One acknowledged 10 minutes after its alarm was late by its own time.
    RescueCase late = openedLate(70);
    late =
        fold(
            late,
            RescueRules.record(late, RescueStep.ACKNOWLEDGED, at(10), null, S, at(71), "centre"));
    assertEquals(List.of(Escalation.ACKNOWLEDGEMENT_OVERDUE), escalations(late));
    assertEquals(at(5), late.escalations().get(0).dueAt());
    // A step exactly at its deadline is on time.
    RescueCase onTheDot = openedLate(70);
    onTheDot =
        fold(
            onTheDot,
            RescueRules.record(onTheDot, RescueStep.ACKNOWLEDGED, at(5), null, S, at(71), "c"));
    assertEquals(List.of(), escalations(onTheDot));
  }

  @Test
  void aLateCaseWhoseStepsNeverComeIsEscalatedOneResponseWindowAfterItWasOpened() {
    RescueCase c =
        openedLate(70); // a gateway reconnecting after 70 minutes: nobody has acknowledged
    assertEquals(
        List.of(),
        ((Decision.Accept<RescueEvent>) RescueRules.checkClocks(c, S, at(74), "watch")).events());
    c = fold(c, RescueRules.checkClocks(c, S, at(75), "watch"));
    assertEquals(
        List.of(
            Escalation.ACKNOWLEDGEMENT_OVERDUE,
            Escalation.ARRIVAL_OVERDUE,
            Escalation.EMERGENCY_SERVICES),
        escalations(c));
    assertEquals(
        List.of(at(5), at(30), at(60)),
        c.escalations().stream().map(RescueEvent.Escalated::dueAt).toList());
    // A window that runs out after the opening is escalated when it runs out, as for any case.
    RescueCase recent = openedLate(3);
    assertEquals(
        List.of(),
        ((Decision.Accept<RescueEvent>) RescueRules.checkClocks(recent, S, at(5), "watch"))
            .events());
    assertEquals(
        List.of(Escalation.ACKNOWLEDGEMENT_OVERDUE),
        escalations(fold(recent, RescueRules.checkClocks(recent, S, at(6), "watch"))));
  }

  @Test
  void openingTwiceIsADuplicateThatChangesNothing() {
    RescueCase c = opened();
    Decision<RescueEvent> again = RescueRules.open(c, OPENING, S, at(1), "projection-replay");
    assertEquals("duplicate", assertInstanceOf(Decision.Accept.class, again).outcome());
    assertEquals(List.of(), ((Decision.Accept<RescueEvent>) again).events());
  }

  @Test
  void stepsComeInOrderOnceAndNotFromTheFuture() {
    RescueCase c = opened();
    assertEquals(
        Rejection.Code.CONFLICT,
        refusal(RescueRules.record(c, RescueStep.ARRIVED, at(3), null, S, at(3), "x")));
    assertEquals(
        Rejection.Code.INVALID,
        refusal(RescueRules.record(c, RescueStep.ALARM, at(3), null, S, at(3), "x")));
    assertEquals(
        Rejection.Code.INVALID,
        refusal(RescueRules.record(c, RescueStep.ACKNOWLEDGED, at(-1), null, S, at(3), "x")));
    assertEquals(
        Rejection.Code.INVALID,
        refusal(RescueRules.record(c, RescueStep.ACKNOWLEDGED, at(10), null, S, at(3), "x")));
    c = step(c, RescueStep.ACKNOWLEDGED, 1);
    // The same step again: a retry with the same time changes nothing; another time is a conflict.
    Decision<RescueEvent> retry =
        RescueRules.record(c, RescueStep.ACKNOWLEDGED, at(1), null, S, at(2), "centre");
    assertEquals(List.of(), assertInstanceOf(Decision.Accept.class, retry).events());
    assertEquals(
        Rejection.Code.CONFLICT,
        refusal(RescueRules.record(c, RescueStep.ACKNOWLEDGED, at(2), null, S, at(2), "centre")));
  }

  @Test
  void aClosedCaseTakesNoMoreSteps() {
    RescueCase c = opened();
    for (RescueStep s :
        List.of(
            RescueStep.ACKNOWLEDGED,
            RescueStep.DISPATCHED,
            RescueStep.ARRIVED,
            RescueStep.RELEASED,
            RescueStep.CLOSED)) {
      c = step(c, s, 5 + s.ordinal());
    }
    assertEquals(
        "closed",
        ((Decision.Accept<RescueEvent>) RescueRules.checkClocks(c, S, at(500), "watch")).outcome());
  }

  @Test
  void anOpeningWithoutAnElevatorOrFromTheFutureIsRefused() {
    Decision<RescueEvent> d =
        RescueRules.open(
            RescueCase.empty("r-3"),
            new RescueRules.Opening(" ", null, null, null, at(10), null),
            S,
            ALARM,
            "gw");
    Rejection r = assertInstanceOf(Decision.Reject.class, d).rejection();
    assertEquals(
        List.of(
            "elevatorId is required",
            "source is required",
            "alarmAt " + at(10) + " is in the future"),
        r.details());
  }

  @Test
  void windowsOutOfOrderAreRefused() {
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () ->
            new RescueSettings(
                Duration.ofMinutes(30), Duration.ofMinutes(5), Duration.ofMinutes(60)));
  }
}
