package io.liftguard.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TerminalTest {
  private static final SimConfig CITY = SimConfig.defaults(7, 4000, 365);

  @Test
  void theCitysTerminalsCoverItsShareAndMissTheirDays() {
    int present = 0;
    long terminalDays = 0;
    long reported = 0;
    for (int i = 0; i < CITY.elevators(); i++) {
      Terminal t = Terminal.of(CITY, i);
      if (!t.present()) {
        for (int d = 0; d < CITY.days(); d += 30) {
          assertFalse(t.reports(d), "an elevator without a terminal never reports");
        }
        continue;
      }
      present++;
      for (int d = 0; d < CITY.days(); d++) {
        terminalDays++;
        reported += t.reports(d) ? 1 : 0;
      }
    }
    assertEquals(0.85, present / (double) CITY.elevators(), 0.02);
    // 5 % of days missed, and 1.5 spells a year of 12 days on average dark: some 9-10 % in all.
    double reportedShare = reported / (double) terminalDays;
    assertTrue(reportedShare > 0.88 && reportedShare < 0.93, "reported " + reportedShare);
  }

  @Test
  void aTerminalIsTheSameOnEveryReplayAndItsSensorsDriftWithTime() {
    Terminal a = Terminal.of(CITY, 17);
    Terminal b = Terminal.of(CITY, 17);
    for (int d = 0; d < CITY.days(); d++) {
      assertEquals(a.reports(d), b.reports(d));
    }
    assertEquals(0.0, a.doorDrift(0), 0.0);
    assertEquals(2 * a.doorDrift(100), a.doorDrift(200), 1e-12);
  }

  @Test
  void aPerfectTerminalReadsEveryDayWithoutDrift() {
    SimConfig perfect = CITY.withTerminals(SimConfig.Terminals.PERFECT);
    LiveElevator e = LiveElevator.of(perfect, 3, Instant.EPOCH, Duration.ofDays(1));
    for (int d = 0; d < 60; d++) {
      assertTrue(e.reading(Instant.EPOCH.plus(Duration.ofDays(d))).isPresent());
    }
    assertEquals(0.0, Terminal.of(perfect, 3).doorDrift(300), 0.0);
  }
}
