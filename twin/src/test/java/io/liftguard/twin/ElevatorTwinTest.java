package io.liftguard.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.liftguard.kernel.MutableClock;
import io.liftguard.kernel.domain.Rejection;
import io.liftguard.kernel.store.LiftGuardConfig;
import io.liftguard.kernel.store.StoreHealth;
import io.liftguard.twin.domain.Direction;
import io.liftguard.twin.domain.DoorState;
import io.liftguard.twin.domain.EventType;
import io.liftguard.twin.domain.IntelligentAlarm;
import io.liftguard.twin.domain.Reading;
import io.liftguard.twin.domain.ReportedEvent;
import io.liftguard.twin.domain.RunningMode;
import io.liftguard.twin.domain.TwinEvent;
import io.liftguard.twin.domain.TwinState;
import io.liftguard.twin.domain.access.Principal;
import io.liftguard.twin.domain.access.Role;
import io.liftguard.twin.domain.access.Scope;
import io.liftguard.twin.domain.risk.RiskModel;
import io.liftguard.twin.risk.RiskModels;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The entity on the in-memory test journal; the testkit also checks every command, event and state
 * serializes.
 */
class ElevatorTwinTest {
  private static final AtomicInteger TWINS = new AtomicInteger();
  private static final ActorTestKit KIT =
      ActorTestKit.create(
          LiftGuardConfig.load(
              EventSourcedBehaviorTestKit.config()
                  .withFallback(ConfigFactory.parseString("pekko.actor.provider = local"))));

  private static final RiskModel MODEL = RiskModels.loadDefault();
  // An elevator of its own per test: a previous test's twin may still flush its held reading (a 300
  // ms interval here) into the shared in-memory journal after the next test has started.
  private final String ID = String.format("CQ-JJ-%06d", TWINS.incrementAndGet());
  private final MutableClock clock = new MutableClock(Fixtures.NOW);
  private final TwinSettings settings =
      new TwinSettings(
          Duration.ofMillis(300),
          1000,
          100,
          5,
          Reading.TimeWindow.DEFAULT,
          4,
          IntelligentAlarm.DEFAULT);
  private final StoreHealth storeHealth =
      StoreHealth.manual(
          clock,
          new StoreHealth.Settings(
              Duration.ofMillis(500), 1, Duration.ofSeconds(1), Duration.ofSeconds(2)));
  private EventSourcedBehaviorTestKit<ElevatorTwin.Command, TwinEvent, TwinState> twin;

  @AfterAll
  static void stop() {
    KIT.shutdownTestKit();
  }

  @BeforeEach
  void setUp() {
    twin =
        EventSourcedBehaviorTestKit.create(
            KIT.system(), ElevatorTwin.create(ID, settings, clock, storeHealth, MODEL));
    twin.clear();
  }

  private void register() {
    var r =
        twin.<StatusReply<String>>runCommand(
            rt -> new ElevatorTwin.Register(Fixtures.register(ID), "admin", rt));
    assertEquals("created", r.reply().getValue());
  }

  /**
   * A routine reading at floor {@code floor}, flushed at once: the persisted live state a test
   * starts from.
   */
  private void persistedReading(int floor) {
    twin.<StatusReply<ElevatorTwin.ReadingsAck>>runCommand(
        rt ->
            new ElevatorTwin.RecordReadings(
                List.of(Fixtures.reading(ID, Fixtures.NOW, floor)), "gw-1", rt));
    var flushed = twin.runCommand(new ElevatorTwin.FlushLiveState());
    assertInstanceOf(TwinEvent.LiveStateRecorded.class, flushed.events().get(0));
  }

  private ElevatorTwin.TwinView view() {
    return twin.<StatusReply<ElevatorTwin.TwinView>>runCommand(ElevatorTwin.GetTwin::new)
        .reply()
        .getValue();
  }

