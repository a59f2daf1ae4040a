package io.liftguard.rescue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.liftguard.kernel.MutableClock;
import io.liftguard.kernel.domain.Rejection;
import io.liftguard.kernel.store.LiftGuardConfig;
import io.liftguard.rescue.domain.AlarmSource;
import io.liftguard.rescue.domain.Escalation;
import io.liftguard.rescue.domain.RescueCase;
import io.liftguard.rescue.domain.RescueEvent;
import io.liftguard.rescue.domain.RescueRules;
import io.liftguard.rescue.domain.RescueSettings;
import io.liftguard.rescue.domain.RescueStep;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The entity on the in-memory test journal; the testkit also checks every command, event and state
 * serializes.
 */
class RescueCaseEntityTest {
  private static final ActorTestKit KIT =
      ActorTestKit.create(
          LiftGuardConfig.load(
              EventSourcedBehaviorTestKit.config()
                  .withFallback(ConfigFactory.parseString("pekko.actor.provider = local"))));
  private static final Instant ALARM = Instant.parse("2026-11-30T02:00:00Z");

  private final MutableClock clock = new MutableClock(ALARM.plusSeconds(20));
  private EventSourcedBehaviorTestKit<RescueCaseEntity.Command, RescueEvent, RescueCase> rescue;

  @AfterAll
  static void stop() {
    KIT.shutdownTestKit();
  }

  @BeforeEach
  void setUp() {
    rescue =
        EventSourcedBehaviorTestKit.create(
            KIT.system(), RescueCaseEntity.create("r-1", RescueSettings.DEFAULT, clock));
    rescue.clear();
  }

  private EventSourcedBehaviorTestKit.CommandResultWithReply<
          RescueCaseEntity.Command, RescueEvent, RescueCase, StatusReply<RescueCase>>
      open() {
    return rescue.runCommand(
        rt ->
            new RescueCaseEntity.Open(
                new RescueRules.Opening(
                    "CQ-JJ-000042",
                    "Jiangjin",
                    AlarmSource.GATEWAY,
                    "evt-7",
                    ALARM,
                    "entrapment between floors"),
                "gateway",
                rt));
  }

  private StatusReply<RescueCase> record(RescueStep step) {
    return rescue
        .<StatusReply<RescueCase>>runCommand(
            rt -> new RescueCaseEntity.Record(step, null, null, "centre-1", rt))
        .reply();
  }

  @Test
  void persistsEachStepBeforeReplyingAndRecoversTheCase() {
    assertInstanceOf(RescueEvent.CaseOpened.class, open().event());
    clock.advance(Duration.ofMinutes(2));
    assertTrue(record(RescueStep.ACKNOWLEDGED).isSuccess());
    clock.advance(Duration.ofMinutes(1));
    assertTrue(record(RescueStep.DISPATCHED).isSuccess());
    rescue.restart();
    RescueCase c = rescue.getState();
    assertEquals(RescueStep.DISPATCHED, c.step());
    assertEquals("centre-1", c.steps().get(RescueStep.ACKNOWLEDGED).by());
    assertEquals(ALARM.plusSeconds(20).plus(Duration.ofMinutes(2)), c.at(RescueStep.ACKNOWLEDGED));
  }

  @Test
  void aSecondOpeningOfTheSameCaseWritesNothing() {
    open();
    var again = open();
    assertEquals(List.of(), again.events());
    assertTrue(again.reply().isSuccess());
  }

  @Test
  void clocksAreCheckedWithTheInjectedClock() {
    open();
    clock.advance(Duration.ofMinutes(31));
    var r =
        rescue.<StatusReply<RescueCase>>runCommand(
            rt -> new RescueCaseEntity.CheckClocks("rescue-watch", rt));
    assertEquals(
        List.of(Escalation.ACKNOWLEDGEMENT_OVERDUE, Escalation.ARRIVAL_OVERDUE),
        r.reply().getValue().escalations().stream()
            .map(RescueEvent.Escalated::escalation)
            .toList());
  }

  @Test
  void aStepOfACaseThatDoesNotExistOrOutOfOrderIsRefusedAndChangesNothing() {
    StatusReply<RescueCase> missing = record(RescueStep.ACKNOWLEDGED);
    assertEquals(
        Rejection.Code.NOT_REGISTERED,
        Rejection.fromStatusText(missing.getError().getMessage()).code());
    open();
    var r =
        rescue.<StatusReply<RescueCase>>runCommand(
            rt -> new RescueCaseEntity.Record(RescueStep.ARRIVED, null, null, "rescuer", rt));
    assertEquals(
        Rejection.Code.CONFLICT,
        Rejection.fromStatusText(r.reply().getError().getMessage()).code());
    assertEquals(List.of(), r.events());
  }
}
