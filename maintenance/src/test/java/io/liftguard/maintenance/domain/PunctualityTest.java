package io.liftguard.maintenance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PunctualityTest {
  private static LocalDate d(int day) {
    return LocalDate.of(2026, 11, 1).plusDays(day);
  }

  @Test
  void eachDueDayInThePeriodCountsAndIsKeptByAVisitByThen() {
    // Visits on days 0, 14, 35 and 45; every 15 days; the period is days 10-49.
    List<LocalDate> visits = List.of(d(0), d(14), d(35), d(45));
    Punctuality p = Punctuality.of(visits, 15, d(10), d(50));
    // Due: day 15 (kept, visited day 14), day 29 (missed: next visit day 35), day 50 is outside,
    // day 60 too.
    assertEquals(new Punctuality(2, 1), p);
  }

  @Test
  void aDueDayNotReachedYetIsNotCounted() {
    assertEquals(
        new Punctuality(0, 0),
        Punctuality.of(List.of(d(0)), 15, d(0), d(15)),
        "due day 15 not yet");
    assertEquals(
        new Punctuality(1, 0), Punctuality.of(List.of(d(0)), 15, d(0), d(16)), "day 15 passed");
  }
}
