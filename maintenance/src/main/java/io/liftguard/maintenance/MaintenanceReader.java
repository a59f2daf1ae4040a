package io.liftguard.maintenance;

import static io.liftguard.kernel.readside.Sql.date;
import static io.liftguard.kernel.readside.Sql.prepare;
import static io.liftguard.kernel.readside.Sql.ts;

import io.liftguard.kernel.readside.ReadStore;
import io.liftguard.maintenance.domain.ElevatorCondition;
import io.liftguard.maintenance.domain.Performance;
import io.liftguard.maintenance.domain.Punctuality;
import io.liftguard.twin.domain.TwinRules;
import io.liftguard.twin.domain.risk.RiskModel;
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
 * Queries of the maintenance read model, joined with what the fleet read model publishes of each
 * elevator ({@code fleet_elevator_public}, {@code fleet_history_public}). Blocking JDBC on {@code
 * executor}.
 */
public final class MaintenanceReader {
  /** How far back the work list reads an elevator's history: the longest interval allowed, +30. */
  static final int HISTORY_DAYS = 120;

  /** One contract's version in force as the read model lists it. */
  public record ContractRow(
      String contractId,
      int version,
      String usingUnit,
      String company,
      String mode,
      int intervalDays,
      int elevators,
      LocalDate start,
      LocalDate end) {}

  /** Who asks for a list of contracts: exactly one of the three is set (none: everything). */
  public record Party(String company, String usingUnit, String district) {
    public static final Party ALL = new Party(null, null, null);
  }

  /**
   * One elevator of a company's contracts in force on a day, with what its schedule reads.
   *
   * @param onSite the visit checked in and not yet out, null if none
   */
  public record Covered(String contractId, ElevatorCondition condition, String onSite) {}

  private final ReadStore store;
  private final Executor executor;

  public MaintenanceReader(ReadStore store, Executor executor) {
    this.store = store;
    this.executor = executor;
  }

  /** The contracts {@code party} is party to (a regulator: covering an elevator of its area). */
  public CompletionStage<List<ContractRow>> contracts(Party party) {
    return async(
        c -> {
          String sql;
          Object[] params;
          if (party.company() != null) {
            sql = "SELECT * FROM maintenance_contract WHERE company = ? ORDER BY contract_id";
            params = new Object[] {party.company()};
          } else if (party.usingUnit() != null) {
            sql = "SELECT * FROM maintenance_contract WHERE using_unit = ? ORDER BY contract_id";
            params = new Object[] {party.usingUnit()};
          } else if (party.district() != null) {
            sql =
                "SELECT * FROM maintenance_contract k WHERE EXISTS (SELECT 1 FROM"
                    + " maintenance_contract_elevator ce JOIN fleet_elevator_public f ON"
                    + " f.elevator_id = ce.elevator_id WHERE ce.contract_id = k.contract_id AND"
                    + " f.district_key = ?) ORDER BY contract_id";
            params = new Object[] {party.district().toLowerCase(Locale.ROOT)};
          } else {
            sql = "SELECT * FROM maintenance_contract ORDER BY contract_id";
            params = new Object[] {};
          }
          return contractRows(c, sql, params);
        });
  }

