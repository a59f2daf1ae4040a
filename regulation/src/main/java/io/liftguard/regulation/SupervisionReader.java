package io.liftguard.regulation;

import static io.liftguard.kernel.readside.Sql.prepare;

import io.liftguard.kernel.readside.ReadStore;
import io.liftguard.regulation.domain.ActionRules;
import io.liftguard.regulation.domain.Area;
import io.liftguard.twin.domain.BrakeType;
import io.liftguard.twin.domain.Rectification;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * What the regulator's lists read from the fleet read model: each elevator's facts for the action
 * lists ({@link ActionRules}) and the drum-brake campaign table. An elevator counts in the area it
 * is registered in now. Blocking JDBC on {@code executor}.
 */
public final class SupervisionReader {
  private final ReadStore store;
  private final Executor executor;

  public SupervisionReader(ReadStore store, Executor executor) {
    this.store = store;
    this.executor = executor;
  }

  /**
   * One drum-brake elevator in the campaign table; {@code status} NOT_STARTED when nothing is
   * recorded.
   */
  public record CampaignRow(
      String elevatorId,
      String district,
      String street,
      String address,
      LocalDate installed,
      String maintenanceCompany,
      Rectification.Status status,
      LocalDate since,
      String note) {}

  /** A page of the campaign table, with every status counted over the whole area. */
  public record CampaignPage(
      Map<Rectification.Status, Long> counts, long total, List<CampaignRow> items, String next) {}

  /** Every elevator of {@code area} with what the action lists look at. */
  public CompletionStage<List<ActionRules.Facts>> facts(Area area) {
    return query(
        c -> {
          AreaSql w = AreaSql.of(area);
          List<ActionRules.Facts> out = new ArrayList<>();
          try (PreparedStatement ps =
                  prepare(
                      c,
                      "SELECT f.elevator_id, f.district, f.street, f.address, f.installation_date,"
                          + " f.three_no, f.brake_type, f.next_inspection_due,"
                          + " f.last_inspection_passed, f.last_maintenance_date, f.risk_band,"
                          + " f.fault_risk, f.last_assessment_on, f.drum_rectification,"
                          + " f.drum_rectification_on FROM fleet_elevator_public f WHERE 1 = 1"
                          + w.sql()
                          + " ORDER BY f.elevator_id",
                      w.with());
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              Object passed = rs.getObject("last_inspection_passed");
              Object risk = rs.getObject("fault_risk");
              out.add(
                  new ActionRules.Facts(
                      rs.getString("elevator_id"),
                      rs.getString("district"),
                      rs.getString("street"),
                      rs.getString("address"),
                      day(rs, "installation_date"),
                      rs.getBoolean("three_no"),
                      rs.getString("brake_type") == null
                          ? null
                          : BrakeType.valueOf(rs.getString("brake_type")),
                      day(rs, "next_inspection_due"),
                      passed == null ? null : rs.getBoolean("last_inspection_passed"),
                      day(rs, "last_maintenance_date"),
                      rs.getString("risk_band"),
                      risk == null ? null : rs.getDouble("fault_risk"),
                      day(rs, "last_assessment_on"),
                      status(rs.getString("drum_rectification")),
                      day(rs, "drum_rectification_on")));
            }
          }
          return out;
        });
  }

  /**
   * The drum-brake campaign table of {@code area}: its drum-brake elevators by id after {@code
   * after}, of {@code status} when not null, at most {@code limit}; the counts are of the whole
   * area.
   */
  public CompletionStage<CampaignPage> drumBrakeCampaign(
      Area area, Rectification.Status status, String after, int limit) {
    return query(
        c -> {
          AreaSql w = AreaSql.of(area);
          String drum = "f.brake_type = '" + BrakeType.DRUM.name() + "'" + w.sql();
          Map<Rectification.Status, Long> counts = new EnumMap<>(Rectification.Status.class);
          for (Rectification.Status s : Rectification.Status.values()) {
            counts.put(s, 0L);
          }
          try (PreparedStatement ps =
                  prepare(
                      c,
                      "SELECT f.drum_rectification, COUNT(*) FROM fleet_elevator_public f WHERE "
                          + drum
                          + " GROUP BY f.drum_rectification",
                      w.with());
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              counts.merge(orNotStarted(status(rs.getString(1))), rs.getLong(2), Long::sum);
            }
          }
          String statusSql =
              status == null
                  ? ""
                  : status == Rectification.Status.NOT_STARTED
                      ? " AND (f.drum_rectification IS NULL OR f.drum_rectification = ?)"
                      : " AND f.drum_rectification = ?";
          List<Object> params = new ArrayList<>(w.params());
          if (status != null) {
            params.add(status.name());
          }
          params.add(after == null ? "" : after);
          params.add(limit + 1);
          List<CampaignRow> rows = new ArrayList<>();
          try (PreparedStatement ps =
                  prepare(
                      c,
                      "SELECT f.elevator_id, f.district, f.street, f.address, f.installation_date,"
                          + " f.maintenance_company, f.drum_rectification, f.drum_rectification_on,"
                          + " f.drum_rectification_note FROM fleet_elevator_public f WHERE "
                          + drum
                          + statusSql
                          + " AND f.elevator_id > ? ORDER BY f.elevator_id LIMIT ?",
                      params.toArray());
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              rows.add(
                  new CampaignRow(
                      rs.getString(1),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getString(4),
                      day(rs, "installation_date"),
                      rs.getString(6),
                      orNotStarted(status(rs.getString(7))),
                      day(rs, "drum_rectification_on"),
                      rs.getString(9)));
            }
          }
          String next = rows.size() > limit ? rows.get(limit - 1).elevatorId() : null;
          long total = counts.values().stream().mapToLong(Long::longValue).sum();
          return new CampaignPage(
              counts, total, List.copyOf(rows.subList(0, Math.min(limit, rows.size()))), next);
        });
  }

  private <T> CompletionStage<T> query(ReadStore.Work<T> work) {
    return store.query(work, executor, "supervision query");
  }

  private static LocalDate day(ResultSet rs, String column) throws SQLException {
    Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }

  private static Rectification.Status status(String s) {
    return s == null ? null : Rectification.Status.valueOf(s);
  }

  private static Rectification.Status orNotStarted(Rectification.Status s) {
    return s == null ? Rectification.Status.NOT_STARTED : s;
  }
}