  @Test
  void persistsRegistrationBeforeReplyingAndRecoversIt() {
    var r =
        twin.<StatusReply<String>>runCommand(
            rt -> new ElevatorTwin.Register(Fixtures.register(ID), "admin", rt));
    assertInstanceOf(TwinEvent.ElevatorRegistered.class, r.event());
    twin.restart();
    assertEquals(Fixtures.register(ID), twin.getState().register());
  }

  @Test
  void refusesEverythingButRegistrationWhileUnregistered() {
    var r = twin.<StatusReply<ElevatorTwin.TwinView>>runCommand(ElevatorTwin.GetTwin::new);
    assertTrue(r.reply().isError());
    assertEquals(
        Rejection.Code.NOT_REGISTERED,
        Rejection.fromStatusText(r.reply().getError().getMessage()).code());
    var e =
        twin.<StatusReply<String>>runCommand(
            rt ->
                new ElevatorTwin.ReportEvent(
                    new ReportedEvent(
                        null, EventType.POWER_LOSS, ReportedEvent.Phase.RAISED, Fixtures.NOW, null),
                    "gw-1",
                    Role.GATEWAY,
                    rt));
    assertTrue(e.hasNoEvents());
    assertTrue(e.reply().isError());
  }

  @Test
  void faultIsInTheJournalWhenTheReplyArrivesAndSurvivesARestart() {
    register();
    var r =
        twin.<StatusReply<String>>runCommand(
            rt ->
                new ElevatorTwin.ReportEvent(
                    new ReportedEvent(
                        "f1",
                        EventType.DOOR_CLOSE_FAILURE,
                        ReportedEvent.Phase.RAISED,
                        Fixtures.NOW,
                        null),
                    "gw-1",
                    Role.GATEWAY,
                    rt));
    assertEquals("recorded", r.reply().getValue());
    assertInstanceOf(TwinEvent.FaultRaised.class, r.event());
    twin.restart();
    assertEquals(EventType.DOOR_CLOSE_FAILURE, twin.getState().open().get(0).eventType());
  }

  @Test
  void coalescedReadingsAreVisibleAtOnceButOnlyPersistedOnFlush() {
    register();
    persistedReading(1);
    var r =
        twin.<StatusReply<ElevatorTwin.ReadingsAck>>runCommand(
            rt ->
                new ElevatorTwin.RecordReadings(
                    List.of(Fixtures.floorOnly(ID, Fixtures.NOW.plusSeconds(1), 8)), "gw-1", rt));
    assertTrue(r.hasNoEvents());
    assertFalse(r.reply().getValue().persisted());
    assertEquals(8, view().live().floor());
    assertEquals(1, view().state().live().floor());

    // A restart before the flush interval loses the coalesced reading, never more: the rule's
    // bound.
    twin.restart();
    assertEquals(1, twin.getState().live().floor());
  }

  @Test
  void aHeldReadingThatMovesTheRiskIntoAnotherBandIsRecordedWithItsAssessmentAtOnce() {
    register();
    persistedReading(1);
    RiskModel.Band before = twin.getState().risk().band();
    // Violent vibration, a slow door and a hot brake: the same routine picture otherwise, so no
    // safety change.
    Reading worn =
        new Reading(
            ID,
            Fixtures.NOW.plusSeconds(1),
            2,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            new io.liftguard.twin.domain.ConditionSignals(4.5, 9.0, 20.0, 3.5, 120.0, null));
    var r =
        twin.<StatusReply<ElevatorTwin.ReadingsAck>>runCommand(
            rt -> new ElevatorTwin.RecordReadings(List.of(worn), "gw-1", rt));
    assertTrue(r.reply().getValue().persisted(), "a band change is not held for the next flush");
    assertInstanceOf(TwinEvent.LiveStateRecorded.class, r.events().get(0));
    TwinEvent.RiskAssessed assessed =
        assertInstanceOf(TwinEvent.RiskAssessed.class, r.events().get(1));
    assertTrue(assessed.risk().band() != before, before + " -> " + assessed.risk().band());
    assertEquals(assessed.recordedAt(), twin.getState().riskAssessedAt());
    // The next reading in the same band is held as usual.
    var same =
        twin.<StatusReply<ElevatorTwin.ReadingsAck>>runCommand(
            rt ->
                new ElevatorTwin.RecordReadings(
                    List.of(Fixtures.floorOnly(ID, Fixtures.NOW.plusSeconds(2), 3)), "gw-1", rt));
    assertTrue(same.hasNoEvents());
  }