  private static List<ContractRow> contractRows(Connection c, String sql, Object... params)
      throws SQLException {
    List<ContractRow> out = new ArrayList<>();
    try (PreparedStatement ps = prepare(c, sql, params);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new ContractRow(
                rs.getString("contract_id"),
                rs.getInt("version"),
                rs.getString("using_unit"),
                rs.getString("company"),
                rs.getString("mode"),
                rs.getInt("interval_days"),
                rs.getInt("elevators"),
                rs.getDate("start_day").toLocalDate(),
                rs.getDate("end_day").toLocalDate()));
      }
    }
    return out;
  }

  /** The contract covering {@code elevatorId} on {@code day}, whatever the company, if any. */
  public CompletionStage<Optional<ContractRow>> contractOf(String elevatorId, LocalDate day) {
    return async(
        c ->
            contractRows(
                    c,
                    "SELECT k.* FROM maintenance_contract k JOIN maintenance_contract_elevator ce"
                        + " ON ce.contract_id = k.contract_id WHERE ce.elevator_id = ? AND"
                        + " ce.start_day <= ? AND ce.end_day >= ? ORDER BY k.contract_id",
                    elevatorId,
                    date(day),
                    date(day))
                .stream()
                .findFirst());
  }

  /** The contract of {@code company} covering {@code elevatorId} on {@code day}, if any. */
  public CompletionStage<Optional<String>> coveringContract(
      String company, String elevatorId, LocalDate day) {
    return async(
        c -> {
          try (PreparedStatement ps =
                  prepare(
                      c,
                      "SELECT contract_id FROM maintenance_contract_elevator WHERE elevator_id = ?"
                          + " AND company = ? AND start_day <= ? AND end_day >= ? ORDER BY"
                          + " contract_id",
                      elevatorId,
                      company,
                      date(day),
                      date(day));
              ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
          }
        });
  }

  /**
   * Every elevator under a contract of {@code company} on {@code today}, with its condition as the
   * fleet read model has it: the last routine or on-demand visit, the risk band, drift warnings and
   * faults since that visit, faults in the last 90 days, and a visit checked in now.
   */
  public CompletionStage<List<Covered>> covered(String company, LocalDate today) {
    return async(c -> covered(c, company, today));
  }

  static List<Covered> covered(Connection c, String company, LocalDate today) throws SQLException {
    return covered(c, "ce.company = ?", List.of(company), today);
  }

  /**
   * Every one of {@code elevatorIds} under a contract on {@code today}, whatever the company, with
   * its condition (as {@link #covered(String, LocalDate)}); one not under contract is left out.
   */
  public CompletionStage<List<Covered>> coveredElevators(
      java.util.Collection<String> elevatorIds, LocalDate today) {
    if (elevatorIds.isEmpty()) {
      return java.util.concurrent.CompletableFuture.completedFuture(List.of());
    }
    List<Object> ids = List.copyOf(elevatorIds);
    String in =
        "ce.elevator_id IN ("
            + String.join(", ", java.util.Collections.nCopies(ids.size(), "?"))
            + ")";
    return async(c -> covered(c, in, ids, today));
  }

  /** The covered elevators {@code filter} (on {@code ce}, with {@code params}) keeps. */
  private static List<Covered> covered(
      Connection c, String filter, List<Object> params, LocalDate today) throws SQLException {
    Map<String, Row> rows = new LinkedHashMap<>();
    try (PreparedStatement ps =
            prepare(
                c,
                "SELECT ce.contract_id, ce.elevator_id, f.risk_band, f.last_maintenance_date FROM"
                    + " maintenance_contract_elevator ce LEFT JOIN fleet_elevator_public f ON"
                    + " f.elevator_id = ce.elevator_id WHERE "
                    + filter
                    + " AND ce.start_day <= ? AND ce.end_day >= ? ORDER BY ce.elevator_id,"
                    + " ce.contract_id",
                with(params, date(today), date(today)));
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String band = rs.getString("risk_band");
        java.sql.Date last = rs.getDate("last_maintenance_date");
        rows.putIfAbsent(
            rs.getString("elevator_id"),
            new Row(
                rs.getString("contract_id"),
                band == null ? null : RiskModel.Band.valueOf(band),
                last == null ? null : last.toLocalDate()));
      }
    }
    Instant since = start(today.minusDays(HISTORY_DAYS));
    try (PreparedStatement ps =
            prepare(
                c,
                "SELECT h.elevator_id, h.kind, h.phase, h.event_type, h.event_id, h.occurred_at"
                    + " FROM fleet_history_public h JOIN maintenance_contract_elevator ce ON"
                    + " ce.elevator_id = h.elevator_id WHERE "
                    + filter
                    + " AND ce.start_day <= ? AND ce.end_day >= ? AND h.occurred_at >= ? AND"
                    + " h.kind IN ('FAULT', 'WARNING', 'MAINTENANCE', 'ON_SITE') ORDER BY"
                    + " h.elevator_id, h.occurred_at, h.seq_nr",
                with(params, date(today), date(today), ts(since)));
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Row row = rows.get(rs.getString("elevator_id"));
        if (row != null) {
          row.history.add(
              new Entry(
                  rs.getString("kind"),
                  rs.getString("phase"),
                  rs.getString("event_type"),
                  rs.getString("event_id"),
                  TwinRules.today(rs.getTimestamp("occurred_at").toInstant())));
        }
      }
    }
    List<Covered> out = new ArrayList<>(rows.size());
    rows.forEach((id, row) -> out.add(row.covered(id, today)));
    return out;
  }

  private static Object[] with(List<Object> params, Object... more) {
    List<Object> all = new ArrayList<>(params);
    all.addAll(List.of(more));
    return all.toArray();
  }

  /** One row of an elevator's recent history, as the schedule reads it. */
  record Entry(String kind, String phase, String eventType, String eventId, LocalDate on) {}

  /** What the read model holds of one covered elevator, while it is read. */
  private static final class Row {
    final String contractId;
    final RiskModel.Band band;
    final LocalDate registerLastVisit;
    final List<Entry> history = new ArrayList<>();

    Row(String contractId, RiskModel.Band band, LocalDate registerLastVisit) {
      this.contractId = contractId;
      this.band = band;
      this.registerLastVisit = registerLastVisit;
    }

    Covered covered(String elevatorId, LocalDate today) {
      return MaintenanceReader.covered(
          contractId, elevatorId, band, registerLastVisit, history, today);
    }
  }

  /**
   * The condition of one elevator from its recent history (oldest first): the last routine or
   * on-demand visit (else the register's last maintenance day), what came after it, and a visit
   * checked in and not out.
   */
  static Covered covered(
      String contractId,
      String elevatorId,
      RiskModel.Band band,
      LocalDate registerLastVisit,
      List<Entry> history,
      LocalDate today) {
    LocalDate lastVisit = registerLastVisit;
    for (Entry e : history) {
      if (isScheduledVisit(e.kind(), e.eventType())
          && (lastVisit == null || e.on().isAfter(lastVisit))) {
        lastVisit = e.on();
      }
    }
    List<ElevatorCondition.DriftWarning> warnings = new ArrayList<>();
    int faultsSince = 0;
    int faults90 = 0;
    String onSite = null;
    for (Entry e : history) {
      boolean afterVisit = lastVisit == null || !e.on().isBefore(lastVisit);
      if (e.kind().equals("FAULT") && "RAISED".equals(e.phase())) {
        faults90 += e.on().isBefore(today.minusDays(90)) ? 0 : 1;
        faultsSince += afterVisit ? 1 : 0;
      } else if (e.kind().equals("WARNING") && afterVisit) {
        warnings.add(
            new ElevatorCondition.DriftWarning(
                e.eventType().toLowerCase(Locale.ROOT).replace('_', ' '), e.on()));
      } else if (e.kind().equals("ON_SITE")) {
        onSite = e.eventType().equals("CHECKED_IN") ? e.eventId() : null;
      }
    }
    return new Covered(
        contractId,
        new ElevatorCondition(elevatorId, lastVisit, band, warnings, faultsSince, faults90),
        onSite);
  }

  /**
   * What was done under contract {@code contractId} from {@code from} up to (not including) {@code
   * to}, counted up to {@code today}: the elevator-years covered, faults and entrapments raised,
   * first periodic inspections and how many passed, rescues and how many were on site within {@code
   * responseMinutes}, visits due by {@code intervalDays} (a fixed cycle, or the on-demand maximum)
   * and how many were done by their day. From the fleet's and the rescue centre's public views.
   */
  public CompletionStage<Performance> performance(
      String contractId,
      LocalDate from,
      LocalDate to,
      LocalDate today,
      int responseMinutes,
      int intervalDays) {
    return async(
        c -> {
          LocalDate until = to.isAfter(today.plusDays(1)) ? today.plusDays(1) : to;
          long elevatorDays = 0;
          Map<String, List<LocalDate>> visits = new LinkedHashMap<>();
          try (PreparedStatement ps =
                  prepare(
                      c,
                      "SELECT ce.elevator_id, ce.start_day, ce.end_day, f.last_maintenance_date"
                          + " FROM maintenance_contract_elevator ce LEFT JOIN fleet_elevator_public"
                          + " f ON f.elevator_id = ce.elevator_id WHERE ce.contract_id = ?",
                      contractId);
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              LocalDate start = max(rs.getDate("start_day").toLocalDate(), from);
              LocalDate end = min(rs.getDate("end_day").toLocalDate().plusDays(1), until);
              elevatorDays += Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(start, end));
              List<LocalDate> v = new ArrayList<>();
              java.sql.Date registered = rs.getDate("last_maintenance_date");
              if (registered != null && registered.toLocalDate().isBefore(from)) {
                v.add(
                    registered
                        .toLocalDate()); // the visit before the period, if none is in the history
              }
              visits.put(rs.getString("elevator_id"), v);
            }
          }
          long faults = 0;
          long entrapments = 0;
          long inspections = 0;
          long passedFirst = 0;
          java.util.Set<String> inspected = new java.util.HashSet<>();
          try (PreparedStatement ps =
                  prepare(
                      c,
                      "SELECT h.elevator_id, h.kind, h.phase, h.event_type, h.occurred_at FROM"
                          + " fleet_history_public h JOIN maintenance_contract_elevator ce ON"
                          + " ce.elevator_id = h.elevator_id AND ce.contract_id = ? WHERE"
                          + " h.occurred_at >= ? AND h.occurred_at < ? AND h.kind IN ('FAULT',"
                          + " 'ENTRAPMENT', 'INSPECTION', 'MAINTENANCE') ORDER BY h.elevator_id,"
                          + " h.occurred_at, h.seq_nr",
                      contractId,
                      ts(start(from.minusDays(intervalDays))),
                      ts(start(until)));
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              String elevator = rs.getString("elevator_id");
              String kind = rs.getString("kind");
              String type = rs.getString("event_type");
              LocalDate on = TwinRules.today(rs.getTimestamp("occurred_at").toInstant());
              boolean inPeriod = !on.isBefore(from);
              if (isScheduledVisit(kind, type)) {
                List<LocalDate> v = visits.get(elevator);
                if (!v.isEmpty() && !on.isAfter(v.get(v.size() - 1))) {
                  continue; // the register's day, or a second visit the same day
                }
                v.add(on);
              } else if (inPeriod && "RAISED".equals(rs.getString("phase"))) {
                faults += kind.equals("FAULT") ? 1 : 0;
                entrapments += kind.equals("ENTRAPMENT") ? 1 : 0;
              } else if (inPeriod && kind.equals("INSPECTION") && inspected.add(elevator)) {
                inspections++;
                passedFirst += "PASSED".equals(type) ? 1 : 0;
              }
            }
          }
          Punctuality punctual = new Punctuality(0, 0);
          for (List<LocalDate> v : visits.values()) {
            punctual = punctual.plus(Punctuality.of(v, intervalDays, from, until));
          }
          long rescues = 0;
          long inTime = 0;
          try (PreparedStatement ps =
                  prepare(
                      c,
                      "SELECT r.alarm_at, r.arrived_at FROM rescue_case_public r JOIN"
                          + " maintenance_contract_elevator ce ON ce.elevator_id = r.elevator_id"
                          + " AND ce.contract_id = ? WHERE r.alarm_at >= ? AND r.alarm_at < ?",
                      contractId,
                      ts(start(from)),
                      ts(start(until)));
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              rescues++;
              Instant alarm = rs.getTimestamp("alarm_at").toInstant();
              java.sql.Timestamp arrived = rs.getTimestamp("arrived_at");
              if (arrived != null
                  && !arrived.toInstant().isAfter(alarm.plusSeconds(60L * responseMinutes))) {
                inTime++;
              }
            }
          }
          return new Performance(
              java.math.BigDecimal.valueOf(elevatorDays)
                  .divide(java.math.BigDecimal.valueOf(365), 6, java.math.RoundingMode.HALF_EVEN),
              entrapments,
              faults,
              inspections,
              passedFirst,
              rescues,
              inTime,
              punctual.due(),
              punctual.onTime());
        });
  }

  /**
   * A history row of a routine or on-demand visit: what a schedule counts from (a repair or a
   * rescue is not one).
   */
  private static boolean isScheduledVisit(String kind, String eventType) {
    return kind.equals("MAINTENANCE")
        && (eventType.equals("ROUTINE") || eventType.equals("ON_DEMAND"));
  }

  private static Instant start(LocalDate day) {
    return day.atStartOfDay(TwinRules.CALENDAR).toInstant();
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  private <T> CompletionStage<T> async(ReadStore.Work<T> work) {
    return store.query(work, executor, "maintenance read model query");
  }
}
