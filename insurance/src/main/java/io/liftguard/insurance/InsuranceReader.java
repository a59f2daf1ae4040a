package io.liftguard.insurance;

import static io.liftguard.kernel.readside.Sql.instant;
import static io.liftguard.kernel.readside.Sql.prepare;
import static io.liftguard.kernel.readside.Sql.ts;

import io.liftguard.insurance.domain.ClaimsExperience;
import io.liftguard.insurance.domain.Cny;
import io.liftguard.insurance.domain.PolicyState;
import io.liftguard.insurance.domain.Portfolio;
import io.liftguard.kernel.readside.ReadStore;
import io.liftguard.twin.domain.EventType;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Queries of the insurance read model: policies by insurer, what covers an elevator, an elevator's
 * claims experience across its policies, the portfolio and the bordereau. Blocking JDBC on {@code
 * executor}; {@code insurer} null means every insurer (an admin).
 */
public final class InsuranceReader {
  /** One policy as listed. */
  public record PolicySummary(
      String policyId,
      String insurer,
      String policyholder,
      String product,
      String status,
      LocalDate termStart,
      LocalDate termEnd,
      int elevators,
      BigDecimal annualPremium) {}

  /** A page of policies; {@code next} is the id to continue after, null at the end. */
  public record PolicyPage(List<PolicySummary> items, String next) {}

  /** A policy covering an elevator, as a claim or a re-rating needs it. */
  public record Cover(
      String policyId,
      String insurer,
      String policyholder,
      String product,
      String productVersion,
      String status,
      BigDecimal annualPremium) {}

  /** An entrapment the fleet read model recorded. */
  public record Entrapment(
      String elevatorId, String eventId, EventType type, Instant occurredAt, String recordedBy) {}

  private final ReadStore store;
  private final Executor executor;

  public InsuranceReader(ReadStore store, Executor executor) {
    this.store = store;
    this.executor = executor;
  }

  /** The bound policies (any status but quoted) that cover {@code elevatorId}, newest first. */
  public List<Cover> coversNow(String elevatorId) throws SQLException {
    return store.transaction(c -> covers(c, elevatorId));
  }

  public CompletionStage<List<Cover>> covers(String elevatorId) {
    return async(c -> covers(c, elevatorId));
  }

  /**
   * The entrapments raised on {@code elevatorIds} that occurred in {@code [from, to)}, from the
   * fleet read model.
   */
  public CompletionStage<List<Entrapment>> entrapments(
      List<String> elevatorIds, Instant from, Instant to) {
    return async(
        c -> {
          List<Entrapment> all = new ArrayList<>();
          for (String id : elevatorIds) {
            try (ResultSet rs =
                query(
                    c,
                    "SELECT event_id, event_type, occurred_at, recorded_by FROM"
                        + " fleet_history_public WHERE elevator_id = ? AND kind = 'ENTRAPMENT' AND"
                        + " phase = 'RAISED' AND occurred_at >= ? AND occurred_at < ? ORDER BY"
                        + " seq_nr",
                    id,
                    ts(from),
                    ts(to))) {
              while (rs.next()) {
                all.add(
                    new Entrapment(
                        id,
                        rs.getString(1),
                        EventType.valueOf(rs.getString(2)),
                        instant(rs, "occurred_at"),
                        rs.getString(4)));
              }
            }
          }
          return all;
        });
  }

