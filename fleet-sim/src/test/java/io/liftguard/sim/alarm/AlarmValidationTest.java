package io.liftguard.sim.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liftguard.sim.SimConfig;
import io.liftguard.sim.alarm.AlarmValidation.Outcome;
import io.liftguard.sim.alarm.TerminalEpisodes.Kind;
import io.liftguard.sim.alarm.TerminalEpisodes.Signals;
import io.liftguard.twin.domain.IntelligentAlarm;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlarmValidationTest {
  private static final SimConfig CITY = SimConfig.defaults(3, 400, 365);

  @Test
  void leavingOutAnEmptyCarsRepeatedHeartbeatsChangesNoOutcome() {
    SimConfig city =
        SimConfig.defaults(3, 100, 200); // every heartbeat of every parked night: kept small
    // Half the maintainers check in: both their held alarms and the others' are compared.
    Signals signals = Signals.DEFAULT.withCheckedIn(0.5);
    int entrapments = 0;
    int raised = 0;
    for (int i = 0; i < city.elevators(); i++) {
      List<Outcome> all = AlarmValidation.replay(city, i, signals, IntelligentAlarm.DEFAULT, true);
      List<Outcome> fewer =
          AlarmValidation.replay(city, i, signals, IntelligentAlarm.DEFAULT, false);
      assertEquals(all, fewer, "elevator " + i);
      entrapments += (int) all.stream().filter(o -> o.kind() == Kind.ENTRAPMENT).count();
      raised += (int) all.stream().filter(o -> o.raisedAt() != null).count();
    }
    assertTrue(
        entrapments >= 3 && raised > 10,
        entrapments + " entrapments, " + raised + " alarms: too few to compare");
  }

  @Test
  void everyEntrapmentIsDetectedOrMissedForAReasonAndTheSettingsTradeOff() {
    Duration quiet = Duration.ofSeconds(30);
    var results =
        AlarmValidation.run(
            CITY,
            Signals.DEFAULT,
            List.of(
                IntelligentAlarm.DEFAULT,
                new IntelligentAlarm(Duration.ofMinutes(2), Duration.ZERO, quiet)));
    AlarmValidation.Summary shipped = results.get(0);
    AlarmValidation.Summary oneReading = results.get(1);
    assertEquals(shipped.entrapments(), shipped.detected() + shipped.missed());
    assertTrue(
        shipped.detected() > 0.8 * shipped.entrapments(),
        shipped.detected() + " of " + shipped.entrapments());
    // Detection is never before the alarm is due: the car stuck for 2 min.
    assertTrue(shipped.delayQuantileS(0.0) >= 120, "fastest " + shipped.delayQuantileS(0.0));
    // Presence in one reading is enough for a sensor glitch in a parked car: far more false alarms.
    assertTrue(
        oneReading.falseAlarms()
            > 10 * Math.max(1, shipped.falseAlarms() - maintainerAlarms(shipped)),
        oneReading.falseAlarms() + " vs " + shipped.falseAlarms());
    // A maintainer checked in at the car holds the alarm; one who did not is taken for trapped.
    assertEquals(0, shipped.falseAlarms.getOrDefault(Kind.MAINTAINER_IN_CAR, 0));
    int notIn = shipped.episodes.getOrDefault(Kind.MAINTAINER_NOT_CHECKED_IN, 0);
    assertTrue(notIn > 5, notIn + " maintainers not checked in: too few to see");
    assertTrue(
        shipped.falseAlarms.getOrDefault(Kind.MAINTAINER_NOT_CHECKED_IN, 0) > notIn / 2,
        shipped.falseAlarms + " of " + notIn);
    assertTrue(
        shipped.episodes.getOrDefault(Kind.MAINTAINER_IN_CAR, 0) > 10 * notIn / 2,
        "most maintainers check in: " + shipped.episodes);
  }

  private static int maintainerAlarms(AlarmValidation.Summary s) {
    return s.falseAlarms.getOrDefault(Kind.MAINTAINER_IN_CAR, 0)
        + s.falseAlarms.getOrDefault(Kind.MAINTAINER_NOT_CHECKED_IN, 0);
  }
}
