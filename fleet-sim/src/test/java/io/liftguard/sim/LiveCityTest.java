package io.liftguard.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liftguard.twin.domain.Reading;
import io.liftguard.twin.domain.RegisterData;
import io.liftguard.twin.domain.TwinRules;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveCityTest {
  private static final Instant START = Instant.parse("2026-11-23T00:00:00Z");

  @Test
  void everythingItSendsIsValidForThePlatformAndInThePast() {
    LiveCity city = new LiveCity(SimConfig.defaults(1, 2000, 3650), START, Duration.ofMinutes(1));
    LocalDate today = TwinRules.today(START);
    List<RegisterData> register = city.register(today);
    assertEquals(2000, register.size());
    for (RegisterData r : register) {
      assertEquals(List.of(), r.problems(today), r.registrationCode());
    }
    Instant now = START.plus(Duration.ofMinutes(40)); // 40 simulated days
    LiveCity.Tick tick = city.tick(now);
    // Every terminal that reports that day: about 85 % have one, 9-10 % of their days are dark.
    assertTrue(
        tick.readings().size() > 1450 && tick.readings().size() < 1650,
        "readings " + tick.readings().size());
    List<String> problems = new ArrayList<>();
    for (Reading r : tick.readings()) {
      problems.addAll(r.problems(now, Reading.TimeWindow.DEFAULT));
    }
    tick.events().forEach(e -> problems.addAll(e.body().problems(now, Reading.TimeWindow.DEFAULT)));
    tick.visits().forEach(v -> problems.addAll(v.body().problems(now, Reading.TimeWindow.DEFAULT)));
    tick.inspections().forEach(i -> problems.addAll(i.body().problems(TwinRules.today(now))));
    assertEquals(List.of(), problems);
    // 2000 elevators x 40 days: fortnightly visits and some faults must have been reported.
    assertTrue(tick.visits().size() > 3000, "visits " + tick.visits().size());
    assertTrue(tick.events().size() > 10, "events " + tick.events().size());
    tick.events().forEach(e -> assertTrue(!e.body().occurredAt().isAfter(now)));
    // Nothing more to report until the next simulated day ends.
    LiveCity.Tick again = city.tick(now.plusSeconds(10));
    assertEquals(0, again.visits().size() + again.events().size() + again.inspections().size());
  }

  @Test
  void anIdPrefixKeepsCitiesApart() {
    LiveCity city =
        new LiveCity(SimConfig.defaults(1, 50, 30), START, Duration.ofMinutes(1), "LT42");
    assertTrue(
        city.register(TwinRules.today(START)).stream()
            .allMatch(r -> r.registrationCode().startsWith("LT42-")));
    LiveCity.Tick tick = city.tick(START.plus(Duration.ofMinutes(20)));
    assertTrue(tick.readings().stream().allMatch(r -> r.elevatorId().startsWith("LT42-")));
    assertTrue(tick.visits().stream().allMatch(v -> v.elevatorId().startsWith("LT42-")));
  }

  @Test
  void liveDaysFollowTheSameHistoryAsFastTime() {
    // Three months, day by day: the live city must follow the fast-time random stream.
    SimConfig c = SimConfig.defaults(2, 300, 90);
    List<Integer> fastFaults = new ArrayList<>();
    CitySimulator.run(
        c, h -> fastFaults.add(java.util.Arrays.stream(h.monthlyFaults()).sum()), (d, t, n) -> {});
    LiveCity city = new LiveCity(c, START, Duration.ofMinutes(1));
    LiveCity.Tick tick = city.tick(START.plus(Duration.ofMinutes(90)));
    long liveFaultRaises =
        tick.events().stream()
            .filter(
                e ->
                    e.body().phase() == io.liftguard.twin.domain.ReportedEvent.Phase.RAISED
                        && e.body().detail().equals("terminal"))
            .count();
    assertEquals(fastFaults.stream().mapToInt(Integer::intValue).sum(), liveFaultRaises);
  }
}
