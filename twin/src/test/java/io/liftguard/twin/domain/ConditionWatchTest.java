package io.liftguard.twin.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConditionWatchTest {
  @Test
  void learnsABaselineThenWarnsOnceWhenTheDoorDrifts() {
    SplittableRandom r = new SplittableRandom(1);
    ConditionWatch w = ConditionWatch.EMPTY;
    for (int day = 0; day < 200; day++) {
      w = w.update(3.0 + 0.15 * r.nextGaussian(), 0.15 + 0.01 * r.nextGaussian());
      assertNull(w.due(), "no warning on a steady signal, day " + day);
    }
    int warnedOn = -1;
    for (int day = 0; day < 200 && warnedOn < 0; day++) {
      w = w.update(3.0 + day * 0.01 + 0.15 * r.nextGaussian(), 0.15);
      if (w.due() != null) {
        assertEquals(ConditionWatch.Kind.DOOR_CLOSE_TIME, w.due());
        warnedOn = day;
        w = w.warned(w.due());
      }
    }
    // Drift of 0.01 s/day crosses +0.4 s around day 40, the EWMA adds a few days of lag.
    assertEquals(true, warnedOn > 30 && warnedOn < 70, "warned on day " + warnedOn);
    w = w.update(5.0, 0.15);
    assertNull(w.due(), "one warning per drift");
    assertEquals(0, w.reset().doorCloseTime().n());
  }

  @Test
  void missingValuesChangeNothing() {
    ConditionWatch w = ConditionWatch.EMPTY.update(3.0, null);
    assertEquals(1, w.doorCloseTime().n());
    assertEquals(0, w.vibration().n());
  }
}
