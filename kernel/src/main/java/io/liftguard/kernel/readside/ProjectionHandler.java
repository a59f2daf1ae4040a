package io.liftguard.kernel.readside;

import static io.liftguard.kernel.readside.Sql.update;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import java.util.Set;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handler of a read model's grouped, exactly-once projection: applies each event of a group on
 * the projection's transaction, and sets aside an event it cannot apply instead of stopping the
 * read model for everyone. The event's changes are rolled back to a savepoint, a row in {@code
 * projection_set_aside} records it (in the same transaction as the offset, so it is set aside
 * exactly once), it is logged as an error and counted ({@link ProjectionLag}), and the group goes
 * on. A failure of the database itself (connection lost, deadlock, time-out) is not the event's
 * fault: it fails the transaction, and Pekko restarts the projection from its offset with backoff.
 *
 * @param <E> the event type
 */
public class ProjectionHandler<E> extends JdbcHandler<List<EventEnvelope<E>>, ReadSession> {
  private static final Logger log = LoggerFactory.getLogger(ProjectionHandler.class);

  /**
   * SQLSTATE classes of failures that are the database's, not the event's: 08 connection, 40
   * transaction rollback (deadlock, serialization), 53 insufficient resources, 57 operator
   * intervention, HY timeouts (H2's lock time-out).
   */
  private static final Set<String> TRANSIENT = Set.of("08", "40", "53", "57", "HY");

  /** Applies one event on the transaction's connection. */
  @FunctionalInterface
  public interface Apply<E> {
    void apply(Connection c, EventEnvelope<E> envelope) throws SQLException;
  }

  private final String projection;
  private final String key;
  private final Apply<E> apply;
  private final ProjectionLag lag;

  /**
   * The handler of projection {@code projection}'s instance {@code key}, counting what it sets
   * aside in {@code lag}.
   */
  public ProjectionHandler(String projection, String key, ProjectionLag lag, Apply<E> apply) {
    this.projection = projection;
    this.key = key;
    this.lag = lag;
    this.apply = apply;
  }

  @Override
  public void process(ReadSession session, List<EventEnvelope<E>> envelopes) throws Exception {
    session.withConnection(
        c -> {
          beforeGroup(c, envelopes);
          // The whole group under one savepoint; only when an event fails are they applied again
          // one by one, each under its own (a savepoint is a round trip to PostgreSQL: not one for
          // every event of a busy projection).
          Savepoint group = c.setSavepoint();
          try {
            for (EventEnvelope<E> e : envelopes) {
              apply.apply(c, e);
            }
            c.releaseSavepoint(group);
          } catch (SQLException | RuntimeException failure) {
            if (notTheEventsFault(c, failure)) {
              throw failure;
            }
            c.rollback(group);
            for (EventEnvelope<E> e : envelopes) {
              applyOrSetAside(c, e);
            }
          }
          afterGroup(c, envelopes);
          return null;
        });
  }

  /**
   * Runs before the group's events, on its transaction (the fleet projection reads the counted rows
   * here).
   */
  protected void beforeGroup(Connection c, List<EventEnvelope<E>> envelopes) throws SQLException {}

  /** Runs after the group's events, on its transaction. */
  protected void afterGroup(Connection c, List<EventEnvelope<E>> envelopes) throws SQLException {}

  private void applyOrSetAside(Connection c, EventEnvelope<E> e) throws SQLException {
    Savepoint before = c.setSavepoint();
    try {
      apply.apply(c, e);
      c.releaseSavepoint(before);
    } catch (SQLException | RuntimeException failure) {
      if (notTheEventsFault(c, failure)) {
        throw failure;
      }
      setAside(c, before, e, failure);
    }
  }

  /**
   * A failure of the database or its connection rather than of the event: the projection restarts
   * instead.
   */
  private static boolean notTheEventsFault(Connection c, Exception failure) throws SQLException {
    if (failure instanceof SQLException sql) {
      String state = sql.getSQLState();
      if (state != null && state.length() >= 2 && TRANSIENT.contains(state.substring(0, 2))) {
        return true;
      }
    }
    return !c.isValid(2);
  }

  private void setAside(Connection c, Savepoint before, EventEnvelope<E> e, Exception failure)
      throws SQLException {
    c.rollback(before);
    String type = e.event() == null ? "?" : e.event().getClass().getSimpleName();
    String error = String.valueOf(failure.getMessage());
    update(
        c,
        "INSERT INTO projection_set_aside (projection_name, projection_key, persistence_id, seq_nr,"
            + " event_type, error, set_aside_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        projection,
        key,
        e.persistenceId(),
        e.sequenceNr(),
        type,
        error.length() > 1024 ? error.substring(0, 1024) : error,
        Sql.ts(lag.now()));
    lag.setAside();
    log.error(
        "projection {} ({}) could not apply {} #{} of {} and set it aside (projection_set_aside);"
            + " its read model goes on without it: {}",
        projection,
        key,
        type,
        e.sequenceNr(),
        e.persistenceId(),
        error,
        failure);
  }
}
