package io.liftguard.fleet.domain;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToLongBiFunction;

/**
 * The counts of the fleet aggregates, kept per scope and group as events arrive: the fleet
 * projection adds what each batch of events changed, in its own transaction, so an aggregate
 * without filters reads one row per group instead of evaluating every elevator in scope (2.5 s for
 * 300,000 on H2). Overdue maintenance and inspection depend on the day: they are counted as of the
 * counters' day, and when the day moves on, the elevators whose date fell due in between are moved
 * into them ({@link #delta} of the same rows as of both days). Offline depends on the minute: the
 * elevators that never reported are counted here, those whose last report is too old are read from
 * an index on it.
 *
 * <p>Scopes kept: the city, a district, an insurer, a maintenance company (a regulator's, insurer's
 * or maintainer's view). A using unit or a gateway covers few elevators, read from their index
 * instead. Groupings kept: all but the using unit, which has nearly as many groups as elevators
 * (20,000 in a 300,000-elevator city): keeping them doubled the counters' writes, and a city listed
 * by using unit is a report, not a dashboard, so it scans.
 */
public final class GroupCounts {
  /** Risks are summed in whole 1e-12ths: integer sums stay exact however elevators come and go. */
  public static final double RISK_SCALE = 1e12;

  private GroupCounts() {}

  /** The groupings counters are kept for. */
  public static final Set<GroupBy> KEPT =
      Set.copyOf(EnumSet.complementOf(EnumSet.of(GroupBy.USING_UNIT)));

  /** The views counters are kept for, and the register column that names one of each. */
  public enum ScopeKind {
    CITY,
    DISTRICT,
    INSURER,
    MAINTAINER;

    /**
     * The kind and key of {@code s}, or null when its aggregates are not kept (a using unit, a
     * gateway).
     */
    public static Map.Entry<ScopeKind, String> of(FleetScope s) {
      if (s.nothing() || s.usingUnit() != null || !s.elevators().isEmpty()) {
        return null;
      }
      if (s.districtKey() != null) {
        return s.insurer() == null && s.maintainer() == null
            ? Map.entry(DISTRICT, s.districtKey())
            : null;
      }
      if (s.insurer() != null) {
        return s.maintainer() == null ? Map.entry(INSURER, s.insurer()) : null;
      }
      return s.maintainer() != null ? Map.entry(MAINTAINER, s.maintainer()) : Map.entry(CITY, "");
    }
  }

  /**
   * An elevator's row as the counters see it: what it is grouped and scoped by, and the facts
   * counted.
   *
   * @param band its risk band, null before its first assessment
   */
  public record Counted(
      String district,
      String districtKey,
      String street,
      String maintenanceCompany,
      String manufacturer,
      String insurer,
      String buildingType,
      String usingUnit,
      boolean threeNo,
      boolean reported,
      boolean openFaults,
      boolean openEntrapment,
      LocalDate maintenanceDue,
      LocalDate inspectionDue,
      String band,
      Double faultRisk,
      Double entrapmentRisk) {

    /**
     * Overdue on {@code day} as the read model counts it: no date on record, or a date before the
     * day.
     */
    static boolean overdue(LocalDate due, LocalDate day) {
      return due == null || due.isBefore(day);
    }

    String scopeKey(ScopeKind kind) {
      return switch (kind) {
        case CITY -> "";
        case DISTRICT -> districtKey;
        case INSURER -> insurer;
        case MAINTAINER -> maintenanceCompany;
      };
    }

    /**
     * The group this row falls in; "" when it has no value for the field (no maintenance company,
     * say).
     */
    public String groupKey(GroupBy g) {
      String v =
          switch (g) {
            case DISTRICT -> district;
            case STREET -> street;
            case MAINTENANCE_COMPANY -> maintenanceCompany;
            case MANUFACTURER -> manufacturer;
            case INSURER -> insurer;
            case BUILDING_TYPE -> buildingType;
            case USING_UNIT -> usingUnit;
          };
      return v == null ? "" : v;
    }
  }

  /** One counter row: a scope (kind and key) and a group (field and value). */
  public record Key(ScopeKind scope, String scopeKey, GroupBy groupBy, String groupKey) {
    static final Comparator<Key> ORDER =
        Comparator.comparing(Key::scope)
            .thenComparing(Key::scopeKey)
            .thenComparing(Key::groupBy)
            .thenComparing(Key::groupKey);
  }

  /**
   * The counted columns, in the order {@link Counts} holds them; {@code column} is its name in the
   * table.
   */
  public enum Column {
    ELEVATORS("elevators", (r, day) -> 1),
    THREE_NO("three_no", (r, day) -> r.threeNo() ? 1 : 0),
    NEVER_REPORTED("never_reported", (r, day) -> r.reported() ? 0 : 1),
    WITH_OPEN_FAULTS("with_open_faults", (r, day) -> r.openFaults() ? 1 : 0),
    WITH_OPEN_ENTRAPMENT("with_open_entrapment", (r, day) -> r.openEntrapment() ? 1 : 0),
    MAINTENANCE_OVERDUE(
        "maintenance_overdue", (r, day) -> Counted.overdue(r.maintenanceDue(), day) ? 1 : 0),
    INSPECTION_OVERDUE(
        "inspection_overdue", (r, day) -> Counted.overdue(r.inspectionDue(), day) ? 1 : 0),
    BAND_LOW("band_low", (r, day) -> "LOW".equals(r.band()) ? 1 : 0),
    BAND_MEDIUM("band_medium", (r, day) -> "MEDIUM".equals(r.band()) ? 1 : 0),
    BAND_HIGH("band_high", (r, day) -> "HIGH".equals(r.band()) ? 1 : 0),
    BAND_CRITICAL("band_critical", (r, day) -> "CRITICAL".equals(r.band()) ? 1 : 0),
    BAND_NONE("band_none", (r, day) -> r.band() == null ? 1 : 0),
    FAULT_RISK_SUM("fault_risk_sum", (r, day) -> scaled(r.faultRisk())),
    FAULT_RISKS("fault_risks", (r, day) -> r.faultRisk() == null ? 0 : 1),
    ENTRAPMENT_RISK_SUM("entrapment_risk_sum", (r, day) -> scaled(r.entrapmentRisk())),
    ENTRAPMENT_RISKS("entrapment_risks", (r, day) -> r.entrapmentRisk() == null ? 0 : 1);

