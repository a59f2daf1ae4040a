package io.liftguard.twin.domain.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liftguard.twin.Fixtures;
import io.liftguard.twin.domain.EventType;
import io.liftguard.twin.domain.IntegrityChecks;
import io.liftguard.twin.domain.Reading;
import io.liftguard.twin.domain.TwinEvent;
import io.liftguard.twin.domain.access.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The faults recalibration counts: equipment faults the terminal raised, or a person reported and
 * the terminal does not contradict.
 */
class FaultCountingTest {
  private static final String ID = "FC-1";
  private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
  private static final Instant TO = FROM.plus(Duration.ofDays(30));
  private static final Instant T = FROM.plus(Duration.ofDays(10));

  private static TwinEvent reading(Instant at, Reading r) {
    return new TwinEvent.LiveStateRecorded(r, at, "gw");
  }

  /** In normal service, both circuits closed. */
  private static TwinEvent normal(Instant at) {
    return reading(at, Fixtures.reading(ID, at, 3));
  }

  /** A person's report: a maintenance company's repair request. */
  private static TwinEvent raised(String id, EventType type, Instant at) {
    return raised(id, type, at, Role.MAINTAINER);
  }

  private static TwinEvent raised(String id, EventType type, Instant at, Role role) {
    return new TwinEvent.FaultRaised(id, type, at, null, at, "reporter", role);
  }

  private static List<String> believed(TwinEvent... events) {
    List<TwinEvent> history = new ArrayList<>();
    history.add(
        new TwinEvent.ElevatorRegistered(
            Fixtures.register(ID), FROM.minusSeconds(86_400), "admin"));
    history.addAll(Arrays.asList(events));
    return FaultCounting.believed(history, FROM, TO, IntegrityChecks.Settings.DEFAULT).stream()
        .map(TwinEvent.FaultRaised::eventId)
        .toList();
  }

  @Test
  void aFaultTheTerminalBearsOutCounts() {
    Instant at = T.plusSeconds(120);
    assertEquals(
        List.of("f-1"),
        believed(
            normal(T.minusSeconds(600)),
            raised("f-1", EventType.DOOR_LOCK_CIRCUIT_BREAK, T),
            reading(at, Fixtures.stationary(ID, at, false))));
  }

  @Test
  void aFaultTheTerminalContradictsIsNotCounted() {
    // 无故障报故障: the terminal reported all along, always in normal service, circuits closed.
    assertEquals(
        List.of(),
        believed(
            normal(T.minusSeconds(600)),
            raised("f-1", EventType.BRAKE_SYSTEM_FAULT, T),
            normal(T.plusSeconds(600)),
            normal(T.plusSeconds(1800))));
  }

  @Test
  void aFaultTheTerminalRaisedCountsWhateverItsReadingsShow() {
    // A controller fault code need not show in the running mode: the terminal's report is its
    // own evidence. The same readings around a person's report contradict it; an event recorded
    // before the reporter's role was kept is judged as a person's.
    TwinEvent[] around = {normal(T.minusSeconds(600)), normal(T.plusSeconds(600))};
    assertEquals(
        List.of("f-1"),
        believed(around[0], raised("f-1", EventType.OVERSPEED, T, Role.GATEWAY), around[1]));
    assertEquals(
        List.of(),
        believed(around[0], raised("f-2", EventType.OVERSPEED, T, Role.USING_UNIT), around[1]));
    assertEquals(
        List.of(), believed(around[0], raised("f-3", EventType.OVERSPEED, T, null), around[1]));
  }

  @Test
  void aReportNothingCouldCheckWeighsAsItsReportersRecordOnThoseSomethingCould() {
    Instant later = T.plus(Duration.ofDays(2));
    List<FaultCounting.Judged> judged =
        FaultCounting.judged(
            List.of(
                normal(T.minusSeconds(600)),
                raised("checked", EventType.OVERSPEED, T), // the terminal contradicts it
                normal(T.plusSeconds(600)),
                raised("unchecked", EventType.OVERSPEED, later), // no reading around it
                raised("own", EventType.OVERSPEED, later, Role.GATEWAY)),
            FROM,
            TO,
            IntegrityChecks.Settings.DEFAULT);
    assertEquals(
        Arrays.asList(IntegrityChecks.Evidence.CONTRADICTED, IntegrityChecks.Evidence.NONE, null),
        judged.stream().map(FaultCounting.Judged::evidence).toList());
    java.util.Map<String, FaultCounting.ReporterRecord> records = new java.util.HashMap<>();
    FaultCounting.addTo(records, judged);
    assertEquals(new FaultCounting.ReporterRecord(0, 1), records.get("reporter"));
    // One checked report is no record to estimate the terminals' miss rate from: 0, so the
    // contradicted report counts nothing and the unchecked one (0 + 9) / (0 + 1 + 9 + 1).
    FaultCounting.Reporters r = FaultCounting.Reporters.of(records);
    assertEquals(0.0, r.missRate());
    assertEquals(0.0, judged.get(0).weight(r));
    assertEquals(9.0 / 11, judged.get(1).weight(r), 1e-12);
    assertEquals(1.0, judged.get(2).weight(r));
    // One of the three is the terminal's own: the elevator-period had a real fault.
    assertEquals(1.0, FaultCounting.anyReal(judged, r), 1e-12);
    assertEquals(9.0 / 11, FaultCounting.anyReal(judged.subList(0, 2), r), 1e-12);
    // A reporter the terminals bore out 90 times in 100 has 11 / 110 contradicted, with the prior.
    assertEquals(11.0 / 110, new FaultCounting.ReporterRecord(90, 10).contradictedShare(), 1e-12);
  }

