package io.liftguard.regulation;

import static io.liftguard.kernel.readside.Sql.date;
import static io.liftguard.kernel.readside.Sql.instant;
import static io.liftguard.kernel.readside.Sql.prepare;
import static io.liftguard.kernel.readside.Sql.ts;

import io.liftguard.kernel.readside.ReadStore;
import io.liftguard.regulation.domain.Area;
import io.liftguard.regulation.domain.KpiRules;
import io.liftguard.twin.domain.TwinRules;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The facts of a scope's month, from the fleet read model (elevators in service, inspections) and
 * the rescue read model (cases by their alarm). A month is a calendar month in the platform's
 * calendar (China time). An elevator counts in the district and street it is registered in now, and
 * so do its rescue cases and inspections. Blocking JDBC on {@code executor}.
 */
public final class KpiReader {
  /** A re-inspection within this long after a failure is not a first inspection. */
  static final Duration REINSPECTION = Duration.ofDays(90);

  /**
   * An elevator of {@code fleet_elevator_public f} installed before the (exclusive) end date bound
   * first.
   */
  private static final String IN_SERVICE = "f.installation_date < ?";

  private final ReadStore store;
  private final Executor executor;

  public KpiReader(ReadStore store, Executor executor) {
    this.store = store;
    this.executor = executor;
  }

  public CompletionStage<KpiRules.Facts> facts(Area scope, YearMonth month) {
    Instant from = month.atDay(1).atStartOfDay(TwinRules.CALENDAR).toInstant();
    Instant to = month.plusMonths(1).atDay(1).atStartOfDay(TwinRules.CALENDAR).toInstant();
    LocalDate monthEnd = month.plusMonths(1).atDay(1);
    return store.query(
        c ->
            new KpiRules.Facts(
                inService(c, scope, monthEnd),
                rescues(c, scope, from, to, monthEnd),
                inspections(c, scope, from, to)),
        executor,
        "KPI query");
  }

  /**
   * Elevators in service in the month: in the area and installed before the month's end, by the
   * register (not by when the platform learnt of them: a city loads its register and then its past
   * records). The register has no record of an elevator taken out of service yet, so none leaves
   * the count.
   */
  private static long inService(Connection c, Area scope, LocalDate monthEnd) throws SQLException {
    AreaSql w = AreaSql.of(scope);
    try (PreparedStatement ps =
            prepare(
                c,
                "SELECT COUNT(*) FROM fleet_elevator_public f WHERE " + IN_SERVICE + w.sql(),
                w.with(date(monthEnd)));
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * The month's rescue cases (by their alarm) on elevators {@link #inService} counts, so the rate's
   * numerator and denominator cover the same elevators in every scope.
   */
  private static List<KpiRules.Rescue> rescues(
      Connection c, Area scope, Instant from, Instant to, LocalDate monthEnd) throws SQLException {
    AreaSql w = AreaSql.of(scope);
    String sql =
        "SELECT r.case_id, r.elevator_id, r.alarm_at, r.acknowledged_at, r.arrived_at FROM"
            + " rescue_case_public r JOIN fleet_elevator_public f ON f.elevator_id = r.elevator_id"
            + " WHERE r.alarm_at >= ? AND r.alarm_at < ? AND "
            + IN_SERVICE
            + w.sql()
            + " ORDER BY r.alarm_at, r.case_id";
    List<KpiRules.Rescue> out = new ArrayList<>();
    try (PreparedStatement ps = prepare(c, sql, w.with(ts(from), ts(to), date(monthEnd)));
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new KpiRules.Rescue(
                rs.getString("case_id"),
                rs.getString("elevator_id"),
                instant(rs, "alarm_at"),
                instant(rs, "acknowledged_at"),
                instant(rs, "arrived_at")));
      }
    }
    return out;
  }

  /**
   * The month's inspections, each marked first or not from the failures of the 90 days before it.
   */
  static List<KpiRules.Inspection> inspections(Connection c, Area scope, Instant from, Instant to)
      throws SQLException {
    AreaSql w = AreaSql.of(scope);
    Map<String, LocalDate> lastFailure = new HashMap<>();
    List<KpiRules.Inspection> out = new ArrayList<>();
    try (PreparedStatement ps =
            prepare(
                c,
                "SELECT h.elevator_id, h.occurred_at, h.event_type FROM fleet_history_public h JOIN"
                    + " fleet_elevator_public f ON f.elevator_id = h.elevator_id WHERE h.kind ="
                    + " 'INSPECTION' AND h.occurred_at >= ? AND h.occurred_at < ?"
                    + w.sql()
                    + " ORDER BY h.occurred_at, h.seq_nr",
                w.with(ts(from.minus(REINSPECTION)), ts(to)));
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String elevator = rs.getString(1);
        Instant at = instant(rs, "occurred_at");
        LocalDate on =
            at.atZone(java.time.ZoneOffset.UTC).toLocalDate(); // recorded as the day's UTC midnight
        boolean passed = "PASSED".equals(rs.getString(3));
        LocalDate failed = lastFailure.get(elevator);
        boolean first = failed == null || failed.plusDays(REINSPECTION.toDays()).isBefore(on);
        if (!at.isBefore(from)) {
          out.add(new KpiRules.Inspection(elevator, on, passed, first));
        }
        if (!passed) {
          lastFailure.put(elevator, on);
        }
      }
    }
    return out;
  }
}
