package io.liftguard.sim;

import io.liftguard.twin.domain.BuildingType;
import java.util.random.RandomGenerator;

/**
 * When in the day each kind of building's elevators carry people: a weight per hour, 00-01 h first.
 * A fault during use and a misuse entrapment happen in proportion to the traffic of the hour; a
 * power cut traps passengers in proportion to it too (an empty car traps nobody).
 *
 * <p>The shapes are assumptions (no published hourly traffic by building type was found): homes
 * peak when residents leave and come back, offices at arrival, lunch and departure, malls through
 * the afternoon and evening, hospitals in the morning clinics, stations from first to last train.
 * The residential peaks were then calibrated, with the misuse factors by building type in {@code
 * ElevatorLife}, so that the default city's entrapments by hour and by building type match
 * published 96333 bulletins (Nanjing April 2016 and June, Qinghai 96365 first half of 2023; Wuhu
 * 2022 is kept out as a check: docs/simulator.md).
 */
final class HourlyTraffic {
  private static final double[][] WEIGHTS = {
    // 0    1    2    3    4    5    6    7    8    9   10   11   12   13   14   15   16   17   18
    // 19   20   21   22   23
    {
      0.4, 0.2, 0.1, 0.1, 0.1, 0.3, 1.5, 4.5, 3.5, 2.0, 2.0, 2.5, 3.0, 2.5, 2.0, 2.0, 2.5, 3.5, 4.0,
      3.5, 3.0, 2.5, 1.5, 0.8
    }, // RESIDENTIAL
    {
      0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.2, 1.0, 5.0, 4.0, 2.0, 2.5, 4.0, 4.0, 2.0, 2.0, 2.0,
      4.0, 3.0, 1.0, 0.5, 0.3, 0.2, 0.1
    }, // OFFICE
    {
      0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.1, 0.2, 0.5, 2.0, 3.0, 3.5, 3.5, 3.5, 3.5, 3.5,
      3.5, 4.0, 4.0, 3.5, 2.0, 0.5, 0.1
    }, // MALL
    {
      0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.8, 2.0, 5.0, 5.0, 5.0, 4.0, 2.5, 3.0, 4.0, 4.0, 3.5, 2.0, 1.5,
      1.2, 1.0, 0.8, 0.6, 0.5
    }, // HOSPITAL
    {
      0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.5, 4.0, 3.0, 2.0, 2.5, 3.0, 3.0, 2.5, 2.5, 2.5, 3.0,
      3.0, 1.0, 1.5, 1.5, 1.0, 0.3, 0.05
    }, // SCHOOL
    {
      0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 2.0, 3.5, 4.0, 3.0, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 3.5, 4.0,
      3.0, 2.5, 2.0, 1.2, 0.6
    }, // STATION
    {
      0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.1, 0.3, 1.0, 3.0, 4.0, 4.0, 3.5, 3.5, 4.0, 4.0, 3.0,
      2.0, 1.5, 1.5, 1.0, 0.5, 0.1, 0.05
    }, // SCENIC_SPOT
  };

  /** Each type's weights over the day, summed hour by hour: the inverse CDF's table. */
  private static final double[][] CUMULATIVE = new double[WEIGHTS.length][24];

  /** Each type's mean weight over the day. */
  private static final double[] MEAN = new double[WEIGHTS.length];

  static {
    if (WEIGHTS.length != BuildingType.values().length) {
      throw new IllegalStateException("one traffic profile per building type");
    }
    for (int t = 0; t < WEIGHTS.length; t++) {
      double sum = 0;
      for (int h = 0; h < 24; h++) {
        sum += WEIGHTS[t][h];
        CUMULATIVE[t][h] = sum;
      }
      MEAN[t] = sum / 24;
    }
  }

  private HourlyTraffic() {}

  /** A minute of the day drawn in proportion to the building's traffic. */
  static int busyMinute(RandomGenerator r, BuildingType type) {
    double[] cumulative = CUMULATIVE[type.ordinal()];
    double x = r.nextDouble() * cumulative[23];
    int hour = 0;
    while (hour < 23 && x >= cumulative[hour]) {
      hour++;
    }
    return hour * 60 + r.nextInt(60);
  }

  /** The traffic at {@code minute} relative to the building's mean over the day (mean 1). */
  static double relative(BuildingType type, int minute) {
    return WEIGHTS[type.ordinal()][minute / 60] / MEAN[type.ordinal()];
  }
}
