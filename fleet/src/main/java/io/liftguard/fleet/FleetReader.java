package io.liftguard.fleet;

import static io.liftguard.kernel.readside.Sql.instant;

import io.liftguard.fleet.domain.FleetAggregate;
import io.liftguard.fleet.domain.FleetCursor;
import io.liftguard.fleet.domain.FleetFilter;
import io.liftguard.fleet.domain.FleetRow;
import io.liftguard.fleet.domain.FleetScope;
import io.liftguard.fleet.domain.FleetSort;
import io.liftguard.fleet.domain.GroupBy;
import io.liftguard.fleet.domain.GroupCounts;
import io.liftguard.kernel.readside.ReadSideSettings;
import io.liftguard.kernel.readside.ReadStore;
import io.liftguard.twin.domain.BrakeType;
import io.liftguard.twin.domain.BuildingType;
import io.liftguard.twin.domain.DriveType;
import io.liftguard.twin.domain.RunningMode;
import io.liftguard.twin.domain.TwinRules;
import io.liftguard.twin.domain.risk.RiskModel;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Queries of the fleet read model: search with filters, sorting and keyset pagination, aggregates
 * by group, and the id listing; the caller's scope is part of every query's WHERE. "Overdue",
 * "online" and ages are evaluated for the query's day and time (the injected clock). Runs on {@code
 * executor} (blocking JDBC).
 */
public final class FleetReader {
  /** A page of search results; {@code next} continues after the last row (null at the end). */
  public record Page(List<FleetRow> items, String next) {}

  private final ReadStore store;
  private final Duration offlineAfter;
  private final Clock clock;
  private final Executor executor;

  public FleetReader(ReadStore store, Duration offlineAfter, Clock clock, Executor executor) {
    this.offlineAfter = offlineAfter;
    this.store = store;
    this.clock = clock;
    this.executor = executor;
  }

