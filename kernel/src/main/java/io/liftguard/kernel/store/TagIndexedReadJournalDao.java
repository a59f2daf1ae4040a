package io.liftguard.kernel.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.NotUsed;
import org.apache.pekko.persistence.PersistentRepr;
import org.apache.pekko.persistence.jdbc.PekkoSerialization;
import org.apache.pekko.persistence.jdbc.config.ReadJournalConfig;
import org.apache.pekko.persistence.jdbc.journal.dao.JournalTables;
import org.apache.pekko.persistence.jdbc.query.dao.DefaultReadJournalDao;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.scaladsl.Source;
import scala.Option;
import scala.Tuple3;
import scala.collection.immutable.Set;
import scala.concurrent.ExecutionContext;
import scala.concurrent.Future;
import scala.jdk.javaapi.FutureConverters;
import scala.util.Try;
import slick.dbio.DBIOAction;
import slick.jdbc.JdbcBackend;
import slick.jdbc.JdbcProfile;
import slick.jdbc.SimpleJdbcAction;

/**
 * The embedded journal's read DAO: pekko-persistence-jdbc's own ({@code jdbc-read-journal.dao}),
 * with one query replaced. Its events-by-tag query joins the tag table to a derived table of the
 * whole journal with the offset range outside it; H2's planner then scans every row of the tag,
 * looks each up in the journal and sorts, per batch of 500: 0.3 s a poll at 600,000 events, and
 * 14-17 s a batch for a projection far behind (a rebuild crawled at ~150 events/s). Here the range
 * is on the tag table, read in order from the index {@link #TAG_INDEX} that {@link StoreBootstrap}
 * creates; the rows and their deserialization are the plugin's.
 */
public final class TagIndexedReadJournalDao extends DefaultReadJournalDao {
  public static final String TAG_INDEX = "event_tag_tag_idx";

  /** Created by {@link StoreBootstrap} beside the plugin's schema: tag rows in offset order. */
  static final String TAG_INDEX_DDL =
      "CREATE INDEX IF NOT EXISTS \""
          + TAG_INDEX
          + "\" ON PUBLIC.\"event_tag\" (\"tag\", \"event_id\")";

  /**
   * The plugin's default schema (what {@link StoreBootstrap} creates), columns in {@link
   * JournalTables} order.
   */
  public static final String EVENTS_BY_TAG =
      "SELECT j.\"ordering\", j.\"deleted\", j.\"persistence_id\", j.\"sequence_number\","
          + " j.\"writer\", j.\"write_timestamp\", j.\"adapter_manifest\", j.\"event_payload\","
          + " j.\"event_ser_id\", j.\"event_ser_manifest\", j.\"meta_payload\", j.\"meta_ser_id\","
          + " j.\"meta_ser_manifest\" FROM PUBLIC.\"event_tag\" t JOIN PUBLIC.\"event_journal\" j"
          + " ON j.\"ordering\" = t.\"event_id\" WHERE t.\"tag\" = ? AND t.\"event_id\" > ? AND"
          + " t.\"event_id\" <= ? AND j.\"deleted\" = FALSE ORDER BY t.\"tag\", t.\"event_id\""
          + " LIMIT ?"; // the index's order: H2 reads it sorted,

  // and stops at the limit

  private final Serialization serialization;

  public TagIndexedReadJournalDao(
      JdbcBackend.JdbcDatabaseDef db,
      JdbcProfile profile,
      ReadJournalConfig readJournalConfig,
      Serialization serialization,
      ExecutionContext ec,
      Materializer mat) {
    super(db, profile, readJournalConfig, serialization, ec, mat);
    this.serialization = serialization;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Source<Try<Tuple3<PersistentRepr, Set<String>, Object>>, NotUsed> eventsByTag(
      String tag, long offset, long maxOffset, long max) {
    DBIOAction query =
        SimpleJdbcAction.apply(ctx -> rows(ctx.connection(), tag, offset, maxOffset, max));
    Future<List<JournalTables.JournalPekkoSerializationRow>> rows = db().run(query);
    Set<String> noTags = scala.collection.immutable.Set$.MODULE$.empty();
    return org.apache.pekko.stream.javadsl.Source.completionStage(FutureConverters.asJava(rows))
        .mapConcat(list -> list)
        .map(
            row ->
                PekkoSerialization.fromRow(serialization, row)
                    .map(
                        r ->
                            new Tuple3<PersistentRepr, Set<String>, Object>(
                                r._1(), noTags, r._2())))
        .asScala();
  }

  private static List<JournalTables.JournalPekkoSerializationRow> rows(
      Connection c, String tag, long offset, long maxOffset, long max) {
    List<JournalTables.JournalPekkoSerializationRow> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(EVENTS_BY_TAG)) {
      ps.setString(1, tag);
      ps.setLong(2, offset);
      ps.setLong(3, maxOffset);
      ps.setLong(4, Math.min(max, Integer.MAX_VALUE));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new JournalTables.JournalPekkoSerializationRow(
                  rs.getLong(1),
                  rs.getBoolean(2),
                  rs.getString(3),
                  rs.getLong(4),
                  rs.getString(5),
                  rs.getLong(6),
                  rs.getString(7),
                  rs.getBytes(8),
                  rs.getInt(9),
                  rs.getString(10),
                  Option.apply(rs.getBytes(11)),
                  Option.apply(rs.getObject(12) == null ? null : (Object) rs.getInt(12)),
                  Option.apply(rs.getString(13))));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "events by tag " + tag + " after " + offset + ": " + e.getMessage(), e);
    }
    return rows;
  }
}
