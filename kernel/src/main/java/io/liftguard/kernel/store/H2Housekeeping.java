package io.liftguard.kernel.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs H2's own housekeeping of the embedded journal's file. H2 writes a new chunk of its file for
 * every commit and relies on a background thread to re-write chunks that are mostly dead, move them
 * together and shrink the file; that thread runs only when commits are delayed. The journal commits
 * synchronously ({@code WRITE_DELAY=0}, so an acknowledged event is in the file: see {@link
 * LiftGuardConfig}), which left the file growing: 767 MB for 120,000 events, against 173 MB with
 * H2's delayed commits and its thread (docs/benchmarks.md). This calls the same housekeeping step
 * ({@code FileStore.doHousekeeping}, which H2 does not expose, hence the reflection) every {@code
 * liftguard.h2.housekeeping-interval}, from the scheduler instead of H2's thread.
 */
public final class H2Housekeeping {
  private static final Logger log = LoggerFactory.getLogger(H2Housekeeping.class);

  private H2Housekeeping() {}

  /** Starts the housekeeping of the embedded journal on {@code system}'s scheduler. */
  public static void start(ActorSystem<?> system) {
    var config = system.settings().config();
    var db = config.getConfig("pekko-persistence-jdbc.shared-databases.liftguard.db");
    Duration every = config.getDuration("liftguard.h2.housekeeping-interval");
    Connection connection;
    try {
      // A connection of this process to the same database: H2 hands back the store the journal
      // writes to.
      connection =
          DriverManager.getConnection(
              db.getString("url"), db.getString("user"), db.getString("password"));
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot open the embedded journal for housekeeping: " + e.getMessage(), e);
    }
    MVStore store =
        ((SessionLocal) ((JdbcConnection) connection).getSession())
            .getDatabase()
            .getStore()
            .getMvStore();
    Method housekeeping = housekeepingOf(store.getFileStore());
    var task =
        system
            .scheduler()
            .scheduleWithFixedDelay(
                every,
                every,
                () -> {
                  if (store.isClosed()) {
                    return;
                  }
                  try {
                    housekeeping.invoke(store.getFileStore(), store);
                  } catch (IllegalAccessException
                      | InvocationTargetException
                      | RuntimeException e) {
                    log.warn(
                        "embedded journal housekeeping failed (will try again): {}", e.toString());
                  }
                },
                system.executionContext());
    // On termination, before the system counts as terminated: with DB_CLOSE_ON_EXIT=FALSE this may
    // be the database's last connection, and its close writes the file (after whenTerminated it
    // raced whoever then deletes or copies it).
    Adapter.toClassic(system)
        .registerOnTermination(
            () -> {
              task.cancel();
              try {
                connection.close();
              } catch (SQLException ignored) {
                // the database closes with the last connection anyway
              }
            });
  }

  /**
   * {@code doHousekeeping(MVStore)} of the file store's class (protected in H2 2.3), made callable.
   */
  static Method housekeepingOf(FileStore<?> fileStore) {
    for (Class<?> c = fileStore.getClass(); c != null; c = c.getSuperclass()) {
      try {
        Method m = c.getDeclaredMethod("doHousekeeping", MVStore.class);
        m.setAccessible(true);
        return m;
      } catch (NoSuchMethodException notHere) {
        // look in the superclass
      }
    }
    throw new IllegalStateException(
        "this H2 version has no FileStore.doHousekeeping(MVStore): the embedded journal "
            + "would grow without bound; check H2Housekeeping against the H2 version");
  }
}
