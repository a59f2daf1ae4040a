package io.liftguard.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FlushScheduleTest {
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final FlushSchedule schedule = new FlushSchedule(100, nanos::get); // a slot every 10 ms

  @Test
  void aFlushRunsAtItsIntervalWhileTheBudgetHasRoom() {
    assertEquals(Duration.ofSeconds(60), schedule.reserve(Duration.ofSeconds(60)));
    nanos.addAndGet(Duration.ofSeconds(1).toNanos());
    assertEquals(Duration.ofSeconds(60), schedule.reserve(Duration.ofSeconds(60)));
  }

  @Test
  void twinsThatStartHoldingReadingsTogetherAreSpreadOutAtTheBudgetsRate() {
    for (int i = 0; i < 500; i++) {
      assertEquals(Duration.ofSeconds(60).plusMillis(10L * i), schedule.reserve(Duration.ofSeconds(60)));
    }
    // Five seconds later the 500 slots reserved run to 60 s + 5 s from the start: a new one is due 60 s from now.
    nanos.addAndGet(Duration.ofSeconds(5).toNanos());
    assertEquals(Duration.ofSeconds(60), schedule.reserve(Duration.ofSeconds(60)));
  }

  @Test
  void aShorterIntervalAfterALongerOneWaitsForTheSlotsAlreadyHandedOut() {
    schedule.reserve(Duration.ofSeconds(60));
    assertEquals(Duration.ofSeconds(60).plusMillis(10), schedule.reserve(Duration.ofSeconds(1)));
  }

  @Test
  void theBudgetMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> new FlushSchedule(0, nanos::get));
  }
}
