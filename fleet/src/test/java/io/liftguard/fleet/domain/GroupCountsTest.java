package io.liftguard.fleet.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liftguard.fleet.domain.GroupCounts.Column;
import io.liftguard.fleet.domain.GroupCounts.Counted;
import io.liftguard.fleet.domain.GroupCounts.Counts;
import io.liftguard.fleet.domain.GroupCounts.Key;
import io.liftguard.fleet.domain.GroupCounts.ScopeKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupCountsTest {
  private static final LocalDate DAY = LocalDate.of(2026, 12, 7);

  private static Counted elevator(
      String insurer, String band, Double risk, boolean openFaults, LocalDate due) {
    return new Counted(
        "Jiangjin",
        "jiangjin",
        "Jijiang",
        "Yongan Lift Service",
        "Otis",
        insurer,
        "RESIDENTIAL",
        "Chunhui Property",
        false,
        true,
        openFaults,
        false,
        due,
        DAY.plusYears(1),
        band,
        risk,
        risk == null ? null : risk / 10);
  }

  private static Counted elevator(String insurer, String band, Double risk, boolean openFaults) {
    return elevator(insurer, band, risk, openFaults, DAY.plusDays(10));
  }

  private static Counts at(
      List<Map.Entry<Key, Counts>> delta,
      ScopeKind scope,
      String scopeKey,
      GroupBy g,
      String group) {
    return delta.stream()
        .filter(e -> e.getKey().equals(new Key(scope, scopeKey, g, group)))
        .findFirst()
        .map(Map.Entry::getValue)
        .orElse(null);
  }

  @Test
  void anElevatorCountsOnceInEveryKeptViewAndGrouping() {
    Map<Key, Counts> with =
        GroupCounts.contribution(elevator("PICC Chongqing", "LOW", 0.01, false), DAY);
    assertEquals(4 * GroupCounts.KEPT.size(), with.size());
    assertTrue(
        with.containsKey(
            new Key(ScopeKind.INSURER, "PICC Chongqing", GroupBy.DISTRICT, "Jiangjin")));
    // No insurer: in no insurer's view, and in the "" group when grouped by insurer.
    Map<Key, Counts> without = GroupCounts.contribution(elevator(null, "LOW", 0.01, false), DAY);
    assertEquals(3 * GroupCounts.KEPT.size(), without.size());
    assertTrue(without.containsKey(new Key(ScopeKind.CITY, "", GroupBy.INSURER, "")));
  }

  @Test
  void aChangeMovesItsElevatorBetweenCountsAndWhatCancelsOutIsLeftOut() {
    Counted before = elevator("PICC Chongqing", "LOW", 0.01, false);
    Counted after = elevator("PICC Chongqing", "HIGH", 0.2, true);
    List<Map.Entry<Key, Counts>> delta =
        GroupCounts.delta(List.of(before), DAY, List.of(after), DAY);
    assertEquals(4 * GroupCounts.KEPT.size(), delta.size());
    Counts city = at(delta, ScopeKind.CITY, "", GroupBy.DISTRICT, "Jiangjin");
    assertEquals(0, city.get(Column.ELEVATORS));
    assertEquals(-1, city.get(Column.BAND_LOW));
    assertEquals(1, city.get(Column.BAND_HIGH));
    assertEquals(1, city.get(Column.WITH_OPEN_FAULTS));
    assertEquals(
        Math.round(0.2 * GroupCounts.RISK_SCALE) - Math.round(0.01 * GroupCounts.RISK_SCALE),
        city.get(Column.FAULT_RISK_SUM));
    assertEquals(
        List.of(),
        GroupCounts.delta(List.of(before), DAY, List.of(before), DAY),
        "a reading changes no count");
    // Registered: what it adds is its contribution; in key order.
    List<Map.Entry<Key, Counts>> registered =
        GroupCounts.delta(List.of(), DAY, List.of(before), DAY);
    assertEquals(GroupCounts.contribution(before, DAY).entrySet().stream().toList(), registered);
  }

  @Test
  void theOverdueCountsFollowTheDayTheyAreCountedAs() {
    Counted dueIn3Days = elevator("A", "LOW", 0.01, false, DAY.plusDays(3));
    Counted neverMaintained = elevator("A", "LOW", 0.01, false, null);
    assertEquals(0, Counts.of(dueIn3Days, DAY).get(Column.MAINTENANCE_OVERDUE));
    assertEquals(
        0,
        Counts.of(dueIn3Days, DAY.plusDays(3)).get(Column.MAINTENANCE_OVERDUE),
        "due today: not yet");
    assertEquals(1, Counts.of(dueIn3Days, DAY.plusDays(4)).get(Column.MAINTENANCE_OVERDUE));
    assertEquals(
        1,
        Counts.of(neverMaintained, DAY).get(Column.MAINTENANCE_OVERDUE),
        "no date on record: overdue");
    // Moving the counters four days on: the same rows as of both days; only the overdue counts
    // move.
    List<Map.Entry<Key, Counts>> moved =
        GroupCounts.delta(
            List.of(dueIn3Days, neverMaintained),
            DAY,
            List.of(dueIn3Days, neverMaintained),
            DAY.plusDays(4));
    Counts city = at(moved, ScopeKind.CITY, "", GroupBy.DISTRICT, "Jiangjin");
    assertEquals(1, city.get(Column.MAINTENANCE_OVERDUE));
    assertEquals(0, city.get(Column.ELEVATORS));
    assertEquals(0, city.get(Column.INSPECTION_OVERDUE));
  }

  @Test
  void aGroupsCountsReadAsTheApisAggregate() {
    Counts two =
        GroupCounts.total(
                List.of(elevator("A", "LOW", 0.01, false), elevator("A", null, null, true, null)),
                DAY)
            .entrySet()
            .stream()
            .filter(
                e ->
                    e.getKey().scope() == ScopeKind.CITY
                        && e.getKey().groupBy() == GroupBy.DISTRICT)
            .findFirst()
            .orElseThrow()
            .getValue();
    FleetAggregate a = two.aggregate("Jiangjin", 3);
    assertEquals(2, a.elevators());
    assertEquals(3, a.offline(), "both reported: only the three past the cut-off");
    assertEquals(1, a.bands().get("LOW"));
    assertEquals(1, a.bands().get("UNASSESSED"));
    assertEquals(0.01, a.meanFaultRisk(), 1e-12, "the mean of the assessed one");
    assertEquals(1, a.withOpenFaults());
    assertEquals(1, a.maintenanceOverdue(), "the one without a date on record");
  }

  @Test
  void onlyCityDistrictInsurerAndMaintainerViewsAreKept() {
    assertEquals(Map.entry(ScopeKind.CITY, ""), ScopeKind.of(FleetScope.ALL));
    assertEquals(
        Map.entry(ScopeKind.DISTRICT, "yuzhong"),
        ScopeKind.of(new FleetScope(false, "yuzhong", null, null, null, List.of())));
    assertEquals(
        Map.entry(ScopeKind.MAINTAINER, "Yongan"),
        ScopeKind.of(new FleetScope(false, null, null, "Yongan", null, List.of())));
    assertNull(
        ScopeKind.of(new FleetScope(false, null, null, null, "Chunhui Property", List.of())));
    assertNull(ScopeKind.of(new FleetScope(false, null, null, null, null, List.of("A-1"))));
    assertNull(ScopeKind.of(FleetScope.NOTHING));
  }
}