  @Test
  void aWriterOutsideTheElevatorsScopeIsAnsweredAsIfItWereNotRegisteredAndNothingIsApplied() {
    register();
    Principal otherUnit =
        new Principal(
            "gw-9", Role.GATEWAY, new Scope(null, null, null, "Another Estate", List.of()));
    var refused =
        twin.<StatusReply<ElevatorTwin.ReadingsAck>>runCommand(
            rt ->
                new ElevatorTwin.RecordReadings(
                    List.of(Fixtures.reading(ID, Fixtures.NOW, 4)), otherUnit.id(), otherUnit, rt));
    assertTrue(refused.reply().isError());
    assertEquals(
        Rejection.notRegistered(ID).asStatusText(), refused.reply().getError().getMessage());
    assertNull(view().live());

    Principal ownUnit =
        new Principal(
            "gw-1", Role.GATEWAY, new Scope(null, null, null, "Jinyuan Property", List.of()));
    var accepted =
        twin.<StatusReply<ElevatorTwin.ReadingsAck>>runCommand(
            rt ->
                new ElevatorTwin.RecordReadings(
                    List.of(Fixtures.reading(ID, Fixtures.NOW, 4)), ownUnit.id(), ownUnit, rt));
    assertEquals(1, accepted.reply().getValue().accepted());
    assertEquals(4, view().live().floor());
  }

  @Test
  void theTwinAloneSaysWhoMayWriteItsTelemetryAndAnswersFalseBeforeItIsRegistered() {
    Principal ownUnit =
        new Principal(
            "gw-1", Role.GATEWAY, new Scope(null, null, null, "Jinyuan Property", List.of()));
    Principal otherUnit =
        new Principal(
            "gw-9", Role.GATEWAY, new Scope(null, null, null, "Another Estate", List.of()));
    assertFalse(mayWrite(ownUnit), "not registered yet");
    register();
    assertTrue(mayWrite(ownUnit));
    assertFalse(mayWrite(otherUnit));
  }

  private boolean mayWrite(Principal writer) {
    return twin.<StatusReply<Boolean>>runCommand(rt -> new ElevatorTwin.CheckWriter(writer, rt))
        .reply()
        .getValue();
  }

