package io.liftguard.twin.domain;

import static io.liftguard.twin.Fixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liftguard.kernel.domain.Decision;
import io.liftguard.kernel.domain.Rejection;
import io.liftguard.twin.Fixtures;
import io.liftguard.twin.domain.access.Role;
import io.liftguard.twin.domain.risk.RiskModel;
import io.liftguard.twin.risk.RiskModels;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TwinRulesTest {
  private static final String ID = "CQ-JJ-000001";
  private static final Reading.TimeWindow WINDOW = Reading.TimeWindow.DEFAULT;

  private static TwinState registered() {
    Decision<TwinEvent> d =
        TwinRules.register(TwinState.empty(), Fixtures.register(ID), NOW, "admin");
    TwinState s = TwinState.empty();
    for (TwinEvent e : ((Decision.Accept<TwinEvent>) d).events()) {
      s = s.apply(e);
    }
    return s;
  }

  private static TwinState applyAll(TwinState s, List<TwinEvent> events) {
    for (TwinEvent e : events) {
      s = s.apply(e);
    }
    return s;
  }

  private static final RiskModel MODEL = RiskModels.loadDefault();

  @Test
  void theFirstPersistedEventsOfATwinCarryItsFirstRiskAssessment() {
    List<TwinEvent> registration =
        ((Decision.Accept<TwinEvent>)
                TwinRules.register(TwinState.empty(), Fixtures.register(ID), NOW, "admin"))
            .events();
    List<TwinEvent> events =
        TwinRules.withRisk(TwinState.empty(), registration, null, NOW, MODEL, "admin");
    assertEquals(2, events.size());
    TwinEvent.RiskAssessed risk = assertInstanceOf(TwinEvent.RiskAssessed.class, events.get(1));
    assertEquals(MODEL.version(), risk.risk().modelVersion());
    assertEquals("admin", risk.recordedBy());
    assertEquals(risk.risk(), applyAll(TwinState.empty(), events).risk());
  }

  @Test
  void riskIsRecordedAgainOnlyWhenItMovesEnough() {
    TwinState s =
        applyAll(
            TwinState.empty(),
            TwinRules.withRisk(
                TwinState.empty(),
                ((Decision.Accept<TwinEvent>)
                        TwinRules.register(TwinState.empty(), Fixtures.register(ID), NOW, "admin"))
                    .events(),
                null,
                NOW,
                MODEL,
                "admin"));
    // A plain reading a minute later moves nothing the model sees.
    List<TwinEvent> reading =
        List.of(new TwinEvent.LiveStateRecorded(Fixtures.floorOnly(ID, NOW, 3), NOW, "gw-1"));
    assertEquals(reading, TwinRules.withRisk(s, reading, null, NOW.plusSeconds(60), MODEL, "gw-1"));
    // Strong vibration is one of the model's strongest signals: the risk moves and is recorded with
    // the reading.
    Reading shaking = Fixtures.reading(ID, NOW.plusSeconds(60), 3);
    shaking =
        new Reading(
            ID,
            shaking.timestamp(),
            3,
            shaking.direction(),
            shaking.speedMps(),
            shaking.doorState(),
            shaking.loadKg(),
            shaking.runningMode(),
            true,
            true,
            false,
            true,
            true,
            1200L,
            2400L,
            new ConditionSignals(1.5, 3.1, 4.0, 2.2, 41.0, 12.0));
    List<TwinEvent> vibration =
        List.of(new TwinEvent.LiveStateRecorded(shaking, NOW.plusSeconds(60), "gw-1"));
    List<TwinEvent> withRisk =
        TwinRules.withRisk(s, vibration, null, NOW.plusSeconds(60), MODEL, "gw-1");
    assertEquals(2, withRisk.size());
    TwinEvent.RiskAssessed moved = assertInstanceOf(TwinEvent.RiskAssessed.class, withRisk.get(1));
    assertTrue(
        moved.risk().faultProbability30d() > s.risk().faultProbability30d() * 1.1,
        moved.toString());
  }

  @Test
  void aMoveIsEnoughWhenTheBandOrModelChangesOrAProbabilityMovesATenthAndATenthOfAPoint() {
    var base = new RiskModel.Assessment(0.020, 0.002, RiskModel.Band.MEDIUM, "m1", List.of());
    assertTrue(TwinRules.movedEnough(null, base));
    assertFalse(
        TwinRules.movedEnough(
            base, new RiskModel.Assessment(0.0215, 0.002, RiskModel.Band.MEDIUM, "m1", List.of())));
    assertTrue(
        TwinRules.movedEnough(
            base, new RiskModel.Assessment(0.0225, 0.002, RiskModel.Band.MEDIUM, "m1", List.of())));
    assertTrue(
        TwinRules.movedEnough(
            base, new RiskModel.Assessment(0.020, 0.002, RiskModel.Band.MEDIUM, "m2", List.of())));
    // The entrapment probability is small: a tenth of it is below 0.1 point, which is the floor.
    assertFalse(
        TwinRules.movedEnough(
            base, new RiskModel.Assessment(0.020, 0.0025, RiskModel.Band.MEDIUM, "m1", List.of())));
    assertTrue(
        TwinRules.movedEnough(
            base, new RiskModel.Assessment(0.020, 0.0031, RiskModel.Band.MEDIUM, "m1", List.of())));
  }

  @Test
  void registersOnceAndIsIdempotentOnIdenticalData() {
    TwinState s = registered();
    assertTrue(s.isRegistered());
    assertEquals(LocalDate.of(2027, 3, 1), s.nextInspectionDue());
    Decision<TwinEvent> again = TwinRules.register(s, Fixtures.register(ID), NOW, "admin");
    assertEquals(new Decision.Accept<>(List.of(), "unchanged"), again);
  }

  @Test
  void rejectsRegisteringDifferentDataUnderAKnownCodeNamingTheFields() {
    RegisterData other = Fixtures.register(ID);
    other =
        new RegisterData(
            other.registrationCode(),
            "Yuzhong",
            other.street(),
            other.address(),
            other.buildingType(),
            other.manufacturer(),
            other.model(),
            other.driveType(),
            BrakeType.DISC,
            other.ratedLoadKg(),
            other.ratedSpeedMps(),
            other.floorsServed(),
            other.installationDate(),
            other.usingUnit(),
            other.maintenanceCompany(),
            other.insurer(),
            other.hasPropertyManagement(),
            other.hasMaintenanceCompany(),
            other.hasRepairFund(),
            other.nextInspectionDue(),
            other.lastMaintenanceDate());
    Decision<TwinEvent> d = TwinRules.register(registered(), other, NOW, "admin");
    Rejection r = assertInstanceOf(Decision.Reject.class, d).rejection();
    assertEquals(Rejection.Code.CONFLICT, r.code());
    assertEquals(List.of("district", "brakeType"), r.details());
  }

  @Test
  void rejectsRegisterDataOutOfRangeListingEveryProblem() {
    RegisterData base = Fixtures.register("x");
    RegisterData bad =
        new RegisterData(
            "x",
            " ",
            null,
            base.address(),
            null,
            base.manufacturer(),
            base.model(),
            base.driveType(),
            base.brakeType(),
            50,
            30.0,
            base.floorsServed(),
            LocalDate.of(2030, 1, 1),
            base.usingUnit(),
            base.maintenanceCompany(),
            base.insurer(),
            true,
            true,
            true,
            null,
            null);
    Rejection r =
        ((Decision.Reject<TwinEvent>) TwinRules.register(TwinState.empty(), bad, NOW, "admin"))
            .rejection();
    assertEquals(Rejection.Code.INVALID, r.code());
    String all = String.join("|", r.details());
    assertTrue(all.contains("registrationCode 'x'"), all);
    assertTrue(all.contains("district is required"), all);
    assertTrue(all.contains("buildingType is required"), all);
    assertTrue(all.contains("ratedLoadKg = 50"), all);
    assertTrue(all.contains("ratedSpeedMps = 30.0"), all);
    assertTrue(all.contains("installationDate 2030-01-01 is in the future"), all);
  }

  @Test
  void threeNoElevatorLacksAllThree() {
    RegisterData d = Fixtures.register(ID);
    assertFalse(d.isThreeNo());
    RegisterData none =
        new RegisterData(
            ID,
            d.district(),
            d.street(),
            d.address(),
            d.buildingType(),
            d.manufacturer(),
            d.model(),
            d.driveType(),
            d.brakeType(),
            d.ratedLoadKg(),
            d.ratedSpeedMps(),
            d.floorsServed(),
            d.installationDate(),
            d.usingUnit(),
            null,
            null,
            false,
            false,
            false,
            null,
            null);
    assertTrue(none.isThreeNo());
  }

  @Test
  void plainReadingsAreCoalescedAndMergedFieldByField() {
    TwinState s = registered();
    Reading first = Fixtures.reading(ID, NOW.minusSeconds(20), 3);
    var out1 =
        (TwinRules.ReadingOutcome) TwinRules.readings(s, null, List.of(first), NOW, WINDOW, "gw-1");
    // A routine first reading (normal service, circuits closed) is coalesced like any plain one.
    assertTrue(out1.events().isEmpty());
    assertTrue(out1.coalesced());
    s = applyAll(s, List.of(new TwinEvent.LiveStateRecorded(out1.live(), NOW, "flush")));

    Reading partial = Fixtures.floorOnly(ID, NOW.minusSeconds(10), 7);
    var out2 =
        (TwinRules.ReadingOutcome)
            TwinRules.readings(s, s.live(), List.of(partial), NOW, WINDOW, "gw-1");
    assertTrue(out2.events().isEmpty());
    assertTrue(out2.coalesced());
    assertEquals(7, out2.live().floor());
    assertEquals(RunningMode.NORMAL, out2.live().runningMode());
    assertEquals(3.1, out2.live().condition().doorCloseTimeS());
    assertEquals(NOW.minusSeconds(10), out2.live().timestamp());
  }

  @Test
  void aFirstReadingOutOfTheOrdinaryIsPersistedAtOnce() {
    TwinState s = registered();
    Instant at = NOW.minusSeconds(20);
    List<Reading> unusual =
        List.of(
            Fixtures.mode(ID, at, RunningMode.FIRE),
            new Reading(
                ID, at, 3, null, null, null, null, null, false, null, null, null, null, null, null,
                null),
            new Reading(
                ID, at, 3, null, null, null, null, null, null, false, null, null, null, null, null,
                null),
            new Reading(
                ID, at, 3, null, null, null, null, null, null, null, true, null, null, null, null,
                null));
    for (Reading first : unusual) {
      var out =
          (TwinRules.ReadingOutcome)
              TwinRules.readings(s, null, List.of(first), NOW, WINDOW, "gw-1");
      assertInstanceOf(TwinEvent.LiveStateRecorded.class, out.events().get(0), first.toString());
      assertFalse(out.coalesced());
    }
  }

  @Test
  void safetyChangesArePersistedAtOnceEvenWhenTheBatchRevertsThem() {
    TwinState s = registered();
    Reading first = Fixtures.reading(ID, NOW.minusSeconds(60), 1);
    s = applyAll(s, List.of(new TwinEvent.LiveStateRecorded(first, NOW, "gw-1")));
    List<Reading> batch =
        List.of(
            Fixtures.mode(ID, NOW.minusSeconds(30), RunningMode.NORMAL),
            Fixtures.mode(ID, NOW.minusSeconds(40), RunningMode.INSPECTION),
            Fixtures.floorOnly(ID, NOW.minusSeconds(20), 5));
    var out =
        (TwinRules.ReadingOutcome) TwinRules.readings(s, s.live(), batch, NOW, WINDOW, "gw-1");
    // Ordered by time: INSPECTION (change), NORMAL (change back), floor 5 (plain).
    assertEquals(2, out.events().size());
    assertEquals(
        RunningMode.INSPECTION,
        ((TwinEvent.LiveStateRecorded) out.events().get(0)).live().runningMode());
    assertEquals(
        RunningMode.NORMAL,
        ((TwinEvent.LiveStateRecorded) out.events().get(1)).live().runningMode());
    assertTrue(out.coalesced());
    assertEquals(5, out.live().floor());
  }

  @Test
  void staleReadingsDoNotRollTheLiveStateBack() {
    TwinState s = registered();
    Reading newest = Fixtures.reading(ID, NOW.minusSeconds(5), 9);
    var out =
        (TwinRules.ReadingOutcome)
            TwinRules.readings(
                s,
                newest,
                List.of(Fixtures.floorOnly(ID, NOW.minusSeconds(50), 2)),
                NOW,
                WINDOW,
                "gw-1");
    assertEquals(1, out.stale());
    assertEquals(0, out.accepted());
    assertEquals(9, out.live().floor());
    assertFalse(out.coalesced());
  }

  @Test
  void rejectsReadingsFromTheFarFutureOrOutOfPhysicalRange() {
    TwinState s = registered();
    Reading future = Fixtures.reading(ID, NOW.plus(Duration.ofHours(2)), 1);
    Reading fast =
        new Reading(
            ID,
            NOW,
            1,
            null,
            99.0,
            null,
            -5.0,
            null,
            null,
            null,
            null,
            null,
            null,
            -1L,
            null,
            new ConditionSignals(Double.NaN, 500.0, null, null, 900.0, null));
    var r =
        (TwinRules.ReadingsRefused)
            TwinRules.readings(s, null, List.of(future, fast), NOW, WINDOW, "gw-1");
    String all = String.join("|", r.rejection().details());
    assertTrue(all.contains("is in the future"), all);
    assertTrue(all.contains("speedMps = 99.0"), all);
    assertTrue(all.contains("loadKg = -5.0"), all);
    assertTrue(all.contains("tripCount = -1"), all);
    assertTrue(all.contains("condition.vibrationMps2 = NaN"), all);
    assertTrue(all.contains("condition.doorCloseTimeS = 500.0"), all);
    assertTrue(all.contains("condition.brakeTemperatureC = 900.0"), all);
  }

  @Test
  void rejectsReadingsForAnUnregisteredElevator() {
    var r =
        (TwinRules.ReadingsRefused)
            TwinRules.readings(
                TwinState.empty(),
                null,
                List.of(Fixtures.reading(ID, NOW, 1)),
                NOW,
                WINDOW,
                "gw-1");
    assertEquals(Rejection.Code.NOT_REGISTERED, r.rejection().code());
  }

  @Test
  void faultsOpenAndCloseAndRetriesAreRecognised() {
    TwinState s = registered();
    ReportedEvent raise =
        new ReportedEvent(
            "gw-1-77",
            EventType.ENTRAPMENT_BETWEEN_FLOORS,
            ReportedEvent.Phase.RAISED,
            NOW.minusSeconds(30),
            "car stopped at 4.5");
    Decision<TwinEvent> d = TwinRules.report(s, ID, raise, NOW, WINDOW, "gw-1", Role.GATEWAY);
    s = applyAll(s, ((Decision.Accept<TwinEvent>) d).events());
    assertEquals(1, s.open().size());
    assertEquals(EventType.ENTRAPMENT_BETWEEN_FLOORS, s.open().get(0).eventType());
    assertEquals(1, s.counters().entrapments());

    assertEquals(
        new Decision.Accept<>(List.of(), "duplicate"),
        TwinRules.report(s, ID, raise, NOW, WINDOW, "gw-1", Role.GATEWAY));

    ReportedEvent clear =
        new ReportedEvent(
            "gw-1-78", EventType.ENTRAPMENT_BETWEEN_FLOORS, ReportedEvent.Phase.CLEARED, NOW, null);
    s =
        applyAll(
            s,
            ((Decision.Accept<TwinEvent>)
                    TwinRules.report(s, ID, clear, NOW, WINDOW, "gw-1", Role.GATEWAY))
                .events());
    assertTrue(s.open().isEmpty());
    assertEquals(1, s.counters().entrapments());
  }

  @Test
  void serviceModesAreTheirOwnEvents() {
    TwinState s = registered();
    ReportedEvent fire =
        new ReportedEvent(null, EventType.FIRE_MODE, ReportedEvent.Phase.RAISED, NOW, null);
    Decision.Accept<TwinEvent> a =
        (Decision.Accept<TwinEvent>)
            TwinRules.report(s, ID, fire, NOW, WINDOW, "gw-1", Role.GATEWAY);
    assertInstanceOf(TwinEvent.ServiceModeEntered.class, a.events().get(0));
    assertEquals(0, applyAll(s, a.events()).counters().faults());
  }

  @Test
  void maintenanceMovesTheLastMaintenanceDateAndInspectionTheDueDate() {
    TwinState s = registered();
    MaintenanceVisit v =
        new MaintenanceVisit(
            "v-9",
            "Yongan Lift Service",
            "Li Wei",
            MaintenanceVisit.Kind.ROUTINE,
            NOW.minusSeconds(3600),
            NOW.minusSeconds(600),
            "brake adjusted");
    s =
        applyAll(
            s,
            ((Decision.Accept<TwinEvent>) TwinRules.maintenance(s, ID, v, NOW, WINDOW, "gw-1"))
                .events());
    assertEquals(LocalDate.of(2026, 11, 23), s.lastMaintenanceDate());
    assertEquals(1, s.counters().maintenanceVisits());
    assertEquals(
        new Decision.Accept<>(List.of(), "duplicate"),
        TwinRules.maintenance(s, ID, v, NOW, WINDOW, "gw-1"));

    InspectionResult failed =
        new InspectionResult("i-1", "CQ SEI", LocalDate.of(2026, 11, 20), false, null, "brake");
    s =
        applyAll(
            s,
            ((Decision.Accept<TwinEvent>) TwinRules.inspection(s, ID, failed, NOW, "regulator-1"))
                .events());
    assertEquals(LocalDate.of(2027, 3, 1), s.nextInspectionDue());
    InspectionResult passed =
        new InspectionResult(
            "i-2", "CQ SEI", LocalDate.of(2026, 11, 22), true, LocalDate.of(2027, 11, 22), null);
    s =
        applyAll(
            s,
            ((Decision.Accept<TwinEvent>) TwinRules.inspection(s, ID, passed, NOW, "regulator-1"))
                .events());
    assertEquals(LocalDate.of(2027, 11, 22), s.nextInspectionDue());
    assertEquals(2, s.counters().inspections());
  }

  @Test
  void rejectsMaintenanceThatEndsBeforeItStarts() {
    MaintenanceVisit v =
        new MaintenanceVisit(
            null, "Yongan", "Li", MaintenanceVisit.Kind.REPAIR, NOW, NOW.minusSeconds(60), null);
    Rejection r =
        ((Decision.Reject<TwinEvent>)
                TwinRules.maintenance(registered(), ID, v, NOW, WINDOW, "gw-1"))
            .rejection();
    assertTrue(r.message().contains("endedAt"), r.message());
  }

  @Test
  void idsAreValidatedAtTheEdge() {
    assertTrue(ElevatorId.isValid("CQ-JJ-000001"));
    assertTrue(ElevatorId.isValid("梯11京A0001(18)"));
    assertFalse(ElevatorId.isValid("a/b"));
    assertFalse(ElevatorId.isValid("-x"));
    assertFalse(ElevatorId.isValid("x".repeat(65)));
    assertFalse(ElevatorId.isValid("a b"));
  }

  @Test
  void recentIdsAreBounded() {
    TwinState s = registered();
    for (int i = 0; i < TwinState.RECENT_IDS + 10; i++) {
      ReportedEvent e =
          new ReportedEvent(
              "e" + i, EventType.PASSENGER_ALARM, ReportedEvent.Phase.RAISED, NOW, null);
      s =
          applyAll(
              s,
              ((Decision.Accept<TwinEvent>)
                      TwinRules.report(s, ID, e, NOW, WINDOW, "gw-1", Role.GATEWAY))
                  .events());
    }
    assertEquals(TwinState.RECENT_IDS, s.recentIds().size());
    assertFalse(s.hasSeen(TwinState.IdKind.EVENT, "e0"));
    assertTrue(s.hasSeen(TwinState.IdKind.EVENT, "e" + (TwinState.RECENT_IDS + 9)));
    assertFalse(s.hasSeen(TwinState.IdKind.VISIT, "e" + (TwinState.RECENT_IDS + 9)));
  }

  @Test
  void maintenanceIsOverdueAfterFifteenDaysAndInspectionAfterItsDueDate() {
    TwinState s = registered(); // last maintenance 2026-11-10, inspection due 2027-03-01
    assertFalse(s.isMaintenanceOverdue(LocalDate.of(2026, 11, 25)));
    assertTrue(s.isMaintenanceOverdue(LocalDate.of(2026, 11, 26)));
    assertFalse(s.isInspectionOverdue(LocalDate.of(2027, 3, 1)));
    assertTrue(s.isInspectionOverdue(LocalDate.of(2027, 3, 2)));
  }

  @Test
  void aDriftingDoorRaisesOneEarlyWarningWithTheLiveStateThatCompletesIt() {
    TwinState s = registered();
    int warnings = 0;
    for (int day = 0; day < 120; day++) {
      double door = 3.0 + (day < 30 ? 0 : (day - 30) * 0.02);
      Reading r =
          new Reading(
              ID,
              NOW.minus(Duration.ofDays(120 - day)),
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
              null,
              new ConditionSignals(0.15, door, null, null, null, null));
      List<TwinEvent> events =
          TwinRules.withWarnings(
              s, List.of(new TwinEvent.LiveStateRecorded(r, NOW, "gw-1")), NOW, "gw-1");
      for (TwinEvent e : events) {
        if (e instanceof TwinEvent.EarlyWarningRaised w) {
          warnings++;
          assertEquals(ConditionWatch.Kind.DOOR_CLOSE_TIME, w.signal());
          assertTrue(w.ewma() - w.baseline() > ConditionWatch.DOOR_THRESHOLD_S);
          assertTrue(day > 40 && day < 80, "warned on day " + day);
        }
        s = s.apply(e);
      }
    }
    assertEquals(1, warnings);
    MaintenanceVisit repair =
        new MaintenanceVisit(
            "rep-1",
            "Yongan",
            "Li",
            MaintenanceVisit.Kind.REPAIR,
            NOW.minusSeconds(600),
            NOW.minusSeconds(60),
            "door operator replaced");
    s =
        applyAll(
            s,
            ((Decision.Accept<TwinEvent>) TwinRules.maintenance(s, ID, repair, NOW, WINDOW, "mt"))
                .events());
    assertEquals(0, s.watch().doorCloseTime().n());
  }

  @Test
  void rejectionRoundTripsThroughStatusText() {
    Rejection r = Rejection.invalid(List.of("a is required", "b = 3 is outside"));
    assertEquals(r, Rejection.fromStatusText(r.asStatusText()));
  }
}
