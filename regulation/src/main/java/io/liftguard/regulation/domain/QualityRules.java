package io.liftguard.regulation.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * The quality evaluation of the safe-elevator plans, from each elevator's record over a window:
 * product quality by manufacturer and model (failure rate per elevator-year with an exact 95 %
 * interval, and service life), the rating of maintenance companies (stars), and the public
 * disclosure list. Pure.
 */
public final class QualityRules {
  private QualityRules() {}

  /**
   * One elevator over the window. {@code exposureYears}: the part of the window it was on the
   * platform, in years; {@code firstInspections}/{@code firstPassed}: first inspections in the
   * window (a re-inspection within 90 days of a failure is not a first) and how many passed.
   */
  public record ElevatorRecord(
      String elevatorId,
      String district,
      String address,
      String usingUnit,
      String manufacturer,
      String model,
      String company,
      LocalDate installed,
      double exposureYears,
      long faults,
      long entrapments,
      long complaints,
      long firstInspections,
      long firstPassed) {}

  /**
   * Events per elevator-year with its exact (Garwood) 95 % Poisson interval; null rates without
   * exposure.
   */
  public record Rate(
      long events, double exposureYears, Double perYear, Double lower95, Double upper95) {
    public static Rate of(long events, double exposureYears) {
      if (exposureYears <= 0) {
        return new Rate(events, exposureYears, null, null, null);
      }
      double lower =
          events == 0
              ? 0
              : new ChiSquaredDistribution(2.0 * events).inverseCumulativeProbability(0.025) / 2;
      double upper =
          new ChiSquaredDistribution(2.0 * events + 2).inverseCumulativeProbability(0.975) / 2;
      return new Rate(
          events,
          exposureYears,
          events / exposureYears,
          lower / exposureYears,
          upper / exposureYears);
    }
  }

  /**
   * How a group compares with the whole fleet: only when its 95 % interval excludes the fleet's
   * rate.
   */
  public enum Versus {
    BETTER,
    WORSE,
    NOT_DISTINGUISHABLE
  }

  /**
   * A manufacturer (and model) with its failure rate, how it compares, and the ages of its
   * elevators in service.
   */
  public record Product(
      String manufacturer,
      String model,
      int elevators,
      Rate failures,
      Versus versusFleet,
      double meanAgeYears,
      double oldestYears) {}

  /**
   * Product quality by manufacturer ({@code byModel} false) or by manufacturer and model, the
   * clearly worst first: ordered by the lower bound of the failure rate's interval, so a small
   * fleet with a few unlucky failures does not top the list on noise (its interval is wide and its
   * lower bound low).
   */
  public static List<Product> products(
      List<ElevatorRecord> records, boolean byModel, LocalDate today) {
    Rate fleet = Rate.of(sum(records, ElevatorRecord::faults), exposure(records));
    Map<String, List<ElevatorRecord>> groups =
        group(
            records,
            r -> byModel ? nz(r.manufacturer()) + "\u0000" + nz(r.model()) : nz(r.manufacturer()));
    List<Product> out = new ArrayList<>();
    for (List<ElevatorRecord> g : groups.values()) {
      ElevatorRecord first = g.get(0);
      Rate rate = Rate.of(sum(g, ElevatorRecord::faults), exposure(g));
      double meanAge = g.stream().mapToDouble(r -> years(r.installed(), today)).average().orElse(0);
      double oldest = g.stream().mapToDouble(r -> years(r.installed(), today)).max().orElse(0);
      out.add(
          new Product(
              nz(first.manufacturer()),
              byModel ? nz(first.model()) : null,
              g.size(),
              rate,
              versus(rate, fleet.perYear()),
              round(meanAge),
              round(oldest)));
    }
    out.sort(
        Comparator.comparing(
                (Product p) -> p.failures().lower95() == null ? -1 : p.failures().lower95())
            .reversed()
            .thenComparing(Product::manufacturer)
            .thenComparing(p -> nz(p.model())));
    return out;
  }

  /**
   * Prior exposure that pulls a small company's rates toward the fleet's: 50 elevator-years, 20
   * inspections.
   */
  public static final double PRIOR_YEARS = 50;

  public static final double PRIOR_INSPECTIONS = 20;

  /** The weights of the four measures in a company's score. */
  public static final double W_ENTRAPMENT = 0.3;

  public static final double W_FAILURE = 0.3;

  public static final double W_COMPLAINT = 0.2;

  public static final double W_INSPECTION = 0.2;

  /**
   * A maintenance company's rating. Each {@code relative*} is its measure over the fleet's, pulled
   * toward 1 by the prior ({@link #PRIOR_YEARS}, {@link #PRIOR_INSPECTIONS}); {@code score} = sum
   * of weight x (1 - relative), each term within [-w, w]; {@code stars} = 3 + 2 x score, within [1,
   * 5], to the half star.
   */
  public record Rating(
      String company,
      int elevators,
      double exposureYears,
      Rate entrapments,
      Rate failures,
      Rate complaints,
      long firstInspections,
      long firstPassed,
      Double firstPassRate,
      double relativeEntrapments,
      double relativeFailures,
      double relativeComplaints,
      double relativeInspectionFailures,
      double score,
      double stars) {}

