package io.liftguard.sim;

import java.util.SplittableRandom;

/**
 * Grid power cuts by district: the same for every elevator of a district on a day, so one cut traps
 * passengers in many elevators at once (a mass entrapment event). Derived from (seed, district,
 * day) alone, so every elevator's simulation, run in any order or thread, sees the same cuts.
 */
public final class PowerCuts {
  private PowerCuts() {}

  /** The minute of day {@code day} a power cut hits {@code district}, or -1 if none does. */
  public static int minute(SimConfig config, String district, int day) {
    SplittableRandom r =
        new SplittableRandom(
            config.seed() * 0x9E3779B97F4A7C15L + district.hashCode() * 1_000_003L + day);
    if (r.nextDouble() >= config.causes().powerCutsPerDistrictMonth() / 30.0) {
      return -1;
    }
    return 6 * 60 + r.nextInt(17 * 60); // in the day and evening, when elevators carry people
  }
}
