package io.liftguard.sim;

import io.liftguard.twin.domain.BrakeType;
import io.liftguard.twin.domain.BuildingType;
import io.liftguard.twin.domain.DriveType;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** Draws a city's elevators from the configured mixes; elevator i depends only on (seed, i). */
public final class CityGenerator {
  static final String[] DISTRICTS = {
    "Yuzhong", "Jiangbei", "Nan'an", "Shapingba", "Jiulongpo", "Yubei", "Jiangjin"
  };

  /**
   * Building mix, in BuildingType order. Assumption: residential dominates a Chinese city's
   * register.
   */
  static final double[] BUILDING_MIX = {55, 15, 8, 6, 6, 5, 5};

  private CityGenerator() {}

  /** The share of a city's elevators in buildings of {@code type}. */
  public static double buildingShare(BuildingType type) {
    double total = 0;
    for (double w : BUILDING_MIX) {
      total += w;
    }
    return BUILDING_MIX[type.ordinal()] / total;
  }

  /**
   * The share of a city's elevators aged {@code [years, years + 1)} at the start, or 30 years and
   * more for 30 (ages are exponential with mean {@code meanAgeYears}, capped at 30).
   */
  public static double ageShare(SimConfig c, int years) {
    double from = Math.exp(-years / c.meanAgeYears());
    return years >= 30 ? from : from - Math.exp(-(years + 1) / c.meanAgeYears());
  }

  public static SimElevator elevator(SimConfig c, int i) {
    SplittableRandom r = new SplittableRandom(c.seed() * 1_000_003L + i);
    BuildingType type = BuildingType.values()[pick(r, BUILDING_MIX)];
    double age = Math.min(30.0, -Math.log(1 - r.nextDouble()) * c.meanAgeYears());
    boolean threeNo = type == BuildingType.RESIDENTIAL && r.nextDouble() < c.threeNoShare() / 0.55;
    boolean hydraulic = r.nextDouble() < 0.04;
    BrakeType brake =
        r.nextDouble() < c.drumBrakeShare()
            ? BrakeType.DRUM
            : r.nextDouble() < 0.65 ? BrakeType.DISC : BrakeType.BLOCK;
    int company = threeNo ? -1 : r.nextInt(c.companies().size());
    int floors = hydraulic ? 2 + r.nextInt(4) : 6 + r.nextInt(30);
    String district = DISTRICTS[r.nextInt(DISTRICTS.length)];
    return new SimElevator(
        i,
        String.format("SIM-%s-%07d", district.substring(0, 2).toUpperCase(), i),
        district,
        type,
        age,
        hydraulic ? DriveType.HYDRAULIC : DriveType.TRACTION,
        brake,
        threeNo,
        company,
        floors,
        r.nextDouble() < c.bypassShare());
  }

  /** An index drawn with probability proportional to {@code weights}. */
  public static int pick(RandomGenerator r, double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double x = r.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }
}
