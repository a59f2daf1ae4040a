package io.liftguard.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One elevator's IoT terminal as the platform sees it ({@link SimConfig.Terminals}): whether it has
 * one, the days it reports nothing (a missed reading, a dark spell), and how far each condition
 * sensor has drifted from the truth. Derived from (seed, elevator) alone, and a day's miss from
 * (seed, elevator, day), so every replay of an elevator sees the same terminal.
 */
public final class Terminal {
  private final SimConfig.Terminals t;
  private final long seed;
  private final boolean present;
  private final double doorDriftPerYear;
  private final double vibrationDriftPerYear;
  private final double brakeTempDriftPerYear;
  private final List<int[]> darkSpells; // [first day, last day]

  private Terminal(SimConfig c, int index) {
    this.t = c.terminals();
    this.seed = c.seed() * 0x2545F4914F6CDD1DL + index;
    SplittableRandom r = new SplittableRandom(seed);
    this.present = r.nextDouble() < t.share();
    this.doorDriftPerYear = t.doorDriftSdPerYear() * r.nextGaussian();
    this.vibrationDriftPerYear = t.vibrationDriftSdPerYear() * r.nextGaussian();
    this.brakeTempDriftPerYear = t.brakeTempDriftSdPerYear() * r.nextGaussian();
    this.darkSpells = new ArrayList<>();
    double perDay = t.darkSpellsPerYear() / 365.0;
    for (int d = 0; d < c.days(); d++) {
      if (r.nextDouble() < perDay) {
        int length = 1 + (int) Math.floor(-Math.log(1 - r.nextDouble()) * t.meanDarkDays());
        darkSpells.add(new int[] {d, d + length - 1});
        d += length;
      }
    }
  }

  public static Terminal of(SimConfig c, int index) {
    return new Terminal(c, index);
  }

  /** The elevator has a terminal at all. */
  public boolean present() {
    return present;
  }

  /** The terminal's reading of day {@code day} reaches the platform. */
  public boolean reports(int day) {
    if (!present) {
      return false;
    }
    for (int[] s : darkSpells) {
      if (day >= s[0] && day <= s[1]) {
        return false;
      }
    }
    return new SplittableRandom(seed * 31 + day).nextDouble() >= t.missingDayProbability();
  }

  /** How far the door close time sensor reads above the truth on {@code day}, seconds. */
  public double doorDrift(int day) {
    return doorDriftPerYear * day / 365.0;
  }

  /** ... the vibration sensor, m/s². */
  public double vibrationDrift(int day) {
    return vibrationDriftPerYear * day / 365.0;
  }

  /** ... the brake temperature sensor, °C. */
  public double brakeTempDrift(int day) {
    return brakeTempDriftPerYear * day / 365.0;
  }

  /** The factor on each reading's measurement noise. */
  public double noiseScale() {
    return t.noiseScale();
  }
}
