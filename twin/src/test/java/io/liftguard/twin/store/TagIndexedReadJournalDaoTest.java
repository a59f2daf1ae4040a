package io.liftguard.twin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liftguard.kernel.MutableClock;
import io.liftguard.kernel.store.TagIndexedReadJournalDao;
import io.liftguard.twin.Fixtures;
import io.liftguard.twin.TestNode;
import io.liftguard.twin.TwinSettings;
import io.liftguard.twin.domain.EventType;
import io.liftguard.twin.domain.ReportedEvent;
import io.liftguard.twin.domain.access.Role;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.javadsl.CurrentEventsByTagQuery;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Events by tag on the embedded journal, read through the configured DAO: every event of the tag
 * once, in offset order, from any offset, the same as the journal's tables say; and H2 plans the
 * query from the tag index, not by scanning the tag (which made a poll cost the journal's size).
 */
class TagIndexedReadJournalDaoTest {
  @TempDir Path dataDir;

  @Test
  void readsEveryTaggedEventOnceInOffsetOrderFromAnyOffset() throws Exception {
    var store = TestNode.h2(dataDir.toString());
    MutableClock clock = new MutableClock(Fixtures.NOW);
    try (TestNode node = TestNode.start(store, clock)) {
      for (int i = 0; i < 40; i++) {
        String id = "TAG-" + i;
        node.fleet
            .register(Fixtures.register(id), "admin")
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
        node.fleet
            .reportEvent(
                id,
                new ReportedEvent(
                    "f-" + i,
                    EventType.DOOR_OPEN_FAILURE,
                    ReportedEvent.Phase.RAISED,
                    Fixtures.NOW.plusSeconds(i),
                    null),
                "gw-1",
                Role.GATEWAY)
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
      }
      var query =
          PersistenceQuery.get(node.system)
              .getReadJournalFor(
                  CurrentEventsByTagQuery.class,
                  node.system.settings().config().getString("liftguard.read-journal"));
      String url =
          node.system
              .settings()
              .config()
              .getString("pekko-persistence-jdbc.shared-databases.liftguard.db.url");
      int tags = TwinSettings.create(node.system).tags();
      long total = 0;
      try (Connection c = DriverManager.getConnection(url, "liftguard", "")) {
        for (int t = 0; t < tags; t++) {
          String tag = TwinSettings.tag(t);
          List<String> expected = journal(c, tag);
          total += expected.size();
          assertEquals(expected, read(node, query, tag, Offset.sequence(0)), tag);
          // From the middle: strictly after that offset.
          long middle = Long.parseLong(expected.get(expected.size() / 2).split(" ")[0]);
          List<String> tail =
              expected.stream().filter(e -> Long.parseLong(e.split(" ")[0]) > middle).toList();
          assertEquals(
              tail, read(node, query, tag, Offset.sequence(middle)), tag + " after " + middle);
        }
        try (ResultSet rs =
            c.createStatement().executeQuery("SELECT COUNT(*) FROM \"event_journal\"")) {
          rs.next();
          assertEquals(rs.getLong(1), total, "every event under exactly one tag");
        }
        assertTrue(total >= 80, "registrations and faults: " + total);

        try (PreparedStatement ps =
            c.prepareStatement("EXPLAIN " + TagIndexedReadJournalDao.EVENTS_BY_TAG)) {
          ps.setString(1, "twin-0");
          ps.setLong(2, 0);
          ps.setLong(3, Long.MAX_VALUE);
          ps.setLong(4, 500);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            String plan = rs.getString(1).replaceAll("\\s+", " ");
            // The tag's rows in the offset range, read in index order (no sort), so a batch stops
            // at its limit.
            assertTrue(
                plan.contains("/* PUBLIC." + TagIndexedReadJournalDao.TAG_INDEX + ": "), plan);
            assertTrue(plan.contains("event_id > ?2") && plan.contains("event_id <= ?3"), plan);
            assertTrue(plan.contains("/* index sorted */"), plan);
          }
        }
      }
    }
  }

  /** "ordering persistenceId seqNr" of the tag's events, straight from the plugin's tables. */
  private static List<String> journal(Connection c, String tag) throws Exception {
    List<String> rows = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT j.\"ordering\", j.\"persistence_id\", j.\"sequence_number\" FROM"
                + " \"event_journal\" j WHERE EXISTS (SELECT 1 FROM \"event_tag\" t WHERE"
                + " t.\"event_id\" = j.\"ordering\" AND t.\"tag\" = ?) ORDER BY j.\"ordering\"")) {
      ps.setString(1, tag);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getLong(3));
        }
      }
    }
    return rows;
  }

  private static List<String> read(
      TestNode node, CurrentEventsByTagQuery query, String tag, Offset from) throws Exception {
    List<EventEnvelope> events =
        query
            .currentEventsByTag(tag, from)
            .runWith(Sink.seq(), Materializer.matFromSystem(node.system))
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
    return events.stream()
        .map(
            e ->
                ((org.apache.pekko.persistence.query.Sequence) e.offset()).value()
                    + " "
                    + e.persistenceId()
                    + " "
                    + e.sequenceNr())
        .toList();
  }
}