  @Test
  void flushTimerPersistsTheLiveStateWithinTheInterval() throws Exception {
    register();
    persistedReading(1);
    twin.<StatusReply<ElevatorTwin.ReadingsAck>>runCommand(
        rt ->
            new ElevatorTwin.RecordReadings(
                List.of(Fixtures.floorOnly(ID, Fixtures.NOW.plusSeconds(1), 6)), "gw-1", rt));
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (view().state().live().floor() != 6 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    twin.restart();
    assertEquals(6, twin.getState().live().floor());
  }

  @Test
  void anyOtherWriteCarriesThePendingLiveStateWithIt() {
    register();
    twin.<StatusReply<ElevatorTwin.ReadingsAck>>runCommand(
        rt ->
            new ElevatorTwin.RecordReadings(
                List.of(Fixtures.reading(ID, Fixtures.NOW, 1)), "gw-1", rt));
    twin.<StatusReply<ElevatorTwin.ReadingsAck>>runCommand(
        rt ->
            new ElevatorTwin.RecordReadings(
                List.of(Fixtures.floorOnly(ID, Fixtures.NOW.plusSeconds(1), 4)), "gw-1", rt));
    var r =
        twin.<StatusReply<String>>runCommand(
            rt ->
                new ElevatorTwin.ReportEvent(
                    new ReportedEvent(
                        null,
                        EventType.PASSENGER_ALARM,
                        ReportedEvent.Phase.RAISED,
                        Fixtures.NOW,
                        null),
                    "gw-1",
                    Role.GATEWAY,
                    rt));
    assertEquals(2, r.events().size());
    assertInstanceOf(TwinEvent.LiveStateRecorded.class, r.events().get(0));
    twin.restart();
    assertEquals(4, twin.getState().live().floor());
  }

  /** A registered twin with a persisted reading at floor 1 and a coalesced one at floor 11. */
  private ActorRef<ElevatorTwin.Command> spawnWithACoalescedReading(
      String id, TestProbe<StatusReply<?>> probe) {
    var ref = KIT.spawn(ElevatorTwin.create(id, settings, clock, storeHealth, MODEL));
    ref.tell(new ElevatorTwin.Register(Fixtures.register(id), "admin", probe.ref().narrow()));
    ref.tell(
        new ElevatorTwin.RecordReadings(
            List.of(Fixtures.reading(id, Fixtures.NOW, 1)), "gw-1", probe.ref().narrow()));
    ref.tell(
        new ElevatorTwin.RecordReadings(
            List.of(Fixtures.floorOnly(id, Fixtures.NOW.plusSeconds(1), 11)),
            "gw-1",
            probe.ref().narrow()));
    probe.receiveSeveralMessages(3);
    return ref;
  }

  @Test
  void passivationPersistsThePendingLiveStateBeforeStopping() {
    String id = "CQ-JJ-PASSIVE";
    var probe = KIT.<StatusReply<?>>createTestProbe();
    var ref = spawnWithACoalescedReading(id, probe);
    ref.tell(new ElevatorTwin.Passivate());
    probe.expectTerminated(ref);
    List<Object> stored =
        twin.persistenceTestKit().persistedInStorage(ElevatorTwin.persistenceId(id).id());
    assertEquals(11, ((TwinEvent.LiveStateRecorded) stored.get(stored.size() - 1)).live().floor());
  }

  @Test
  void aDueFlushWaitsWhileTheStoreIsUnavailableAndHappensWhenItIsBack() throws Exception {
    register();
    persistedReading(1);
    storeHealth.probed(false);
    twin.<StatusReply<ElevatorTwin.ReadingsAck>>runCommand(
        rt ->
            new ElevatorTwin.RecordReadings(
                List.of(Fixtures.floorOnly(ID, Fixtures.NOW.plusSeconds(1), 7)), "gw-1", rt));
    Thread.sleep(settings.flushInterval().multipliedBy(3).toMillis());
    // Nothing persisted, and the twin still in memory, answering with the newest reading.
    assertEquals(1, view().state().live().floor());
    assertEquals(7, view().live().floor());

    storeHealth.probed(true);
    long deadline = System.nanoTime() + ElevatorTwin.FLUSH_RETRY.multipliedBy(3).toNanos();
    while (view().state().live().floor() != 7 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    twin.restart();
    assertEquals(7, twin.getState().live().floor());
  }

  @Test
  void passivatedWhileTheStoreIsUnavailableItStopsWithoutTryingToPersist() {
    String id = "CQ-JJ-PASSIVE-DOWN";
    var probe = KIT.<StatusReply<?>>createTestProbe();
    var ref = spawnWithACoalescedReading(id, probe);
    int before =
        twin.persistenceTestKit().persistedInStorage(ElevatorTwin.persistenceId(id).id()).size();
    storeHealth.probed(false);
    ref.tell(new ElevatorTwin.Passivate());
    probe.expectTerminated(ref);
    assertEquals(
        before,
        twin.persistenceTestKit().persistedInStorage(ElevatorTwin.persistenceId(id).id()).size());
  }

  @Test
  void aFailedPersistRestartsTheTwinWhichRecoversWithinAboutASecond() {
    String id = "CQ-JJ-JOURNAL-FAILS";
    var ref = KIT.spawn(ElevatorTwin.create(id, settings, clock, storeHealth, MODEL));
    var probe = KIT.<StatusReply<?>>createTestProbe();
    ref.tell(new ElevatorTwin.Register(Fixtures.register(id), "admin", probe.ref().narrow()));
    probe.receiveMessage();
    twin.persistenceTestKit().failNextPersisted();
    ref.tell(
        new ElevatorTwin.ReportEvent(
            new ReportedEvent(
                "lost-1",
                EventType.PASSENGER_ALARM,
                ReportedEvent.Phase.RAISED,
                Fixtures.NOW,
                null),
            "gw-1",
            Role.GATEWAY,
            probe.ref().narrow()));
    // The failed write is not answered (the API answers 503 when its ask gives up); the twin
    // restarts from the journal, without the event, and answers again.
    probe.expectNoMessage(Duration.ofMillis(200));
    ref.tell(new ElevatorTwin.GetTwin(probe.ref().narrow()));
    var view =
        (ElevatorTwin.TwinView)
            probe.expectMessageClass(StatusReply.class, Duration.ofSeconds(3)).getValue();
    assertTrue(view.state().open().isEmpty());
    assertFalse(view.state().hasSeen(TwinState.IdKind.EVENT, "lost-1"));
  }

  /**
   * A twin on a flush budget of its own, registered, holding a routine reading (not yet persisted).
   */
  private ActorRef<ElevatorTwin.Command> twinHoldingAReading(
      String id, FlushSchedule flushes, TestProbe<StatusReply<?>> probe) {
    var ref =
        KIT.spawn(ElevatorTwin.create(id, settings, clock, storeHealth, () -> MODEL, flushes));
    ref.tell(new ElevatorTwin.Register(Fixtures.register(id), "admin", probe.ref().narrow()));
    probe.receiveMessage();
    ref.tell(
        new ElevatorTwin.RecordReadings(
            List.of(Fixtures.reading(id, Fixtures.NOW, 3)), "gw-1", probe.ref().narrow()));
    var ack = (ElevatorTwin.ReadingsAck) probe.expectMessageClass(StatusReply.class).getValue();
    assertFalse(ack.persisted());
    return ref;
  }

  private int stored(String id) {
    return twin.persistenceTestKit().persistedInStorage(ElevatorTwin.persistenceId(id).id()).size();
  }

  @Test
  void aFlushDueWhileTheNodesFlushesAreAllBeingWrittenWaitsForOneToFinish() {
    String id = "CQ-JJ-FLUSH-WAITS";
    FlushSchedule flushes = new FlushSchedule(1000, 1, System::nanoTime);
    var probe = KIT.<StatusReply<?>>createTestProbe();
    var ref = twinHoldingAReading(id, flushes, probe);
    int registered = stored(id);
    assertTrue(flushes.tryStart(() -> {})); // another twin's flush takes the only place
    ref.tell(new ElevatorTwin.FlushLiveState());
    probe.expectNoMessage(Duration.ofMillis(300));
    assertEquals(registered, stored(id), "not written while the other flush is out");
    // The readings are held and answered meanwhile.
    ref.tell(new ElevatorTwin.GetTwin(probe.ref().narrow()));
    assertEquals(
        3,
        ((ElevatorTwin.TwinView) probe.expectMessageClass(StatusReply.class).getValue())
            .live()
            .floor());

    assertEquals(1, flushes.waiting(), "in line");
    flushes.finished(); // wakes the twin: well before it would try again by itself
    // (FlushSchedule.busyRetry)
    probe.awaitAssert(
        Duration.ofSeconds(3),
        () -> {
          assertTrue(stored(id) > registered, "written once the place is free");
          return null;
        });
    probe.awaitAssert(
        () -> {
          assertEquals(0, flushes.inFlight(), "and its place given back");
          return null;
        });
  }

  @Test
  void aFlushWhoseWriteFailsGivesItsPlaceBack() {
    String id = "CQ-JJ-FLUSH-FAILS";
    FlushSchedule flushes = new FlushSchedule(1000, 1, System::nanoTime);
    var probe = KIT.<StatusReply<?>>createTestProbe();
    var ref = twinHoldingAReading(id, flushes, probe);
    int registered = stored(id);
    twin.persistenceTestKit().failNextPersisted();
    ref.tell(new ElevatorTwin.FlushLiveState());
    // The twin restarts without the held reading (as a crash would lose it)...
    ref.tell(new ElevatorTwin.GetTwin(probe.ref().narrow()));
    assertNull(
        ((ElevatorTwin.TwinView)
                probe.expectMessageClass(StatusReply.class, Duration.ofSeconds(3)).getValue())
            .live());
    assertEquals(registered, stored(id));
    // ...and gives the node's only place for a flush back as it restarts.
    probe.awaitAssert(
        Duration.ofSeconds(3),
        () -> {
          assertEquals(0, flushes.inFlight());
          assertEquals(
              1,
              flushes.failedTotal(),
              "counted as failed (liftguard_twin_flushes_total{outcome=failed})");
          assertEquals(0, flushes.writtenTotal());
          return null;
        });
  }

  @Test
  void aFirstRoutineReadingIsCoalescedButAFirstOutOfTheOrdinaryOneIsPersistedBeforeTheAck() {
    register();
    var routine =
        twin.<StatusReply<ElevatorTwin.ReadingsAck>>runCommand(
            rt ->
                new ElevatorTwin.RecordReadings(
                    List.of(Fixtures.reading(ID, Fixtures.NOW, 1)), "gw-1", rt));
    assertTrue(routine.hasNoEvents());
    assertFalse(routine.reply().getValue().persisted());
    assertEquals(1, view().live().floor());
    twin.restart();
    assertNull(twin.getState().live());

    var inspection =
        twin.<StatusReply<ElevatorTwin.ReadingsAck>>runCommand(
            rt ->
                new ElevatorTwin.RecordReadings(
                    List.of(Fixtures.mode(ID, Fixtures.NOW.plusSeconds(1), RunningMode.INSPECTION)),
                    "gw-1",
                    rt));
    assertTrue(inspection.reply().getValue().persisted());
    twin.restart();
    assertEquals(RunningMode.INSPECTION, twin.getState().live().runningMode());
  }

  @Test
  void safetyChangePersistsBeforeTheAck() {
    register();
    twin.<StatusReply<ElevatorTwin.ReadingsAck>>runCommand(
        rt ->
            new ElevatorTwin.RecordReadings(
                List.of(Fixtures.reading(ID, Fixtures.NOW, 1)), "gw-1", rt));
    var r =
        twin.<StatusReply<ElevatorTwin.ReadingsAck>>runCommand(
            rt ->
                new ElevatorTwin.RecordReadings(
                    List.of(Fixtures.mode(ID, Fixtures.NOW.plusSeconds(2), RunningMode.FIRE)),
                    "gw-1",
                    rt));
    assertTrue(r.reply().getValue().persisted());
    assertEquals(RunningMode.FIRE, ((TwinEvent.LiveStateRecorded) r.event()).live().runningMode());
  }

  @Test
  void futureTimestampIsRefusedAndChangesNothing() {
    register();
    clock.advance(Duration.ZERO);
    var r =
        twin.<StatusReply<ElevatorTwin.ReadingsAck>>runCommand(
            rt ->
                new ElevatorTwin.RecordReadings(
                    List.of(Fixtures.reading(ID, Fixtures.NOW.plus(Duration.ofDays(1)), 3)),
                    "gw-1",
                    rt));
    assertTrue(r.reply().isError());
    assertTrue(r.hasNoEvents());
    assertNull(view().live());
  }

  @Test
  void recoversFromSnapshotsWithTheWholeHistoryKept() {
    register();
    for (int i = 0; i < 12; i++) {
      int n = i;
      twin.<StatusReply<String>>runCommand(
          rt ->
              new ElevatorTwin.ReportEvent(
                  new ReportedEvent(
                      "e" + n,
                      EventType.STUCK_BUTTON,
                      n % 2 == 0 ? ReportedEvent.Phase.RAISED : ReportedEvent.Phase.CLEARED,
                      Fixtures.NOW,
                      null),
                  "gw-1",
                  Role.GATEWAY,
                  rt));
    }
    twin.restart();
    TwinState s = twin.getState();
    assertEquals(6, s.counters().faults());
    assertTrue(s.open().isEmpty());
    assertTrue(s.hasSeen(TwinState.IdKind.EVENT, "e11"));
  }

  /** A reading of a car stuck between floors in normal service, doors shut, someone inside. */
  private Reading stuck(Instant at) {
    return new Reading(
        ID,
        at,
        7,
        Direction.STOPPED,
        0.0,
        DoorState.CLOSED,
        80.0,
        RunningMode.NORMAL,
        true,
        true,
        false,
        true,
        false,
        null,
        null,
        null);
  }

  @Test
  void intelligentAlarmRaisesAnEntrapmentFromItsTimerWhenNoReadingComes() throws Exception {
    register();
    // The terminal reports the stuck car once, three minutes ago, and then nothing more.
    twin.<StatusReply<ElevatorTwin.ReadingsAck>>runCommand(
        rt ->
            new ElevatorTwin.RecordReadings(
                List.of(stuck(Fixtures.NOW.minus(Duration.ofMinutes(3)))), "gw-1", rt));
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (view().state().open().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    TwinState.OpenEvent open = view().state().open().get(0);
    assertEquals(EventType.ENTRAPMENT_BETWEEN_FLOORS, open.eventType());
    assertEquals(Fixtures.NOW.minus(Duration.ofMinutes(3)), open.since());
    twin.restart();
    assertEquals(1, twin.getState().counters().entrapments());
  }

  @Test
  void aTwinRestartedWhileItsCarIsStuckRaisesTheAlarmWhenItIsDue() throws Exception {
    register();
    twin.<StatusReply<ElevatorTwin.ReadingsAck>>runCommand(
        rt -> new ElevatorTwin.RecordReadings(List.of(stuck(Fixtures.NOW)), "gw-1", rt));
    assertNotNull(twin.getState().stuck(), "the stuck car is persisted");
    Thread.sleep(200);
    assertTrue(view().state().open().isEmpty(), "not due yet");
    // The twin is restarted (a crash, a passivation) and the clock passes the due time: the
    // recovered twin raises it.
    clock.advance(Duration.ofMinutes(3));
    twin.restart();
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (view().state().open().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(EventType.ENTRAPMENT_BETWEEN_FLOORS, view().state().open().get(0).eventType());
    // The doors open: the alarm's entrapment ends with the reading that shows it.
    Reading released =
        new Reading(
            ID,
            Fixtures.NOW.plus(Duration.ofMinutes(2)),
            null,
            null,
            null,
            DoorState.OPEN,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    var r =
        twin.<StatusReply<ElevatorTwin.ReadingsAck>>runCommand(
            rt -> new ElevatorTwin.RecordReadings(List.of(released), "gw-1", rt));
    assertTrue(r.events().stream().anyMatch(e -> e instanceof TwinEvent.FaultCleared));
    assertTrue(view().state().open().isEmpty());
    assertNull(view().state().stuck());
  }
}
