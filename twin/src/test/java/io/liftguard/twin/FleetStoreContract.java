package io.liftguard.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liftguard.kernel.MutableClock;
import io.liftguard.kernel.domain.Rejection;
import io.liftguard.kernel.entity.RejectedException;
import io.liftguard.twin.domain.EventType;
import io.liftguard.twin.domain.InspectionResult;
import io.liftguard.twin.domain.MaintenanceVisit;
import io.liftguard.twin.domain.ReportedEvent;
import io.liftguard.twin.domain.TwinEvent;
import io.liftguard.twin.domain.access.Role;
import io.liftguard.twin.risk.RiskModels;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every store must do for the fleet: persist across a restart of the whole platform and give a
 * twin's history back in order, risk assessments included. Subclasses bind it to a real store.
 */
abstract class FleetStoreContract {
  private final MutableClock clock = new MutableClock(Instant.now());

  /** The store settings for one test; the same map twice means the same data. */
  abstract Map<String, Object> store();

  /**
   * Removes one event from the stopped platform's journal, as a store that lost an acknowledged
   * write would.
   */
  abstract void loseFromJournal(Map<String, Object> store, String persistenceId, long sequenceNr)
      throws Exception;

  static <T> T await(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void twinsSurviveAPlatformRestartWithHistoryInOrder() throws Exception {
    Map<String, Object> store = store();
    Instant t0 = clock.instant();
    try (TestNode node = TestNode.start(store, clock)) {
      ElevatorFleet fleet = node.fleet;
      for (String id : List.of("CQ-C", "CQ-A", "CQ-B", "CQ-D", "CQ-E")) {
        assertEquals("created", await(fleet.register(Fixtures.register(id), "admin")));
      }
      await(fleet.recordReadings("CQ-A", List.of(Fixtures.reading("CQ-A", t0, 3)), "gw-1"));
      ElevatorTwin.ReadingsAck ack =
          await(
              fleet.recordReadings(
                  "CQ-A", List.of(Fixtures.floorOnly("CQ-A", t0.plusSeconds(1), 12)), "gw-1"));
      assertEquals(false, ack.persisted());
      await(
          fleet.reportEvent(
              "CQ-A",
              new ReportedEvent(
                  "f-1",
                  EventType.ENTRAPMENT_AT_LANDING,
                  ReportedEvent.Phase.RAISED,
                  t0.plusSeconds(2),
                  "called 96333"),
              "gw-1",
              Role.GATEWAY));
      await(
          fleet.recordMaintenance(
              "CQ-A",
              new MaintenanceVisit(
                  "v-1",
                  "Yongan Lift Service",
                  "Li Wei",
                  MaintenanceVisit.Kind.RESCUE,
                  t0.plusSeconds(3),
                  t0.plusSeconds(4),
                  null),
              "maintainer-1"));
      await(
          fleet.recordInspection(
              "CQ-A",
              new InspectionResult(
                  "i-1",
                  "CQ SEI",
                  LocalDate.of(2026, 11, 1),
                  true,
                  LocalDate.of(2027, 11, 1),
                  null),
              "regulator-1"));
      // Coalesced after the last write: held in memory until flush or graceful stop.
      await(
          fleet.recordReadings(
              "CQ-A", List.of(Fixtures.floorOnly("CQ-A", t0.plusSeconds(5), 17)), "gw-1"));
    }

    try (TestNode node = TestNode.start(store, clock)) {
      ElevatorFleet fleet = node.fleet;
      ElevatorTwin.TwinView a = await(fleet.get("CQ-A"));
      assertEquals(Fixtures.register("CQ-A"), a.state().register());
      assertEquals(EventType.ENTRAPMENT_AT_LANDING, a.state().open().get(0).eventType());
      assertEquals(LocalDate.of(2027, 11, 1), a.state().nextInspectionDue());
      // The graceful stop persisted the coalesced reading (sharding hands twins the Passivate
      // message).
      assertEquals(17, a.live().floor());
      assertEquals(17, a.state().live().floor());

      assertEquals("unchanged", await(fleet.register(Fixtures.register("CQ-A"), "admin")));
      // The registration was assessed at once, with the shipped model, and the assessment kept
      // across the restart.
      assertEquals(RiskModels.loadDefault().version(), a.state().risk().modelVersion());

      ElevatorFleet.HistoryPage first = await(fleet.history("CQ-A", 1, 3));
      assertEquals(
          List.of(1L, 2L, 3L),
          first.events().stream().map(ElevatorFleet.HistoryEntry::sequenceNr).toList());
      assertInstanceOf(TwinEvent.ElevatorRegistered.class, first.events().get(0).event());
      assertEquals(4L, first.nextFrom());
      ElevatorFleet.HistoryPage rest = await(fleet.history("CQ-A", first.nextFrom(), 100));
      assertNull(rest.nextFrom());
      assertEquals("admin", first.events().get(0).event().recordedBy());
      assertEquals(
          "maintainer-1",
          rest.events().stream()
              .filter(e -> e.event() instanceof TwinEvent.MaintenanceRecorded)
              .findFirst()
              .orElseThrow()
              .event()
              .recordedBy());
      assertInstanceOf(TwinEvent.RiskAssessed.class, first.events().get(1).event());
      List<String> types =
          rest.events().stream()
              .map(e -> e.event().getClass().getSimpleName())
              .filter(t -> !t.equals("RiskAssessed"))
              .toList();
      assertEquals(
          List.of("FaultRaised", "MaintenanceRecorded", "InspectionRecorded", "LiveStateRecorded"),
          types.subList(types.size() - 4, types.size()));
      for (var e : rest.events()) {
        assertTrue(e.sequenceNr() >= 4);
      }
    }
  }

  @Test
  void anEventLostFromTheJournalIsShownAsAGapAndTheTwinStillRecovers() throws Exception {
    Map<String, Object> store = store();
    long lost;
    try (TestNode node = TestNode.start(store, clock)) {
      await(node.fleet.register(Fixtures.register("CQ-G"), "admin"));
      for (String id : List.of("f-1", "f-2", "f-3")) {
        await(
            node.fleet.reportEvent(
                "CQ-G",
                new ReportedEvent(
                    id,
                    EventType.DOOR_CLOSE_FAILURE,
                    ReportedEvent.Phase.RAISED,
                    clock.instant(),
                    null),
                "gw-1",
                Role.GATEWAY));
      }
      lost =
          await(node.fleet.history("CQ-G", 1, 100)).events().stream()
              .filter(
                  e -> e.event() instanceof TwinEvent.FaultRaised f && f.eventId().equals("f-2"))
              .findFirst()
              .orElseThrow()
              .sequenceNr();
    }
    loseFromJournal(store, "ElevatorTwin|CQ-G", lost);
    try (TestNode node = TestNode.start(store, clock)) {
      ElevatorTwin.TwinView twin = await(node.fleet.get("CQ-G"));
      assertEquals(Fixtures.register("CQ-G"), twin.state().register(), "recovered over the gap");
      ElevatorFleet.HistoryPage page = await(node.fleet.history("CQ-G", 1, 100));
      assertEquals(List.of(new ElevatorFleet.Gap(lost, lost)), page.gaps());
      assertEquals(
          List.of("f-1", "f-3"),
          page.events().stream()
              .filter(e -> e.event() instanceof TwinEvent.FaultRaised)
              .map(e -> ((TwinEvent.FaultRaised) e.event()).eventId())
              .toList());
      // A page that starts inside the gap, and one that ends just before it, show it too.
      assertEquals(
          List.of(new ElevatorFleet.Gap(lost, lost)),
          await(node.fleet.history("CQ-G", lost, 1)).gaps());
      ElevatorFleet.HistoryPage before = await(node.fleet.history("CQ-G", 1, (int) lost - 1));
      assertEquals(lost + 1, before.nextFrom());
      assertEquals(List.of(new ElevatorFleet.Gap(lost, lost)), before.gaps());
    }
  }

  @Test
  void refusalsChangeNothingInTheStore() throws Exception {
    Map<String, Object> store = store();
    try (TestNode node = TestNode.start(store, clock)) {
      ExecutionException e =
          assertThrows(ExecutionException.class, () -> await(node.fleet.get("CQ-NOBODY")));
      assertEquals(
          Rejection.Code.NOT_REGISTERED, ((RejectedException) e.getCause()).rejection().code());
      await(node.fleet.register(Fixtures.register("CQ-Z"), "admin"));
      ExecutionException bad =
          assertThrows(
              ExecutionException.class,
              () ->
                  await(
                      node.fleet.recordReadings(
                          "CQ-Z",
                          List.of(Fixtures.reading("CQ-Z", clock.instant().plusSeconds(86_400), 1)),
                          "gw-1")));
      assertEquals(Rejection.Code.INVALID, ((RejectedException) bad.getCause()).rejection().code());
      // The registration and its first risk assessment; the refused reading added nothing.
      assertEquals(2, await(node.fleet.history("CQ-Z", 1, 10)).events().size());
      assertTrue(await(node.fleet.history("CQ-NOBODY", 1, 10)).events().isEmpty());
    }
  }
}
