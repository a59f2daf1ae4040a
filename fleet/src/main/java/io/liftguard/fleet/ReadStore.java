package io.liftguard.fleet;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.flywaydb.core.Flyway;

/**
 * The read model's database: a connection pool (HikariCP) on the embedded H2 database or PostgreSQL, its schema
 * brought up to date by Flyway ({@code db/fleet/V*.sql}) when it opens.
 */
public final class ReadStore implements AutoCloseable {
  /** A unit of work on one connection. */
  @FunctionalInterface
  public interface Work<T> {
    T apply(Connection connection) throws SQLException;
  }

  private final HikariDataSource dataSource;
  private final ReadSideSettings settings;

  private ReadStore(HikariDataSource dataSource, ReadSideSettings settings) {
    this.dataSource = dataSource;
    this.settings = settings;
  }

  /** Opens the pool and migrates the schema (blocking: call it before serving). */
  public static ReadStore open(ReadSideSettings settings) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("liftguard-read-side");
    config.setJdbcUrl(settings.url());
    config.setUsername(settings.user());
    config.setPassword(settings.password());
    config.setMaximumPoolSize(settings.poolSize());
    config.setAutoCommit(false);
    HikariDataSource dataSource = new HikariDataSource(config);
    try {
      Flyway.configure().dataSource(dataSource).locations("classpath:db/fleet").load().migrate();
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
    return new ReadStore(dataSource, settings);
  }

  /**
   * Brings another module's tables in this database up to date: its Flyway migrations at {@code location}, with a
   * schema history table of its own so each module numbers its migrations independently (blocking).
   */
  public void migrate(String location, String historyTable) {
    Flyway.configure().dataSource(dataSource).locations(location).table(historyTable)
        .baselineOnMigrate(true).baselineVersion("0").load().migrate();
  }

  public ReadSideSettings settings() {
    return settings;
  }

  /** A session for one projection transaction (Pekko Projections commits or rolls it back, then closes it). */
  public FleetSession session() {
    try {
      return new FleetSession(dataSource.getConnection());
    } catch (SQLException e) {
      throw new IllegalStateException("no connection to the read database: " + e.getMessage(), e);
    }
  }

  /**
   * Runs {@code work} in a transaction of its own on {@code executor} (blocking JDBC off the caller's thread); a
   * database failure fails the stage as "{@code what} failed: ...".
   */
  public <T> CompletionStage<T> query(Work<T> work, Executor executor, String what) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return transaction(work);
      } catch (SQLException e) {
        throw new IllegalStateException(what + " failed: " + e.getMessage(), e);
      }
    }, executor);
  }

  /** Runs {@code work} in a transaction of its own and commits it. */
  public <T> T transaction(Work<T> work) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      try {
        T result = work.apply(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /** Deletes every row of the read model and every projection offset: the projections then start from scratch. */
  public void clear() throws SQLException {
    // The offsets first, in a transaction: if the clear stops halfway, the projections start over rather than go
    // on from an offset past rows that are gone (re-inserting a row that is still there fails loudly instead).
    transaction(c -> {
      try (Statement s = c.createStatement()) {
        s.executeUpdate("DELETE FROM \"pekko_projection_offset_store\" WHERE \"projection_name\" = '"
            + FleetProjection.NAME + "'");
        s.executeUpdate("DELETE FROM \"pekko_projection_management\" WHERE \"projection_name\" = '"
            + FleetProjection.NAME + "'");
      }
      return null;
    });
    // TRUNCATE, not DELETE: 300,000 rows took 78 s to delete on H2 (H2 commits each TRUNCATE by itself).
    transaction(c -> {
      try (Statement s = c.createStatement()) {
        for (String table : new String[] {"fleet_history", "fleet_open_item", "fleet_elevator", "fleet_group_count",
            "fleet_group_day"}) {
          s.executeUpdate("TRUNCATE TABLE " + table);
        }
      }
      return null;
    });
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
