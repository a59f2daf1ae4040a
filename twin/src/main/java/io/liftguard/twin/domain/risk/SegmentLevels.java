package io.liftguard.twin.domain.risk;

import io.liftguard.twin.domain.RegisterData;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fault level of segments of a fleet against the fleet's own: by district, by maintenance
 * company and by age band, so a well-run district or company is not priced at the city's level. On
 * top of the city's {@link Recalibration}, each segment's factor is its observed over predicted
 * faults, blended with 1 by the same credibility ({@code Z = E / (E + K)} on its predicted count),
 * so a small segment stays at the city's level. The dimensions are fitted in turn (district, then
 * company on the district-adjusted predictions, then age band on both), one pass: a district that
 * is bad because one company serves it is not charged twice. Like the city's, a factor shifts the
 * fault log-odds (and the equipment entrapments', which move with faults): levels, not rankings,
 * within a segment.
 */
public final class SegmentLevels {
  /** The credibility constant: as the city's ({@link Recalibration#K}). */
  public static final double K = Recalibration.K;

  /** What a fleet is cut by. */
  public enum Dimension {
    DISTRICT,
    MAINTENANCE_COMPANY,
    AGE_BAND
  }

  /** An elevator's segment in each dimension (null where unknown). */
  public record Segment(String district, String maintenanceCompany, String ageBand) {
    public static Segment of(RegisterData r, LocalDate today) {
      return new Segment(
          r.district(),
          r.maintenanceCompany(),
          r.installationDate() == null
              ? null
              : SegmentLevels.ageBand(
                  ChronoUnit.DAYS.between(r.installationDate(), today) / 365.25));
    }

    String value(Dimension d) {
      return switch (d) {
        case DISTRICT -> district;
        case MAINTENANCE_COMPANY -> maintenanceCompany;
        case AGE_BAND -> ageBand;
      };
    }
  }

  /** The age bands: 0-5, 5-10, 10-15, 15-20 and 20+ years in service. */
  public static String ageBand(double years) {
    int lower = Math.min(20, Math.max(0, (int) Math.floor(years / 5) * 5));
    return lower == 20 ? "20+" : lower + "-" + (lower + 5);
  }

  /**
   * One segment's level: its predicted faults (elevator-periods, at the levels fitted before it),
   * the observed, the credibility and the factor.
   */
  public record Level(
      Dimension dimension,
      String value,
      double predicted,
      long observed,
      double credibility,
      double factor) {}

  /**
   * One elevator-period: its segment, its predicted fault probability, and whether it had a fault
   * as counted (1 or 0, or the probability one was real: {@link FaultCounting#anyReal}).
   */
  public record Outcome(Segment segment, double predicted, double faulted) {
    public Outcome(Segment segment, double predicted, boolean faulted) {
      this(segment, predicted, faulted ? 1 : 0);
    }
  }

  public static final SegmentLevels NONE = new SegmentLevels(List.of());

  private final List<Level> levels;
  private final Map<String, Double> factors = new HashMap<>();

  /** {@code levels} in order of dimension, then value. */
  public SegmentLevels(List<Level> levels) {
    this.levels =
        levels.stream()
            .sorted(Comparator.comparing(Level::dimension).thenComparing(Level::value))
            .toList();
    for (Level l : this.levels) {
      factors.put(key(l.dimension(), l.value()), l.factor());
    }
  }

  public List<Level> levels() {
    return levels;
  }

  /** The product of {@code s}'s factors in every dimension (1 where it has none). */
  public double factor(Segment s) {
    if (s == null || levels.isEmpty()) {
      return 1;
    }
    double f = 1;
    for (Dimension d : Dimension.values()) {
      String v = s.value(d);
      if (v != null) {
        f *= factors.getOrDefault(key(d, v), 1.0);
      }
    }
    return f;
  }

  /**
   * The segments' levels in {@code outcomes}, whose predictions are at the level {@code cityFactor}
   * multiplies (the shipped model's level, with the city's recalibration).
   */
  public static SegmentLevels fit(List<Outcome> outcomes, double cityFactor) {
    double[] adjusted = new double[outcomes.size()];
    for (int i = 0; i < adjusted.length; i++) {
      adjusted[i] = outcomes.get(i).predicted() * cityFactor;
    }
    List<Level> levels = new ArrayList<>();
    for (Dimension d : Dimension.values()) {
      Map<String, double[]> sums = new LinkedHashMap<>(); // predicted, observed
      for (int i = 0; i < adjusted.length; i++) {
        String v = outcomes.get(i).segment().value(d);
        if (v != null) {
          double[] s = sums.computeIfAbsent(v, k -> new double[2]);
          s[0] += adjusted[i];
          s[1] += outcomes.get(i).faulted();
        }
      }
      Map<String, Double> fitted = new HashMap<>();
      sums.entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(
              e -> {
                double predicted = e.getValue()[0];
                long observed = Math.round(e.getValue()[1]);
                double z = Recalibration.credibility(predicted);
                double factor = Recalibration.blend(z, e.getValue()[1], predicted);
                levels.add(new Level(d, e.getKey(), predicted, observed, z, factor));
                fitted.put(e.getKey(), factor);
              });
      for (int i = 0; i < adjusted.length; i++) {
        String v = outcomes.get(i).segment().value(d);
        if (v != null) {
          adjusted[i] *= fitted.get(v);
        }
      }
    }
    return new SegmentLevels(levels);
  }

  private static String key(Dimension d, String value) {
    return d + "\u0000" + value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SegmentLevels s && s.levels.equals(levels);
  }

  @Override
  public int hashCode() {
    return levels.hashCode();
  }

  @Override
  public String toString() {
    return "SegmentLevels" + levels;
  }
}
