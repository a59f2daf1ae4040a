package io.liftguard.fleet;

import static io.liftguard.fleet.Sql.prepare;

import io.liftguard.fleet.domain.GroupBy;
import io.liftguard.fleet.domain.GroupCounts;
import io.liftguard.fleet.domain.GroupCounts.Column;
import io.liftguard.fleet.domain.GroupCounts.Counted;
import io.liftguard.fleet.domain.GroupCounts.Counts;
import io.liftguard.fleet.domain.GroupCounts.Key;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The table of {@link GroupCounts} ({@code fleet_group_count}): the projection's change to it for a batch of events,
 * what an aggregate reads, and a fill from the elevator rows (a read model migrated from before the counters).
 */
final class GroupCountStore {
  /** The counted columns of fleet_elevator, in {@link Counted}'s order. */
  private static final String COUNTED = "elevator_id, district, district_key, street, maintenance_company, "
      + "manufacturer, insurer, building_type, using_unit, three_no, last_report_at IS NOT NULL AS reported, "
      + "open_faults > 0 AS open_faults, open_entrapments > 0 AS open_entrapment, "
      + "maintenance_due IS NOT NULL AS maintenance_due_known, next_inspection_due IS NOT NULL AS inspection_due_known, "
      + "risk_band, fault_risk, entrapment_risk";
  private static final String COLUMNS = Arrays.stream(Column.values()).map(c -> c.column)
      .collect(Collectors.joining(", "));
  private static final String INSERT = "INSERT INTO fleet_group_count (tag, scope_kind, scope_key, group_by, "
      + "group_key, " + COLUMNS + ") VALUES (" + String.join(", ", Collections.nCopies(Column.values().length + 5, "?"))
      + ")";
  private static final String KEY_MATCH =
      "tag = ? AND scope_kind = ? AND scope_key = ? AND group_by = ? AND group_key = ?";
  /** The rows {@link #fillIfEmpty} writes: a baseline no projection instance changes. */
  static final String FILLED = "";

  private GroupCountStore() {}

  /** The counted state of each of {@code elevatorIds} that has a row, by id. */
  static Map<String, Counted> counted(Connection c, Collection<String> elevatorIds) throws SQLException {
    Map<String, Counted> out = new HashMap<>();
    if (elevatorIds.isEmpty()) {
      return out;
    }
    String in = String.join(", ", elevatorIds.stream().map(id -> "?").toList());
    try (PreparedStatement ps = prepare(c, "SELECT " + COUNTED + " FROM fleet_elevator WHERE elevator_id IN (" + in
        + ")", elevatorIds.toArray()); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString("elevator_id"), counted(rs));
      }
    }
    return out;
  }

  private static Counted counted(ResultSet rs) throws SQLException {
    return new Counted(rs.getString("district"), rs.getString("district_key"), rs.getString("street"),
        rs.getString("maintenance_company"), rs.getString("manufacturer"), rs.getString("insurer"),
        rs.getString("building_type"), rs.getString("using_unit"), rs.getBoolean("three_no"),
        rs.getBoolean("reported"), rs.getBoolean("open_faults"), rs.getBoolean("open_entrapment"),
        rs.getBoolean("maintenance_due_known"), rs.getBoolean("inspection_due_known"), rs.getString("risk_band"),
        rs.getObject("fault_risk", Double.class), rs.getObject("entrapment_risk", Double.class));
  }

  /**
   * Adds what the rows of {@code elevatorIds} became since they were {@code before} (read again now; an elevator
   * without a row before was registered since) to {@code tag}'s counters: rows only this projection instance writes,
   * so instances of other tags never wait on its locks and no two insert the same row.
   */
  static void addChanges(Connection c, String tag, Collection<String> elevatorIds, Map<String, Counted> before)
      throws SQLException {
    Map<String, Counted> after = counted(c, elevatorIds);
    List<Map.Entry<Key, Counts>> delta = GroupCounts.delta(before.values(), after.values());
    if (delta.isEmpty()) {
      return;
    }
    String set = Arrays.stream(Column.values()).map(col -> col.column + " = " + col.column + " + ?")
        .collect(Collectors.joining(", "));
    List<Map.Entry<Key, Counts>> missing = new ArrayList<>();
    try (PreparedStatement update = c.prepareStatement("UPDATE fleet_group_count SET " + set + " WHERE " + KEY_MATCH)) {
      for (Map.Entry<Key, Counts> e : delta) {
        bindCounts(update, e.getValue(), 1);
        bindKey(update, tag, e.getKey(), Column.values().length + 1);
        update.addBatch();
      }
      int[] updated = update.executeBatch();
      for (int i = 0; i < updated.length; i++) {
        if (updated[i] == 0) {
          missing.add(delta.get(i));
        }
      }
    }
    insert(c, tag, missing);
  }

  private static void insert(Connection c, String tag, Collection<Map.Entry<Key, Counts>> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement insert = c.prepareStatement(INSERT)) {
      for (Map.Entry<Key, Counts> e : rows) {
        bindKey(insert, tag, e.getKey(), 1);
        bindCounts(insert, e.getValue(), 6);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static void bindCounts(PreparedStatement ps, Counts counts, int first) throws SQLException {
    for (Column col : Column.values()) {
      ps.setLong(first + col.ordinal(), counts.get(col));
    }
  }

  private static void bindKey(PreparedStatement ps, String tag, Key key, int first) throws SQLException {
    ps.setString(first, tag);
    ps.setString(first + 1, key.scope().name());
    ps.setString(first + 2, key.scopeKey());
    ps.setString(first + 3, key.groupBy().name());
    ps.setString(first + 4, key.groupKey());
  }

  /** The counts of every group of one view and grouping field that has elevators (summed over tags), in key order. */
  static Map<String, Counts> groups(Connection c, GroupCounts.ScopeKind scope, String scopeKey, GroupBy groupBy)
      throws SQLException {
    String sums = Arrays.stream(Column.values()).map(col -> "SUM(" + col.column + ") AS " + col.column)
        .collect(Collectors.joining(", "));
    Map<String, Counts> out = new LinkedHashMap<>();
    try (PreparedStatement ps = prepare(c, "SELECT group_key, " + sums + " FROM fleet_group_count WHERE "
        + "scope_kind = ? AND scope_key = ? AND group_by = ? GROUP BY group_key HAVING SUM(elevators) > 0 "
        + "ORDER BY group_key", scope.name(), scopeKey, groupBy.name()); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long[] v = new long[Column.values().length];
        for (Column col : Column.values()) {
          v[col.ordinal()] = rs.getLong(col.column);
        }
        out.put(rs.getString("group_key"), new Counts(v));
      }
    }
    return out;
  }

  /**
   * Fills the counters from the elevator rows when they are empty but the rows are not (a read model from before the
   * counters existed), under the tag {@link #FILLED}; done before the projections start.
   */
  static void fillIfEmpty(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
         ResultSet counters = s.executeQuery("SELECT COUNT(*) FROM fleet_group_count")) {
      counters.next();
      if (counters.getLong(1) > 0) {
        return;
      }
    }
    Map<Key, Counts> sum = new HashMap<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT " + COUNTED + " FROM fleet_elevator")) {
      while (rs.next()) {
        GroupCounts.contribution(counted(rs)).forEach((k, v) -> sum.merge(k, v, Counts::plus));
      }
    }
    insert(c, FILLED, sum.entrySet());
  }
}
