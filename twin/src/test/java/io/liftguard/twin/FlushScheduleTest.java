package io.liftguard.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FlushScheduleTest {
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final FlushSchedule schedule =
      new FlushSchedule(100, 2, nanos::get); // a slot every 10 ms

  @Test
  void aFlushRunsAtItsIntervalWhileTheBudgetHasRoom() {
    assertEquals(Duration.ofSeconds(60), schedule.reserve(Duration.ofSeconds(60)));
    nanos.addAndGet(Duration.ofSeconds(1).toNanos());
    assertEquals(Duration.ofSeconds(60), schedule.reserve(Duration.ofSeconds(60)));
  }

  @Test
  void twinsThatStartHoldingReadingsTogetherAreSpreadOutAtTheBudgetsRate() {
    for (int i = 0; i < 500; i++) {
      assertEquals(
          Duration.ofSeconds(60).plusMillis(10L * i), schedule.reserve(Duration.ofSeconds(60)));
    }
    // Five seconds later the 500 slots reserved run to 60 s + 5 s from the start: a new one is due
    // 60 s from now.
    nanos.addAndGet(Duration.ofSeconds(5).toNanos());
    assertEquals(Duration.ofSeconds(60), schedule.reserve(Duration.ofSeconds(60)));
  }

  @Test
  void aShorterIntervalAfterALongerOneWaitsForTheSlotsAlreadyHandedOut() {
    schedule.reserve(Duration.ofSeconds(60));
    assertEquals(Duration.ofSeconds(60).plusMillis(10), schedule.reserve(Duration.ofSeconds(1)));
  }

  @Test
  void atMostFlushesInFlightAreWrittenAtOnceAndEachFinishedOneWakesTheNextInLine() {
    List<String> woken = new ArrayList<>();
    assertTrue(schedule.tryStart(() -> woken.add("a")));
    assertTrue(schedule.tryStart(() -> woken.add("b")));
    assertFalse(schedule.tryStart(() -> woken.add("c")), "both places taken");
    assertFalse(schedule.tryStart(() -> woken.add("d")));
    assertEquals(2, schedule.waiting());
    schedule.finished();
    assertEquals(List.of("c"), woken, "first in line first");
    assertEquals(1, schedule.inFlight());
    assertTrue(schedule.tryStart(() -> woken.add("c again")));
    schedule.failed();
    assertEquals(List.of("c", "d"), woken, "a failed flush gives its place back too");
    assertEquals(0, schedule.waiting());
    assertEquals(1, schedule.writtenTotal());
    assertEquals(1, schedule.failedTotal());
  }

  @Test
  void aTwinAskingAgainWhileInLineKeepsOnePlace() {
    List<String> woken = new ArrayList<>();
    Runnable c = () -> woken.add("c");
    schedule.tryStart(() -> {});
    schedule.tryStart(() -> {});
    schedule.tryStart(c);
    schedule.tryStart(() -> woken.add("d"));
    assertFalse(schedule.tryStart(c), "its own retry, still no place");
    assertEquals(2, schedule.waiting());
    schedule.finished();
    schedule.finished();
    assertEquals(List.of("c", "d"), woken, "c kept its first place and is woken once");
  }

  @Test
  void aWokenTwinWithNothingToFlushPassesItsTurnOn() {
    List<String> woken = new ArrayList<>();
    schedule.tryStart(() -> {});
    schedule.tryStart(() -> {});
    schedule.tryStart(() -> woken.add("c"));
    schedule.tryStart(() -> woken.add("d"));
    schedule.passTurn();
    assertEquals(List.of(), woken, "no place is free");
    schedule.finished(); // wakes c, which has nothing to flush
    schedule.passTurn();
    assertEquals(List.of("c", "d"), woken);
  }

  @Test
  void aFlushCannotFinishThatNeverStarted() {
    assertThrows(IllegalStateException.class, schedule::finished);
  }

  @Test
  void aTwinInLineAlsoTriesAgainByItselfAfterTenToTwentySeconds() {
    for (int i = 0; i < 100; i++) {
      Duration retry = FlushSchedule.busyRetry();
      assertTrue(retry.toMillis() >= 10_000 && retry.toMillis() < 20_000, retry.toString());
    }
  }

  @Test
  void theBudgetMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> new FlushSchedule(0, 2, nanos::get));
    assertThrows(IllegalArgumentException.class, () -> new FlushSchedule(100, 0, nanos::get));
  }
}
