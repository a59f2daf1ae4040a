package io.liftguard.fleet;

import static io.liftguard.kernel.readside.Sql.date;
import static io.liftguard.kernel.readside.Sql.prepare;

import io.liftguard.fleet.domain.GroupBy;
import io.liftguard.fleet.domain.GroupCounts;
import io.liftguard.fleet.domain.GroupCounts.Column;
import io.liftguard.fleet.domain.GroupCounts.Counted;
import io.liftguard.fleet.domain.GroupCounts.Counts;
import io.liftguard.fleet.domain.GroupCounts.Key;
import io.liftguard.kernel.readside.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
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
 * The tables of {@link GroupCounts} ({@code fleet_group_count}, and {@code fleet_group_day}, the
 * day its overdue counts are as of): the projection's change to them for a batch of events, moving
 * them to a new day, what an aggregate reads, and a fill from the elevator rows (a read model older
 * than the counters, or just rebuilt).
 */
final class GroupCountStore {
  /** The counted columns of fleet_elevator, in {@link Counted}'s order. */
  private static final String COUNTED =
      "elevator_id, district, district_key, street, maintenance_company, manufacturer, insurer,"
          + " building_type, using_unit, three_no, last_report_at IS NOT NULL AS reported,"
          + " open_faults > 0 AS open_faults, open_entrapments > 0 AS open_entrapment,"
          + " maintenance_due, next_inspection_due, risk_band, fault_risk, entrapment_risk";

  private static final String COLUMNS =
      Arrays.stream(Column.values()).map(c -> c.column).collect(Collectors.joining(", "));
  private static final String INSERT =
      "INSERT INTO fleet_group_count (tag, scope_kind, scope_key, group_by, "
          + "group_key, "
          + COLUMNS
          + ") VALUES ("
          + String.join(", ", Collections.nCopies(Column.values().length + 5, "?"))
          + ")";
  private static final String KEY_MATCH =
      "tag = ? AND scope_kind = ? AND scope_key = ? AND group_by = ? AND group_key = ?";

  /** The rows {@link #fill} writes: a baseline no projection instance changes. */
  static final String FILLED = "";

  /**
   * The rows the moves to a new day write ({@link #moveTo}, one at a time: the day's row is
   * locked).
   */
  static final String DAY_MOVES = "~day";

  /**
   * SQLSTATE of a serialization failure: the transaction is retried (the projection restarts from
   * its offset).
   */
  private static final String RETRY = "40001";

  private GroupCountStore() {}

