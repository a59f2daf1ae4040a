package io.liftguard.rescue;

import static io.liftguard.kernel.readside.Sql.instant;
import static io.liftguard.kernel.readside.Sql.prepare;

import io.liftguard.kernel.readside.ReadStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Queries of the rescue read model: open cases (all, or a district's), one case, an elevator's open
 * case. Blocking JDBC on {@code executor}.
 */
public final class RescueReader {
  /** One case as the read model has it; a step's time is null until it happened. */
  public record CaseRow(
      String caseId,
      String elevatorId,
      String district,
      String source,
      String twinEventId,
      String step,
      boolean open,
      Instant alarmAt,
      Instant acknowledgedAt,
      Instant dispatchedAt,
      Instant arrivedAt,
      Instant releasedAt,
      Instant closedAt,
      List<String> escalations) {}

  /** A page of cases; {@code next} is the case id to continue after, null at the end. */
  public record Page(List<CaseRow> items, String next) {}

  private final ReadStore store;
  private final Executor executor;

  public RescueReader(ReadStore store, Executor executor) {
    this.store = store;
    this.executor = executor;
  }

  /**
   * Open cases ordered by case id, after {@code after}; {@code district} null means every district.
   */
  public CompletionStage<Page> openCases(String district, String after, int limit) {
    return async(
        c -> {
          String sql =
              "SELECT * FROM rescue_case WHERE is_open = TRUE AND case_id > ?"
                  + (district == null ? "" : " AND district_key = ?")
                  + " ORDER BY case_id LIMIT "
                  + (limit + 1);
          Object[] params =
              district == null
                  ? new Object[] {after == null ? "" : after}
                  : new Object[] {after == null ? "" : after, district.toLowerCase(Locale.ROOT)};
          List<CaseRow> rows = rows(c, sql, params);
          String next = rows.size() > limit ? rows.get(limit - 1).caseId() : null;
          return new Page(List.copyOf(rows.subList(0, Math.min(limit, rows.size()))), next);
        });
  }

  /** How many cases are open in the whole city now. */
  public CompletionStage<Long> openCount() {
    return async(
        c -> {
          try (PreparedStatement ps =
                  prepare(c, "SELECT COUNT(*) FROM rescue_case WHERE is_open = TRUE");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  public CompletionStage<Optional<CaseRow>> get(String caseId) {
    return async(
        c -> rows(c, "SELECT * FROM rescue_case WHERE case_id = ?", caseId).stream().findFirst());
  }

  /** The elevator's open case (the newest if several), if any. */
  public CompletionStage<Optional<CaseRow>> openCaseFor(String elevatorId) {
    return async(c -> openCaseFor(c, elevatorId));
  }

  /** The district the fleet read model registers the elevator in, if it knows the elevator. */
  public CompletionStage<Optional<String>> districtOf(String elevatorId) {
    return async(
        c -> {
          try (PreparedStatement ps =
                  prepare(
                      c,
                      "SELECT district FROM fleet_elevator_public WHERE elevator_id = ?",
                      elevatorId);
              ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
          }
        });
  }

  static Optional<CaseRow> openCaseFor(Connection c, String elevatorId) throws SQLException {
    return rows(
            c,
            "SELECT * FROM rescue_case WHERE elevator_id = ? AND is_open = TRUE ORDER BY alarm_at"
                + " DESC",
            elevatorId)
        .stream()
        .findFirst();
  }

  private static List<CaseRow> rows(Connection c, String sql, Object... params)
      throws SQLException {
    List<CaseRow> out = new ArrayList<>();
    try (PreparedStatement ps = prepare(c, sql, params);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String escalations = rs.getString("escalations");
        out.add(
            new CaseRow(
                rs.getString("case_id"),
                rs.getString("elevator_id"),
                rs.getString("district"),
                rs.getString("source"),
                rs.getString("twin_event_id"),
                rs.getString("step"),
                rs.getBoolean("is_open"),
                instant(rs, "alarm_at"),
                instant(rs, "acknowledged_at"),
                instant(rs, "dispatched_at"),
                instant(rs, "arrived_at"),
                instant(rs, "released_at"),
                instant(rs, "closed_at"),
                escalations == null || escalations.isEmpty()
                    ? List.of()
                    : Arrays.asList(escalations.split(","))));
      }
    }
    return out;
  }

  private <T> CompletionStage<T> async(ReadStore.Work<T> work) {
    return store.query(work, executor, "rescue read model query");
  }
}
