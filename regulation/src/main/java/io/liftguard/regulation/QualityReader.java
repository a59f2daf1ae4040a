package io.liftguard.regulation;

import static io.liftguard.kernel.readside.Sql.instant;
import static io.liftguard.kernel.readside.Sql.prepare;
import static io.liftguard.kernel.readside.Sql.ts;

import io.liftguard.kernel.readside.ReadStore;
import io.liftguard.regulation.domain.Area;
import io.liftguard.regulation.domain.KpiRules;
import io.liftguard.regulation.domain.QualityRules;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Each elevator's record over a window for the quality evaluation ({@link QualityRules}), from the
 * fleet read model: its register row, its time on the platform within the window, the faults and
 * entrapments raised, complaints filed and first inspections in it. An elevator counts in the area
 * it is registered in now. Blocking JDBC on {@code executor}.
 */
public final class QualityReader {
  private static final double DAYS_PER_YEAR = 365.25;
  private final ReadStore store;
  private final Executor executor;

  public QualityReader(ReadStore store, Executor executor) {
    this.store = store;
    this.executor = executor;
  }

  /** The records of {@code area}'s elevators over {@code [from, to)}. */
  public CompletionStage<List<QualityRules.ElevatorRecord>> records(
      Area area, Instant from, Instant to) {
    return store.query(c -> records(c, area, from, to), executor, "quality query");
  }

  private static List<QualityRules.ElevatorRecord> records(
      Connection c, Area area, Instant from, Instant to) throws SQLException {
    AreaSql w = AreaSql.of(area);
    Map<String, long[]> counts =
        new HashMap<>(); // faults, entrapments, complaints, first inspections, first passed
    try (PreparedStatement ps =
            prepare(
                c,
                "SELECT h.elevator_id, h.kind, COUNT(*) FROM fleet_history_public h JOIN"
                    + " fleet_elevator_public f ON f.elevator_id = h.elevator_id WHERE"
                    + " h.occurred_at >= ? AND h.occurred_at < ? AND (h.kind = 'COMPLAINT' OR"
                    + " (h.kind IN ('FAULT', 'ENTRAPMENT') AND h.phase = 'RAISED'))"
                    + w.sql()
                    + " GROUP BY h.elevator_id, h.kind",
                w.with(ts(from), ts(to)));
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        int i =
            switch (rs.getString(2)) {
              case "FAULT" -> 0;
              case "ENTRAPMENT" -> 1;
              default -> 2;
            };
        counts.computeIfAbsent(rs.getString(1), k -> new long[5])[i] += rs.getLong(3);
      }
    }
    for (KpiRules.Inspection i : KpiReader.inspections(c, area, from, to)) {
      if (i.firstAttempt()) {
        long[] n = counts.computeIfAbsent(i.elevatorId(), k -> new long[5]);
        n[3]++;
        n[4] += i.passed() ? 1 : 0;
      }
    }
    List<QualityRules.ElevatorRecord> out = new ArrayList<>();
    try (PreparedStatement ps =
            prepare(
                c,
                "SELECT f.elevator_id, f.district, f.address, f.using_unit, f.manufacturer,"
                    + " f.model, f.maintenance_company, f.installation_date, f.registered_at FROM"
                    + " fleet_elevator_public f WHERE f.registered_at < ?"
                    + w.sql()
                    + " ORDER BY f.elevator_id",
                w.with(ts(to)));
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Instant registered = instant(rs, "registered_at");
        Instant since = registered.isAfter(from) ? registered : from;
        double years = Duration.between(since, to).toMillis() / 86_400_000.0 / DAYS_PER_YEAR;
        long[] n = counts.getOrDefault(rs.getString(1), new long[5]);
        out.add(
            new QualityRules.ElevatorRecord(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getDate(8).toLocalDate(),
                years,
                n[0],
                n[1],
                n[2],
                n[3],
                n[4]));
      }
    }
    return out;
  }
}