  /**
   * Every maintenance company's rating, the best first. Elevators without a company (三无) are left
   * out.
   */
  public static List<Rating> ratings(List<ElevatorRecord> records) {
    List<ElevatorRecord> maintained = records.stream().filter(r -> r.company() != null).toList();
    double years = exposure(maintained);
    double fleetTraps = perYear(sum(maintained, ElevatorRecord::entrapments), years);
    double fleetFaults = perYear(sum(maintained, ElevatorRecord::faults), years);
    double fleetComplaints = perYear(sum(maintained, ElevatorRecord::complaints), years);
    long firsts = sum(maintained, ElevatorRecord::firstInspections);
    double fleetFailShare =
        firsts == 0 ? 0 : 1.0 - (double) sum(maintained, ElevatorRecord::firstPassed) / firsts;
    List<Rating> out = new ArrayList<>();
    for (List<ElevatorRecord> g : group(maintained, ElevatorRecord::company).values()) {
      double y = exposure(g);
      long traps = sum(g, ElevatorRecord::entrapments);
      long faults = sum(g, ElevatorRecord::faults);
      long complaints = sum(g, ElevatorRecord::complaints);
      long first = sum(g, ElevatorRecord::firstInspections);
      long passed = sum(g, ElevatorRecord::firstPassed);
      double rTraps = relative(traps, y, fleetTraps, PRIOR_YEARS);
      double rFaults = relative(faults, y, fleetFaults, PRIOR_YEARS);
      double rComplaints = relative(complaints, y, fleetComplaints, PRIOR_YEARS);
      double rFails = relative(first - passed, first, fleetFailShare, PRIOR_INSPECTIONS);
      double score =
          W_ENTRAPMENT * clamp(1 - rTraps)
              + W_FAILURE * clamp(1 - rFaults)
              + W_COMPLAINT * clamp(1 - rComplaints)
              + W_INSPECTION * clamp(1 - rFails);
      double stars = Math.max(1, Math.min(5, Math.round((3 + 2 * score) * 2) / 2.0));
      out.add(
          new Rating(
              g.get(0).company(),
              g.size(),
              round(y),
              Rate.of(traps, y),
              Rate.of(faults, y),
              Rate.of(complaints, y),
              first,
              passed,
              first == 0 ? null : (double) passed / first,
              round(rTraps),
              round(rFaults),
              round(rComplaints),
              round(rFails),
              round(score),
              stars));
    }
    out.sort(Comparator.comparingDouble(Rating::score).reversed().thenComparing(Rating::company));
    return out;
  }

  /**
   * One elevator on a disclosure list, with no personal data: the elevator, its place and who runs
   * it.
   */
  public record Disclosed(
      String elevatorId,
      String district,
      String address,
      String usingUnit,
      String company,
      String manufacturer,
      String model,
      long count,
      Double perYear) {}

  /**
   * The public disclosure lists: the most complaints, the most failures, and first inspections
   * failed.
   */
  public record Disclosure(
      List<Disclosed> mostComplaints,
      List<Disclosed> mostFailures,
      List<Disclosed> failedFirstInspection) {}

  /**
   * The disclosure lists of {@code records}, at most {@code limit} each; an elevator with none is
   * on no list.
   */
  public static Disclosure disclosure(List<ElevatorRecord> records, int limit) {
    return new Disclosure(
        top(records, ElevatorRecord::complaints, limit),
        top(records, ElevatorRecord::faults, limit),
        top(records, r -> r.firstInspections() - r.firstPassed(), limit));
  }

  private static List<Disclosed> top(
      List<ElevatorRecord> records, Function<ElevatorRecord, Long> count, int limit) {
    return records.stream()
        .filter(r -> count.apply(r) > 0)
        .sorted(
            Comparator.comparing((ElevatorRecord r) -> perYear(count.apply(r), r.exposureYears()))
                .reversed()
                .thenComparing(ElevatorRecord::elevatorId))
        .limit(limit)
        .map(
            r ->
                new Disclosed(
                    r.elevatorId(),
                    r.district(),
                    r.address(),
                    r.usingUnit(),
                    r.company(),
                    r.manufacturer(),
                    r.model(),
                    count.apply(r),
                    r.exposureYears() <= 0 ? null : round(count.apply(r) / r.exposureYears())))
        .toList();
  }

  private static Versus versus(Rate r, Double fleet) {
    if (fleet == null || r.perYear() == null) {
      return Versus.NOT_DISTINGUISHABLE;
    }
    if (r.upper95() < fleet) {
      return Versus.BETTER;
    }
    return r.lower95() > fleet ? Versus.WORSE : Versus.NOT_DISTINGUISHABLE;
  }

  /**
   * (events + prior x fleet) / (exposure + prior), over the fleet's value; 1 when the fleet has
   * none.
   */
  static double relative(long events, double exposure, double fleet, double prior) {
    if (fleet <= 0) {
      return 1;
    }
    return (events + prior * fleet) / (exposure + prior) / fleet;
  }

  private static double clamp(double v) {
    return Math.max(-1, Math.min(1, v));
  }

  private static <K> Map<K, List<ElevatorRecord>> group(
      List<ElevatorRecord> records, Function<ElevatorRecord, K> key) {
    Map<K, List<ElevatorRecord>> out = new LinkedHashMap<>();
    for (ElevatorRecord r : records) {
      out.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r);
    }
    return out;
  }

  private static long sum(List<ElevatorRecord> records, Function<ElevatorRecord, Long> f) {
    return records.stream().mapToLong(f::apply).sum();
  }

  private static double exposure(List<ElevatorRecord> records) {
    return records.stream().mapToDouble(ElevatorRecord::exposureYears).sum();
  }

  private static double perYear(long events, double years) {
    return years <= 0 ? 0 : events / years;
  }

  private static double years(LocalDate from, LocalDate to) {
    return ChronoUnit.DAYS.between(from, to) / 365.25;
  }

  private static String nz(String s) {
    return s == null ? "(unknown)" : s;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