    public final String column;
    private final ToLongBiFunction<Counted, LocalDate> of;

    Column(String column, ToLongBiFunction<Counted, LocalDate> of) {
      this.column = column;
      this.of = of;
    }

    private static long scaled(Double risk) {
      return risk == null ? 0 : Math.round(risk * RISK_SCALE);
    }
  }

  /** The counts of one group (or a change to them), one value per {@link Column}. */
  public static final class Counts {
    private final long[] values;

    public Counts(long[] values) {
      if (values.length != Column.values().length) {
        throw new IllegalArgumentException("one value per column: " + values.length);
      }
      this.values = values.clone();
    }

    static Counts of(Counted r, LocalDate day) {
      long[] v = new long[Column.values().length];
      for (Column c : Column.values()) {
        v[c.ordinal()] = c.of.applyAsLong(r, day);
      }
      return new Counts(v);
    }

    public long get(Column c) {
      return values[c.ordinal()];
    }

    public Counts plus(Counts other) {
      long[] v = values.clone();
      for (int i = 0; i < v.length; i++) {
        v[i] += other.values[i];
      }
      return new Counts(v);
    }

    Counts negated() {
      return new Counts(Arrays.stream(values).map(v -> -v).toArray());
    }

    boolean isZero() {
      return Arrays.stream(values).allMatch(v -> v == 0);
    }

    /**
     * The group as the API shows it: counts, bands, mean risks; {@code offline}, the elevators
     * whose last report is too old, from the caller (those that never reported are counted here).
     */
    public FleetAggregate aggregate(String key, long offline) {
      return new FleetAggregate(
          key,
          get(Column.ELEVATORS),
          get(Column.THREE_NO),
          get(Column.NEVER_REPORTED) + offline,
          get(Column.WITH_OPEN_FAULTS),
          get(Column.WITH_OPEN_ENTRAPMENT),
          get(Column.MAINTENANCE_OVERDUE),
          get(Column.INSPECTION_OVERDUE),
          FleetAggregate.bands(
              get(Column.BAND_LOW),
              get(Column.BAND_MEDIUM),
              get(Column.BAND_HIGH),
              get(Column.BAND_CRITICAL),
              get(Column.BAND_NONE)),
          mean(Column.FAULT_RISK_SUM, Column.FAULT_RISKS),
          mean(Column.ENTRAPMENT_RISK_SUM, Column.ENTRAPMENT_RISKS));
    }

    private Double mean(Column sum, Column n) {
      return get(n) == 0 ? null : get(sum) / RISK_SCALE / get(n);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Counts c && Arrays.equals(values, c.values);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
      return Arrays.toString(values);
    }
  }

  /**
   * What one elevator adds to the counters as of {@code day}: one row per kept scope and grouping
   * field.
   */
  public static Map<Key, Counts> contribution(Counted r, LocalDate day) {
    Map<Key, Counts> out = new TreeMap<>(Key.ORDER);
    Counts counts = Counts.of(r, day);
    for (ScopeKind kind : ScopeKind.values()) {
      String scopeKey = r.scopeKey(kind);
      if (scopeKey == null) {
        continue; // no insurer or no maintenance company: in no such view
      }
      for (GroupBy g : KEPT) {
        out.put(new Key(kind, scopeKey, g, r.groupKey(g)), counts);
      }
    }
    return out;
  }

  /**
   * What the counters must add when the rows {@code before}, counted as of {@code dayBefore},
   * became {@code after}, counted as of {@code dayAfter} (an elevator absent before was registered
   * since), in key order; changes that cancel out are left out. A batch of events counts both as of
   * the counters' day; moving the counters to a new day counts the same rows as of both days.
   */
  public static List<Map.Entry<Key, Counts>> delta(
      Collection<Counted> before,
      LocalDate dayBefore,
      Collection<Counted> after,
      LocalDate dayAfter) {
    Map<Key, Counts> sum = new TreeMap<>(Key.ORDER);
    before.forEach(
        r -> contribution(r, dayBefore).forEach((k, c) -> sum.merge(k, c.negated(), Counts::plus)));
    after.forEach(r -> contribution(r, dayAfter).forEach((k, c) -> sum.merge(k, c, Counts::plus)));
    return sum.entrySet().stream().filter(e -> !e.getValue().isZero()).toList();
  }

  /**
   * All the contributions of {@code rows} as of {@code day}, summed per key (the counters filled
   * from the rows).
   */
  public static Map<Key, Counts> total(Iterable<Counted> rows, LocalDate day) {
    Map<Key, Counts> sum = new TreeMap<>(Key.ORDER);
    rows.forEach(r -> contribution(r, day).forEach((k, c) -> sum.merge(k, c, Counts::plus)));
    return sum;
  }
}