  /** The counted state of each of {@code elevatorIds} that has a row, by id. */
  static Map<String, Counted> counted(Connection c, Collection<String> elevatorIds)
      throws SQLException {
    Map<String, Counted> out = new HashMap<>();
    if (elevatorIds.isEmpty()) {
      return out;
    }
    String in = String.join(", ", elevatorIds.stream().map(id -> "?").toList());
    try (PreparedStatement ps =
            prepare(
                c,
                "SELECT " + COUNTED + " FROM fleet_elevator WHERE elevator_id IN (" + in + ")",
                elevatorIds.toArray());
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString("elevator_id"), counted(rs));
      }
    }
    return out;
  }

  private static Counted counted(ResultSet rs) throws SQLException {
    return new Counted(
        rs.getString("district"),
        rs.getString("district_key"),
        rs.getString("street"),
        rs.getString("maintenance_company"),
        rs.getString("manufacturer"),
        rs.getString("insurer"),
        rs.getString("building_type"),
        rs.getString("using_unit"),
        rs.getBoolean("three_no"),
        rs.getBoolean("reported"),
        rs.getBoolean("open_faults"),
        rs.getBoolean("open_entrapment"),
        rs.getObject("maintenance_due", LocalDate.class),
        rs.getObject("next_inspection_due", LocalDate.class),
        rs.getString("risk_band"),
        rs.getObject("fault_risk", Double.class),
        rs.getObject("entrapment_risk", Double.class));
  }

  /** The day the overdue counts are as of; null before the counters were first filled. */
  static LocalDate day(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT MIN(as_of) FROM fleet_group_day")) {
      return rs.next() ? rs.getObject(1, LocalDate.class) : null;
    }
  }

  /** The day {@code tag}'s batches count as of; null before the counters were filled for it. */
  static LocalDate day(Connection c, String tag) throws SQLException {
    try (PreparedStatement ps = prepare(c, "SELECT as_of FROM fleet_group_day WHERE tag = ?", tag);
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getObject(1, LocalDate.class) : null;
    }
  }

  /**
   * Adds what the rows of {@code elevatorIds} became since they were {@code before} (read again
   * now; an elevator without a row before was registered since) to {@code tag}'s counters, counted
   * as of {@code day}: rows only this projection instance writes, so instances of other tags never
   * wait on its locks and no two insert the same row. If the counters moved to another day
   * meanwhile, the transaction fails to be retried (counted as of the new day).
   */
  static void addChanges(
      Connection c,
      String tag,
      Collection<String> elevatorIds,
      Map<String, Counted> before,
      LocalDate day)
      throws SQLException {
    Map<String, Counted> after = counted(c, elevatorIds);
    add(c, tag, GroupCounts.delta(before.values(), day, after.values(), day));
    // Locks the tag's day row to the commit (no other tag's): a move to a new day waits for this
    // batch, or this batch finds the row moved and is retried.
    try (PreparedStatement ps =
        prepare(
            c,
            "UPDATE fleet_group_day SET as_of = as_of WHERE tag = ? AND as_of = ?",
            tag,
            date(day))) {
      if (ps.executeUpdate() != 1) {
        throw new SQLException(
            "the aggregates' counters moved past " + day + " during this batch", RETRY);
      }
    }
  }

  /**
   * Moves the counters to {@code today}, if they are as of an earlier day: the elevators whose
   * maintenance or inspection fell due in between are counted as of both days, and the difference
   * (their move into the overdue counts) added. One mover at a time, and no projection batch
   * meanwhile: every tag's day row is locked for it.
   */
  static void moveTo(Connection c, LocalDate today) throws SQLException {
    LocalDate unlocked = day(c);
    if (unlocked == null || !unlocked.isBefore(today)) {
      return; // the usual case: no lock taken
    }
    LocalDate day;
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT as_of FROM fleet_group_day FOR UPDATE")) {
      day = null;
      while (rs.next()) {
        LocalDate d = rs.getObject(1, LocalDate.class);
        day = day == null || d.isBefore(day) ? d : day;
      }
    }
    if (day == null || !day.isBefore(today)) {
      return;
    }
    List<Counted> fellDue = new ArrayList<>();
    try (PreparedStatement ps =
            prepare(
                c,
                "SELECT "
                    + COUNTED
                    + " FROM fleet_elevator WHERE (maintenance_due >= ? AND maintenance_due < ?) OR"
                    + " (next_inspection_due >= ? AND next_inspection_due < ?)",
                date(day),
                date(today),
                date(day),
                date(today));
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        fellDue.add(counted(rs));
      }
    }
    add(c, DAY_MOVES, GroupCounts.delta(fellDue, day, fellDue, today));
    Sql.update(c, "UPDATE fleet_group_day SET as_of = ?", date(today));
  }

  /** Adds {@code delta} to {@code tag}'s rows, inserting those it has not yet. */
  private static void add(Connection c, String tag, List<Map.Entry<Key, Counts>> delta)
      throws SQLException {
    if (delta.isEmpty()) {
      return;
    }
    String set =
        Arrays.stream(Column.values())
            .map(col -> col.column + " = " + col.column + " + ?")
            .collect(Collectors.joining(", "));
    List<Map.Entry<Key, Counts>> missing = new ArrayList<>();
    try (PreparedStatement update =
        c.prepareStatement("UPDATE fleet_group_count SET " + set + " WHERE " + KEY_MATCH)) {
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

  private static void insert(Connection c, String tag, Collection<Map.Entry<Key, Counts>> rows)
      throws SQLException {
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

  private static void bindCounts(PreparedStatement ps, Counts counts, int first)
      throws SQLException {
    for (Column col : Column.values()) {
      ps.setLong(first + col.ordinal(), counts.get(col));
    }
  }

  private static void bindKey(PreparedStatement ps, String tag, Key key, int first)
      throws SQLException {
    ps.setString(first, tag);
    ps.setString(first + 1, key.scope().name());
    ps.setString(first + 2, key.scopeKey());
    ps.setString(first + 3, key.groupBy().name());
    ps.setString(first + 4, key.groupKey());
  }

  /**
   * The counts of every group of one view and grouping field that has elevators (summed over tags),
   * in key order.
   */
  static Map<String, Counts> groups(
      Connection c, GroupCounts.ScopeKind scope, String scopeKey, GroupBy groupBy)
      throws SQLException {
    String sums =
        Arrays.stream(Column.values())
            .map(col -> "SUM(" + col.column + ") AS " + col.column)
            .collect(Collectors.joining(", "));
    Map<String, Counts> out = new LinkedHashMap<>();
    try (PreparedStatement ps =
            prepare(
                c,
                "SELECT group_key, "
                    + sums
                    + " FROM fleet_group_count WHERE scope_kind = ? AND scope_key = ? AND group_by"
                    + " = ? GROUP BY group_key HAVING SUM(elevators) > 0 ORDER BY group_key",
                scope.name(),
                scopeKey,
                groupBy.name());
        ResultSet rs = ps.executeQuery()) {
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
   * Fills the counters from the elevator rows, as of {@code today}, when they have no day yet: a
   * read model older than the counters, a new one, or one a rebuild just wrote (whose projections
   * did not count as they went); done before the projections of {@code tags} start. Each tag gets
   * its own day row (a tag added since starts on the counters' day).
   */
  static void fill(Connection c, LocalDate today, Collection<String> tags) throws SQLException {
    LocalDate day = day(c);
    if (day != null) {
      for (String tag : tags) {
        if (day(c, tag) == null) {
          Sql.update(c, "INSERT INTO fleet_group_day (tag, as_of) VALUES (?, ?)", tag, date(day));
        }
      }
      return;
    }
    Sql.update(c, "DELETE FROM fleet_group_count");
    List<Counted> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT " + COUNTED + " FROM fleet_elevator")) {
      while (rs.next()) {
        rows.add(counted(rs));
      }
    }
    insert(c, FILLED, GroupCounts.total(rows, today).entrySet());
    for (String tag : tags) {
      Sql.update(c, "INSERT INTO fleet_group_day (tag, as_of) VALUES (?, ?)", tag, date(today));
    }
  }
}