  @Test
  void theTerminalsMissRateComesFromTheReportersTheyContradictLeastAndFreesHonestReports() {
    Map<String, FaultCounting.ReporterRecord> records =
        Map.of(
            "honest-a", new FaultCounting.ReporterRecord(890, 100), // 10 % contradicted
            "honest-b", new FaultCounting.ReporterRecord(440, 50),
            "fraud", new FaultCounting.ReporterRecord(400, 600), // 60 % contradicted
            "new", new FaultCounting.ReporterRecord(3, 1)); // too few to say anything
    FaultCounting.Reporters r = FaultCounting.Reporters.of(records);
    // The least contradicted of the three seasoned reporters: 100 in 990.
    assertEquals(100.0 / 990, r.missRate(), 1e-12);
    // An honest reporter's reports count, checked or not, contradicted or not (its contradicted
    // share, with the prior, is about the miss rate).
    double c = records.get("honest-a").contradictedShare();
    assertEquals(
        Math.min(1, (1 - c) / (1 - r.missRate())),
        r.weight("honest-a", IntegrityChecks.Evidence.NONE),
        1e-12);
    assertTrue(r.weight("honest-a", IntegrityChecks.Evidence.CONTRADICTED) > 0.95);
    // A reporter contradicted six times in ten: (0.6 - 0.1) / 0.9 of its reports are false, a
    // contradicted one is real with (1 - q) x miss rate / 0.6.
    double cf = records.get("fraud").contradictedShare();
    double honest = (1 - cf) / (1 - r.missRate());
    assertEquals(honest, r.weight("fraud", IntegrityChecks.Evidence.NONE), 1e-12);
    assertEquals(
        honest * r.missRate() / cf,
        r.weight("fraud", IntegrityChecks.Evidence.CONTRADICTED),
        1e-12);
    assertTrue(r.weight("fraud", IntegrityChecks.Evidence.CONTRADICTED) < 0.1);
    assertTrue(r.weight("fraud", IntegrityChecks.Evidence.NONE) < 0.5);
  }

  @Test
  void aFaultNoReadingContradictsCounts() {
    // No terminal, or a silent one: nothing bears it out, nothing contradicts it.
    assertEquals(List.of("f-1"), believed(raised("f-1", EventType.SAFETY_CIRCUIT_BREAK, T)));
    // Readings only long before and after the check's window.
    assertEquals(
        List.of("f-2"),
        believed(
            normal(T.minus(Duration.ofHours(3))),
            raised("f-2", EventType.SAFETY_CIRCUIT_BREAK, T),
            normal(T.plus(Duration.ofHours(3)))));
  }

  @Test
  void abnormalVibrationIsAnEquipmentFaultOtherAlarmsAndEntrapmentsAreNot() {
    assertTrue(FaultCounting.isEquipmentFault(EventType.ABNORMAL_VIBRATION));
    assertTrue(FaultCounting.isEquipmentFault(EventType.OVERSPEED));
    assertFalse(FaultCounting.isEquipmentFault(EventType.PASSENGER_ALARM));
    assertFalse(FaultCounting.isEquipmentFault(EventType.EBIKE_IN_CAR));
    assertFalse(FaultCounting.isEquipmentFault(EventType.ENTRAPMENT_AT_LANDING));
    assertFalse(FaultCounting.isEquipmentFault(EventType.INSPECTION_MODE));
    assertEquals(
        List.of("v-1"),
        believed(
            raised("v-1", EventType.ABNORMAL_VIBRATION, T),
            raised("a-1", EventType.PASSENGER_ALARM, T.plusSeconds(60)),
            raised("e-1", EventType.ENTRAPMENT_BETWEEN_FLOORS, T.plusSeconds(120))));
  }

  @Test
  void onlyFaultsThatOccurredInThePeriodCount() {
    assertEquals(
        List.of("in"),
        believed(
            raised("before", EventType.OVERSPEED, FROM.minusSeconds(1)),
            raised("in", EventType.OVERSPEED, FROM),
            raised("after", EventType.OVERSPEED, TO)));
  }
}