  /**
   * Registered ids the scope covers, in order, up to {@code limit} after {@code after} (null: from
   * the first).
   */
  public CompletionStage<List<String>> ids(FleetScope scope, String after, int limit) {
    return async(
        c -> {
          Where w = new Where();
          scope(w, scope);
          if (after != null) {
            w.add("elevator_id > ?", after);
          }
          List<String> ids = new ArrayList<>();
          try (PreparedStatement ps =
                  w.prepare(
                      c,
                      "SELECT elevator_id FROM fleet_elevator",
                      " ORDER BY elevator_id LIMIT " + limit);
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              ids.add(rs.getString(1));
            }
          }
          return ids;
        });
  }

  /**
   * One page of the elevators the scope covers that match {@code filter}, in {@code sort} order.
   */
  public CompletionStage<Page> search(
      FleetScope scope, FleetFilter filter, FleetSort sort, FleetCursor after, int limit) {
    return async(
        c -> {
          Instant now = clock.instant();
          Where w = new Where();
          scope(w, scope);
          filter(w, filter, now);
          SortColumn column = SortColumn.of(sort.field());
          if (after != null) {
            Object key = column.parse(after.key());
            String cmp = sort.descending() ? "<" : ">";
            w.add(
                "("
                    + column.expression
                    + " "
                    + cmp
                    + " ? OR ("
                    + column.expression
                    + " = ? AND elevator_id "
                    + cmp
                    + " ?))",
                key,
                key,
                after.elevatorId());
          }
          // Ties by id in the sort's direction, so one index (key, elevator_id) serves a sort both
          // ways.
          String direction = sort.descending() ? " DESC" : " ASC";
          String order =
              column.expression + direction + ", elevator_id" + direction + " LIMIT " + (limit + 1);
          String from = "fleet_elevator f";
          if (column == SortColumn.FAULT_RISK && w.fixes("district_key")) {
            // One district by risk: read in the order of (district_key, fault_risk_sort,
            // elevator_id), stopping at the page's end. H2 sees an index's order only when ORDER BY
            // names its columns from the first, and plans by (district_key, elevator_id) unless
            // told: 930 ms a page at 300,000 elevators, 21-37 ms with the index.
            order = "district_key" + direction + ", " + order;
            if (store.settings().database() == ReadSideSettings.Database.EMBEDDED) {
              from += " USE INDEX (fleet_elevator_district_fault_risk)";
            }
          }
          List<FleetRow> rows = new ArrayList<>();
          List<String> keys = new ArrayList<>();
          try (PreparedStatement ps =
                  w.prepare(
                      c,
                      "SELECT f.*, " + column.expression + " AS sort_key FROM " + from,
                      " ORDER BY " + order);
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              rows.add(row(rs, now));
              keys.add(column.format(rs, "sort_key"));
            }
          }
          String next = null;
          if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next =
                new FleetCursor(
                        sort.asParam(), keys.get(limit - 1), rows.get(limit - 1).elevatorId())
                    .encode();
          }
          return new Page(List.copyOf(rows), next);
        });
  }

  /**
   * The rows of {@code ids} that the read model holds, by id (an id not yet projected is absent).
   */
  public CompletionStage<Map<String, FleetRow>> rows(Collection<String> ids) {
    return async(
        c -> {
          Instant now = clock.instant();
          Map<String, FleetRow> rows = new LinkedHashMap<>();
          List<String> all = List.copyOf(ids);
          for (int from = 0; from < all.size(); from += 500) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
            String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT * FROM fleet_elevator WHERE elevator_id IN (" + marks + ")")) {
              for (int i = 0; i < chunk.size(); i++) {
                ps.setString(i + 1, chunk.get(i));
              }
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  FleetRow row = row(rs, now);
                  rows.put(row.elevatorId(), row);
                }
              }
            }
          }
          return rows;
        });
  }

  /**
   * Counts and mean risks per group of the elevators the scope covers that match {@code filter}:
   * without filters, for a city, district, insurer or maintainer view and a grouping kept, from the
   * counters the projection keeps ({@link GroupCounts}); otherwise by evaluating every matching
   * row.
   */
  public CompletionStage<List<FleetAggregate>> aggregates(
      FleetScope scope, FleetFilter filter, GroupBy groupBy) {
    Map.Entry<GroupCounts.ScopeKind, String> view = GroupCounts.ScopeKind.of(scope);
    if (view == null || !filter.equals(FleetFilter.NONE) || !GroupCounts.KEPT.contains(groupBy)) {
      return scanAggregates(scope, filter, groupBy);
    }
    return async(
        c -> {
          Instant now = clock.instant();
          // Asked before the minutely move ran on a new day (ReadSide), an aggregate moves the
          // overdue counts itself.
          GroupCountStore.moveTo(c, TwinRules.today(now));
          Map<String, Long> offline =
              reportedBefore(c, scope, groupBy, Timestamp.from(offlineBefore(now)));
          List<FleetAggregate> groups = new ArrayList<>();
          GroupCountStore.groups(c, view.getKey(), view.getValue(), groupBy)
              .forEach(
                  (key, counts) ->
                      groups.add(counts.aggregate(key, offline.getOrDefault(key, 0L))));
          return groups;
        });
  }

  /**
   * Per group, the elevators in scope whose last report is before {@code cutoff} (an index range:
   * few rows while the city reports; those that never reported are counted).
   */
  private static Map<String, Long> reportedBefore(
      Connection c, FleetScope scope, GroupBy groupBy, Timestamp cutoff) throws SQLException {
    Where w = new Where();
    w.add("last_report_at < ?", cutoff);
    scope(w, scope);
    String key = "COALESCE(" + groupColumn(groupBy) + ", '')";
    Map<String, Long> out = new HashMap<>();
    try (PreparedStatement ps =
            w.prepare(
                c,
                "SELECT " + key + " AS group_key, COUNT(*) AS n FROM fleet_elevator",
                " GROUP BY " + key);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString("group_key"), rs.getLong("n"));
      }
    }
    return out;
  }

  /** {@link #aggregates} by evaluating every row in scope that matches {@code filter}. */
  CompletionStage<List<FleetAggregate>> scanAggregates(
      FleetScope scope, FleetFilter filter, GroupBy groupBy) {
    return async(
        c -> {
          Instant now = clock.instant();
          LocalDate today = TwinRules.today(now);
          Where w = new Where();
          scope(w, scope);
          filter(w, filter, now);
          String key = "COALESCE(" + groupColumn(groupBy) + ", '')";
          // COUNT(*) FILTER rather than SUM(CASE ...): the same counts, 20 % faster on H2
          // (docs/benchmarks.md).
          String select =
              "SELECT "
                  + key
                  + " AS group_key, COUNT(*) AS elevators, COUNT(*) FILTER (WHERE three_no) AS"
                  + " three_no, COUNT(*) FILTER (WHERE last_report_at IS NULL OR last_report_at <"
                  + " ?) AS offline, COUNT(*) FILTER (WHERE open_faults > 0) AS with_open_faults,"
                  + " COUNT(*) FILTER (WHERE open_entrapments > 0) AS with_open_entrapment,"
                  + " COUNT(*) FILTER (WHERE maintenance_due IS NULL OR maintenance_due < ?) AS"
                  + " maintenance_overdue, COUNT(*) FILTER (WHERE next_inspection_due IS NULL OR"
                  + " next_inspection_due < ?) AS inspection_overdue, COUNT(*) FILTER (WHERE"
                  + " risk_band = 'LOW') AS band_low, COUNT(*) FILTER (WHERE risk_band = 'MEDIUM')"
                  + " AS band_medium, COUNT(*) FILTER (WHERE risk_band = 'HIGH') AS band_high,"
                  + " COUNT(*) FILTER (WHERE risk_band = 'CRITICAL') AS band_critical, COUNT(*)"
                  + " FILTER (WHERE risk_band IS NULL) AS band_none, AVG(fault_risk) AS"
                  + " mean_fault_risk, AVG(entrapment_risk) AS mean_entrapment_risk FROM"
                  + " fleet_elevator";
          List<Object> head =
              List.of(Timestamp.from(offlineBefore(now)), Date.valueOf(today), Date.valueOf(today));
          List<FleetAggregate> groups = new ArrayList<>();
          try (PreparedStatement ps =
                  w.prepare(c, select, " GROUP BY " + key + " ORDER BY " + key, head);
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              groups.add(
                  new FleetAggregate(
                      rs.getString("group_key"),
                      rs.getLong("elevators"),
                      rs.getLong("three_no"),
                      rs.getLong("offline"),
                      rs.getLong("with_open_faults"),
                      rs.getLong("with_open_entrapment"),
                      rs.getLong("maintenance_overdue"),
                      rs.getLong("inspection_overdue"),
                      FleetAggregate.bands(
                          rs.getLong("band_low"),
                          rs.getLong("band_medium"),
                          rs.getLong("band_high"),
                          rs.getLong("band_critical"),
                          rs.getLong("band_none")),
                      nullableDouble(rs, "mean_fault_risk"),
                      nullableDouble(rs, "mean_entrapment_risk")));
            }
          }
          return groups;
        });
  }

  private <T> CompletionStage<T> async(ReadStore.Work<T> work) {
    return store.query(work, executor, "read model query");
  }

  private Instant offlineBefore(Instant now) {
    return now.minus(offlineAfter);
  }

  private static void scope(Where w, FleetScope s) {
    if (s.nothing()) {
      w.add("1 = 0");
      return;
    }
    if (s.districtKey() != null) {
      w.add("district_key = ?", s.districtKey());
    }
    if (s.insurer() != null) {
      w.add("insurer = ?", s.insurer());
    }
    if (s.maintainer() != null) {
      w.add("maintenance_company = ?", s.maintainer());
    }
    if (!s.elevators().isEmpty()) {
      String in =
          "elevator_id IN ("
              + String.join(", ", s.elevators().stream().map(e -> "?").toList())
              + ")";
      List<Object> params = new ArrayList<>(s.elevators());
      if (s.usingUnit() != null) {
        params.add(s.usingUnit());
        w.add("(" + in + " OR using_unit = ?)", params.toArray());
      } else {
        w.add(in, params.toArray());
      }
    } else if (s.usingUnit() != null) {
      w.add("using_unit = ?", s.usingUnit());
    }
  }

  private void filter(Where w, FleetFilter f, Instant now) {
    LocalDate today = TwinRules.today(now);
    w.eq("district_key", f.district() == null ? null : f.district().toLowerCase(Locale.ROOT));
    w.eq("street", f.street());
    w.eq("building_type", name(f.buildingType()));
    w.eq("drive_type", name(f.driveType()));
    w.eq("brake_type", name(f.brakeType()));
    w.eq("manufacturer", f.manufacturer());
    w.eq("model", f.model());
    w.eq("maintenance_company", f.maintenanceCompany());
    w.eq("insurer", f.insurer());
    w.eq("using_unit", f.usingUnit());
    w.eq("running_mode", name(f.runningMode()));
    if (f.riskBands() != null) {
      List<String> bands = f.riskBands().stream().map(Enum::name).sorted().toList();
      w.add(
          "risk_band IN (" + String.join(", ", bands.stream().map(b -> "?").toList()) + ")",
          bands.toArray());
    }
    bool(w, f.threeNo(), "three_no", "NOT three_no");
    bool(w, f.publicGathering(), "public_gathering", "NOT public_gathering");
    Timestamp offline = Timestamp.from(offlineBefore(now));
    if (f.online() != null) {
      if (f.online()) {
        w.add("last_report_at >= ?", offline);
      } else {
        w.add("(last_report_at IS NULL OR last_report_at < ?)", offline);
      }
    }
    bool(w, f.hasOpenFaults(), "open_faults > 0", "open_faults = 0");
    bool(w, f.hasOpenEntrapment(), "open_entrapments > 0", "open_entrapments = 0");
    Date day = Date.valueOf(today);
    if (f.maintenanceOverdue() != null) {
      if (f.maintenanceOverdue()) {
        w.add("(maintenance_due IS NULL OR maintenance_due < ?)", day);
      } else {
        w.add("maintenance_due >= ?", day);
      }
    }
    if (f.inspectionOverdue() != null) {
      if (f.inspectionOverdue()) {
        w.add("(next_inspection_due IS NULL OR next_inspection_due < ?)", day);
      } else {
        w.add("next_inspection_due >= ?", day);
      }
    }
    // Age in whole years: installed at most minAge years before today, and less than maxAge + 1
    // years before.
    if (f.minAgeYears() != null) {
      w.add("installation_date <= ?", Date.valueOf(today.minusYears(f.minAgeYears())));
    }
    if (f.maxAgeYears() != null) {
      w.add("installation_date > ?", Date.valueOf(today.minusYears(f.maxAgeYears() + 1L)));
    }
    if (f.minFaultRisk() != null) {
      w.add("fault_risk >= ?", f.minFaultRisk());
    }
    if (f.maxFaultRisk() != null) {
      w.add("fault_risk <= ?", f.maxFaultRisk());
    }
  }

  private static void bool(Where w, Boolean value, String ifTrue, String ifFalse) {
    if (value != null) {
      w.add(value ? ifTrue : ifFalse);
    }
  }

  private static String groupColumn(GroupBy g) {
    return switch (g) {
      case DISTRICT -> "district";
      case STREET -> "street";
      case MAINTENANCE_COMPANY -> "maintenance_company";
      case MANUFACTURER -> "manufacturer";
      case INSURER -> "insurer";
      case BUILDING_TYPE -> "building_type";
      case USING_UNIT -> "using_unit";
    };
  }

  private FleetRow row(ResultSet rs, Instant now) throws SQLException {
    LocalDate today = TwinRules.today(now);
    LocalDate installed = rs.getObject("installation_date", LocalDate.class);
    Instant lastReport = instant(rs, "last_report_at");
    LocalDate maintenanceDue = rs.getObject("maintenance_due", LocalDate.class);
    LocalDate inspectionDue = rs.getObject("next_inspection_due", LocalDate.class);
    String band = rs.getString("risk_band");
    double equipment = rs.getDouble("equipment_entrapment_risk");
    RiskModel.CauseProbabilities byCause =
        rs.wasNull()
            ? null
            : new RiskModel.CauseProbabilities(
                equipment,
                rs.getDouble("misuse_entrapment_risk"),
                rs.getDouble("external_entrapment_risk"));
    FleetRow.Risk risk =
        band == null
            ? null
            : new FleetRow.Risk(
                rs.getDouble("fault_risk"),
                rs.getDouble("entrapment_risk"),
                RiskModel.Band.valueOf(band),
                rs.getString("risk_model"),
                instant(rs, "risk_assessed_at"),
                byCause);
    Boolean passed =
        rs.getObject("last_inspection_passed") == null
            ? null
            : rs.getBoolean("last_inspection_passed");
    return new FleetRow(
        rs.getString("elevator_id"),
        rs.getString("district"),
        rs.getString("street"),
        rs.getString("address"),
        BuildingType.valueOf(rs.getString("building_type")),
        rs.getBoolean("public_gathering"),
        rs.getString("manufacturer"),
        rs.getString("model"),
        enumOf(DriveType.class, rs.getString("drive_type")),
        enumOf(BrakeType.class, rs.getString("brake_type")),
        installed,
        (int) ChronoUnit.YEARS.between(installed, today),
        rs.getString("using_unit"),
        rs.getString("maintenance_company"),
        rs.getString("insurer"),
        rs.getBoolean("three_no"),
        instant(rs, "registered_at"),
        enumOf(RunningMode.class, rs.getString("running_mode")),
        lastReport,
        lastReport != null && !lastReport.isBefore(offlineBefore(now)),
        rs.getInt("open_faults"),
        rs.getInt("open_entrapments"),
        rs.getInt("service_modes"),
        new FleetRow.Counters(
            rs.getLong("faults"),
            rs.getLong("alarms"),
            rs.getLong("entrapments"),
            rs.getLong("maintenance_visits"),
            rs.getLong("inspections")),
        rs.getObject("last_maintenance_date", LocalDate.class),
        maintenanceDue,
        maintenanceDue == null || maintenanceDue.isBefore(today),
        inspectionDue,
        inspectionDue == null || inspectionDue.isBefore(today),
        passed,
        rs.getInt("early_warnings"),
        instant(rs, "last_warning_at"),
        risk,
        instant(rs, "updated_at"));
  }

  private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? null : v;
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
    return name == null ? null : Enum.valueOf(type, name);
  }

  private static String name(Enum<?> e) {
    return e == null ? null : e.name();
  }

  /**
   * How a sort field is compared: a non-null SQL expression (nulls sort as the lowest value), and
   * how its value is carried in a cursor.
   */
  private enum SortColumn {
    ID("elevator_id", Kind.TEXT),
    DISTRICT("district_key", Kind.TEXT),
    INSTALLED("installation_date", Kind.DATE),
    FAULT_RISK("fault_risk_sort", Kind.NUMBER), // the risk, -1 while unassessed (V3 migration)
    ENTRAPMENT_RISK("entrapment_risk_sort", Kind.NUMBER),
    LAST_REPORT("COALESCE(last_report_at, registered_at)", Kind.TIME),
    OPEN_FAULTS("open_faults", Kind.INTEGER),
    INSPECTION_DUE("COALESCE(next_inspection_due, DATE '1900-01-01')", Kind.DATE),
    MAINTENANCE_DUE("COALESCE(maintenance_due, DATE '1900-01-01')", Kind.DATE);

    enum Kind {
      TEXT,
      DATE,
      NUMBER,
      TIME,
      INTEGER
    }

    final String expression;
    final Kind kind;

    SortColumn(String expression, Kind kind) {
      this.expression = expression;
      this.kind = kind;
    }

    static SortColumn of(FleetSort.Field f) {
      return switch (f) {
        case ELEVATOR_ID -> ID;
        case DISTRICT -> DISTRICT;
        case INSTALLATION_DATE -> INSTALLED;
        case FAULT_RISK -> FAULT_RISK;
        case ENTRAPMENT_RISK -> ENTRAPMENT_RISK;
        case LAST_REPORT_AT -> LAST_REPORT;
        case OPEN_FAULTS -> OPEN_FAULTS;
        case NEXT_INSPECTION_DUE -> INSPECTION_DUE;
        case MAINTENANCE_DUE -> MAINTENANCE_DUE;
      };
    }

    String format(ResultSet rs, String column) throws SQLException {
      return switch (kind) {
        case TEXT -> rs.getString(column);
        case DATE -> rs.getObject(column, LocalDate.class).toString();
        case NUMBER -> Double.toString(rs.getDouble(column));
        case INTEGER -> Long.toString(rs.getLong(column));
        case TIME -> rs.getObject(column, OffsetDateTime.class).toInstant().toString();
      };
    }

    /**
     * The cursor's key as a query parameter; a key that does not parse, or a date or time no row
     * can have (the sentinel 1900-01-01 and dates up to 2199), is a cursor this sort did not make.
     */
    Object parse(String key) {
      try {
        return switch (kind) {
          case TEXT -> key;
          case DATE -> Date.valueOf(withinRows(LocalDate.parse(key)));
          case NUMBER -> Double.parseDouble(key);
          case INTEGER -> Long.parseLong(key);
          case TIME -> {
            Instant t = Instant.parse(key);
            withinRows(t.atZone(ZoneOffset.UTC).toLocalDate());
            yield Timestamp.from(t);
          }
        };
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("the cursor does not belong to this sort");
      }
    }

    private static LocalDate withinRows(LocalDate d) {
      if (d.getYear() < 1900 || d.getYear() > 2199) {
        throw new IllegalArgumentException("no row has " + d);
      }
      return d;
    }
  }

  /**
   * Why {@code cursor} cannot continue a search sorted by {@code sort}, if it cannot (its key does
   * not parse as the sort's value): the routes answer 400 before any query runs.
   */
  public static Optional<String> cursorProblem(FleetSort sort, FleetCursor cursor) {
    if (cursor.key() == null) {
      return Optional.empty();
    }
    try {
      SortColumn.of(sort.field()).parse(cursor.key());
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** A WHERE clause built from conditions and their parameters. */
  private static final class Where {
    private final List<String> conditions = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    void add(String condition, Object... values) {
      conditions.add(condition);
      params.addAll(Arrays.asList(values));
    }

    /** Whether the conditions hold {@code column} to one value. */
    boolean fixes(String column) {
      return conditions.contains(column + " = ?");
    }

    void eq(String column, Object value) {
      if (value != null) {
        add(column + " = ?", value);
      }
    }

    PreparedStatement prepare(Connection c, String select, String tail) throws SQLException {
      return prepare(c, select, tail, List.of());
    }

    /**
     * {@code headParams} bind the placeholders of {@code select}, before those of the conditions.
     */
    PreparedStatement prepare(Connection c, String select, String tail, List<Object> headParams)
        throws SQLException {
      String sql =
          select
              + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
              + tail;
      PreparedStatement ps = c.prepareStatement(sql);
      int i = 1;
      for (Object p : headParams) {
        ps.setObject(i++, p);
      }
      for (Object p : params) {
        ps.setObject(i++, p);
      }
      return ps;
    }
  }
}