  /** Ids of active policies after {@code after} (null: from the first), in id order. */
  public CompletionStage<List<String>> activePolicies(String after, int limit) {
    return async(
        c -> {
          List<String> ids = new ArrayList<>();
          try (PreparedStatement ps =
                  prepare(
                      c,
                      "SELECT policy_id FROM ins_policy WHERE status = ? AND policy_id > ? "
                          + "ORDER BY policy_id LIMIT "
                          + limit,
                      PolicyState.Status.ACTIVE.name(),
                      after == null ? "" : after);
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              ids.add(rs.getString(1));
            }
          }
          return ids;
        });
  }

  /**
   * A page of policies after {@code after}: of {@code insurer} and held by {@code policyholder}
   * when they are given.
   */
  public CompletionStage<PolicyPage> policies(
      String insurer, String policyholder, String after, int limit) {
    return async(
        c -> {
          List<PolicySummary> items = new ArrayList<>();
          List<Object> params = new ArrayList<>(List.of(after == null ? "" : after));
          String sql = "SELECT * FROM ins_policy WHERE policy_id > ?";
          if (insurer != null) {
            sql += " AND insurer = ?";
            params.add(insurer);
          }
          if (policyholder != null) {
            sql += " AND policyholder = ?";
            params.add(policyholder);
          }
          sql += " ORDER BY policy_id LIMIT " + (limit + 1);
          try (ResultSet rs = query(c, sql, params.toArray())) {
            while (rs.next()) {
              items.add(
                  new PolicySummary(
                      rs.getString("policy_id"),
                      rs.getString("insurer"),
                      rs.getString("policyholder"),
                      rs.getString("product"),
                      rs.getString("status").toLowerCase(Locale.ROOT),
                      rs.getDate("term_start").toLocalDate(),
                      rs.getDate("term_end").toLocalDate(),
                      rs.getInt("elevators"),
                      rs.getBigDecimal("annual_premium")));
            }
          }
          String next = items.size() > limit ? items.get(limit - 1).policyId() : null;
          return new PolicyPage(List.copyOf(items.subList(0, Math.min(limit, items.size()))), next);
        });
  }

  /**
   * The elevator's claims experience over all its policies' closed periods: what a new quote is
   * priced with.
   */
  public CompletionStage<Map<String, ClaimsExperience>> experience(List<String> elevatorIds) {
    return async(
        c -> {
          Map<String, ClaimsExperience> all = new LinkedHashMap<>();
          for (String id : elevatorIds) {
            BigDecimal exposure = BigDecimal.ZERO;
            BigDecimal expected = BigDecimal.ZERO;
            try (PreparedStatement ps =
                    prepare(
                        c,
                        "SELECT COALESCE(SUM(exposure_years), 0), COALESCE(SUM(expected_claims), 0)"
                            + " FROM ins_period WHERE elevator_id = ?",
                        id);
                ResultSet rs = ps.executeQuery()) {
              if (rs.next()) {
                exposure = rs.getBigDecimal(1);
                expected = rs.getBigDecimal(2);
              }
            }
            long claims = 0;
            if (exposure.signum() > 0) {
              try (PreparedStatement ps =
                      prepare(
                          c,
                          "SELECT COUNT(*) FROM ins_claim WHERE elevator_id = ? AND status <>"
                              + " 'REJECTED'",
                          id);
                  ResultSet rs = ps.executeQuery()) {
                rs.next();
                claims = rs.getLong(1);
              }
            }
            all.put(id, new ClaimsExperience(exposure, claims, expected));
          }
          return all;
        });
  }

  public CompletionStage<Portfolio> portfolio(
      String insurer, Instant from, Instant to, Instant now) {
    return async(
        c -> {
          Map<String, Long> policies = new LinkedHashMap<>();
          for (PolicyState.Status s : PolicyState.Status.values()) {
            if (s != PolicyState.Status.NONE) {
              policies.put(s.name().toLowerCase(Locale.ROOT), 0L);
            }
          }
          try (ResultSet rs =
              query(
                  c,
                  "SELECT status, COUNT(*) FROM ins_policy WHERE insurer = ? GROUP BY status",
                  insurer)) {
            while (rs.next()) {
              policies.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getLong(2));
            }
          }
          long covered;
          BigDecimal inForce;
          try (ResultSet rs =
              query(
                  c,
                  "SELECT COUNT(*), COALESCE(SUM(annual_premium), 0) FROM ins_coverage "
                      + "WHERE insurer = ? AND status = 'ACTIVE'",
                  insurer)) {
            rs.next();
            covered = rs.getLong(1);
            inForce = rs.getBigDecimal(2);
          }
          BigDecimal exposure;
          BigDecimal earned;
          BigDecimal expected;
          try (ResultSet rs =
              query(
                  c,
                  "SELECT COALESCE(SUM(exposure_years), 0), COALESCE(SUM(earned_premium), 0),"
                      + " COALESCE(SUM(expected_loss), 0) FROM ins_period WHERE insurer = ? AND"
                      + " period_end > ? AND period_end <= ?",
                  insurer,
                  ts(from),
                  ts(to))) {
            rs.next();
            exposure = rs.getBigDecimal(1);
            earned = rs.getBigDecimal(2);
            expected = rs.getBigDecimal(3);
          }
          BigDecimal written;
          try (ResultSet rs =
              query(
                  c,
                  "SELECT COALESCE(SUM(written_premium), 0) FROM ins_policy WHERE insurer = ? "
                      + "AND cover_from >= ? AND cover_from < ?",
                  insurer,
                  ts(from),
                  ts(to))) {
            rs.next();
            written = rs.getBigDecimal(1);
          }
          long claims;
          BigDecimal incurred;
          try (ResultSet rs =
              query(
                  c,
                  "SELECT COUNT(*), COALESCE(SUM(amount), 0) FROM ins_claim WHERE insurer = ? "
                      + "AND status <> 'REJECTED' AND occurred_at >= ? AND occurred_at < ?",
                  insurer,
                  ts(from),
                  ts(to))) {
            rs.next();
            claims = rs.getLong(1);
            incurred = rs.getBigDecimal(2);
          }
          Map<String, Long> changes = new LinkedHashMap<>();
          Portfolio.CHANGE_BUCKETS.forEach(b -> changes.put(b, 0L));
          long bounded = 0;
          BigDecimal largest = BigDecimal.ZERO;
          try (ResultSet rs =
              query(
                  c,
                  "SELECT old_premium, new_premium, period_start_premium, bounded FROM"
                      + " ins_premium_change WHERE insurer = ? AND changed_at >= ? AND changed_at <"
                      + " ?",
                  insurer,
                  ts(from),
                  ts(to))) {
            while (rs.next()) {
              changes.merge(
                  Portfolio.bucket(rs.getBigDecimal(1), rs.getBigDecimal(2)), 1L, Long::sum);
              bounded += rs.getBoolean(4) ? 1 : 0;
              BigDecimal start = rs.getBigDecimal(3);
              if (start.signum() > 0) {
                BigDecimal move =
                    rs.getBigDecimal(2).divide(start, Cny.EXACT).subtract(BigDecimal.ONE).abs();
                largest = largest.max(move);
              }
            }
          }
          long overdue;
          try (ResultSet rs =
              query(
                  c,
                  "SELECT COUNT(*) FROM ins_service_action WHERE insurer = ? AND completed_at IS"
                      + " NULL AND due_by < ?",
                  insurer,
                  ts(now))) {
            rs.next();
            overdue = rs.getLong(1);
          }
          List<Portfolio.RiskyElevator> risky = new ArrayList<>();
          try (ResultSet rs =
              query(
                  c,
                  "SELECT v.elevator_id, v.policy_id, f.district, f.risk_band, f.fault_risk,"
                      + " f.entrapment_risk, v.annual_premium FROM ins_coverage v JOIN"
                      + " fleet_elevator_public f ON f.elevator_id = v.elevator_id WHERE v.insurer"
                      + " = ? AND v.status = 'ACTIVE' AND f.fault_risk IS NOT NULL ORDER BY"
                      + " f.fault_risk DESC, v.elevator_id LIMIT 10",
                  insurer)) {
            while (rs.next()) {
              risky.add(
                  new Portfolio.RiskyElevator(
                      rs.getString(1),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getDouble(5),
                      rs.getDouble(6),
                      rs.getBigDecimal(7)));
            }
          }
          return new Portfolio(
              insurer,
              from,
              to,
              policies,
              covered,
              inForce,
              exposure.setScale(4, Cny.FACTOR_ROUNDING),
              written,
              earned,
              claims,
              incurred,
              ratio(incurred, earned),
              expected,
              ratio(expected, earned),
              changes,
              bounded,
              largest.setScale(4, Cny.FACTOR_ROUNDING),
              overdue,
              risky);
        });
  }

  /** What a bordereau lists. */
  public enum BordereauKind {
    POLICIES,
    CLAIMS
  }

  /**
   * The bordereau as CSV: the policies in force at any time in {@code [from, to)} with their
   * premium earned in it, or the claims whose loss occurred in it.
   */
  public CompletionStage<String> bordereau(
      String insurer, BordereauKind kind, Instant from, Instant to) {
    return async(
        c -> {
          StringBuilder csv = new StringBuilder();
          if (kind == BordereauKind.POLICIES) {
            csv.append(
                csvHeader(
                    "policy_id",
                    "insurer",
                    "policyholder",
                    "product",
                    "product_version",
                    "status",
                    "term_start",
                    "term_end",
                    "cover_from",
                    "closed_at",
                    "elevators",
                    "annual_premium",
                    "written_premium",
                    "exposure_years",
                    "earned_premium"));
            try (ResultSet rs =
                query(
                    c,
                    "SELECT p.*, (SELECT COALESCE(SUM(exposure_years), 0) FROM ins_period e WHERE"
                        + " e.policy_id = p.policy_id AND e.period_end > ? AND e.period_end <= ?)"
                        + " AS exposure, (SELECT COALESCE(SUM(earned_premium), 0) FROM ins_period e"
                        + " WHERE e.policy_id = p.policy_id AND e.period_end > ? AND e.period_end"
                        + " <= ?) AS earned FROM ins_policy p WHERE p.insurer = ? AND p.cover_from"
                        + " IS NOT NULL AND p.cover_from < ? AND (p.closed_at IS NULL OR"
                        + " p.closed_at > ?) ORDER BY p.policy_id",
                    ts(from),
                    ts(to),
                    ts(from),
                    ts(to),
                    insurer,
                    ts(to),
                    ts(from))) {
              while (rs.next()) {
                row(
                    csv,
                    rs.getString("policy_id"),
                    rs.getString("insurer"),
                    rs.getString("policyholder"),
                    rs.getString("product"),
                    rs.getString("product_version"),
                    rs.getString("status"),
                    rs.getDate("term_start"),
                    rs.getDate("term_end"),
                    instant(rs, "cover_from"),
                    instant(rs, "closed_at"),
                    rs.getInt("elevators"),
                    rs.getBigDecimal("annual_premium"),
                    rs.getBigDecimal("written_premium"),
                    rs.getBigDecimal("exposure").setScale(4, Cny.FACTOR_ROUNDING),
                    rs.getBigDecimal("earned"));
              }
            }
          } else {
            csv.append(
                "claim_id,policy_id,elevator_id,insurer,source,cause,status,amount,occurred_at,"
                    + "opened_at,updated_at\r\n");
            try (ResultSet rs =
                query(
                    c,
                    "SELECT * FROM ins_claim WHERE insurer = ? AND occurred_at >= ? AND occurred_at"
                        + " < ? ORDER BY occurred_at, claim_id",
                    insurer,
                    ts(from),
                    ts(to))) {
              while (rs.next()) {
                row(
                    csv,
                    rs.getString("claim_id"),
                    rs.getString("policy_id"),
                    rs.getString("elevator_id"),
                    rs.getString("insurer"),
                    rs.getString("source"),
                    rs.getString("cause"),
                    rs.getString("status"),
                    rs.getBigDecimal("amount"),
                    instant(rs, "occurred_at"),
                    instant(rs, "opened_at"),
                    instant(rs, "updated_at"));
              }
            }
          }
          return csv.toString();
        });
  }

  private static List<Cover> covers(Connection c, String elevatorId) throws SQLException {
    List<Cover> covers = new ArrayList<>();
    try (ResultSet rs =
        query(
            c,
            "SELECT v.policy_id, v.insurer, p.policyholder, v.product, p.product_version, v.status,"
                + " v.annual_premium FROM ins_coverage v JOIN ins_policy p ON p.policy_id ="
                + " v.policy_id WHERE v.elevator_id = ? AND v.status <> ? ORDER BY p.quoted_at"
                + " DESC",
            elevatorId,
            PolicyState.Status.QUOTED.name())) {
      while (rs.next()) {
        covers.add(
            new Cover(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getBigDecimal(7)));
      }
    }
    return covers;
  }

  /** The active cover of an elevator, if any (for the twin's JSON). */
  public CompletionStage<Optional<Cover>> activeCover(String elevatorId) {
    return covers(elevatorId)
        .thenApply(
            all ->
                all.stream()
                    .filter(c -> c.status().equals(PolicyState.Status.ACTIVE.name()))
                    .findFirst());
  }

  private static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
    return whole.signum() == 0 ? null : part.divide(whole, 4, Cny.FACTOR_ROUNDING);
  }

  /** A result set whose statement closes with it. */
  private static ResultSet query(Connection c, String sql, Object... params) throws SQLException {
    PreparedStatement ps = prepare(c, sql, params);
    ps.closeOnCompletion();
    return ps.executeQuery();
  }

  /** One CSV row (RFC 4180: fields with a comma, quote or line break are quoted). */
  private static void row(StringBuilder csv, Object... fields) {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        csv.append(',');
      }
      String v = fields[i] == null ? "" : fields[i].toString();
      if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !(fields[i] instanceof Number)) {
        v = "'" + v; // a spreadsheet would run a text starting with these as a formula
      }
      if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
        v = '"' + v.replace("\"", "\"\"") + '"';
      }
      csv.append(v);
    }
    csv.append("\r\n");
  }

  private <T> CompletionStage<T> async(ReadStore.Work<T> work) {
    return store.query(work, executor, "insurance read model query");
  }

  private static String csvHeader(String... columns) {
    return String.join(",", columns) + "\r\n";
  }
}
