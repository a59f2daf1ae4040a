package io.liftguard.kernel.readside;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.flywaydb.core.Flyway;

/**
 * The read side's database on this node: one connection pool (HikariCP) on the embedded H2 database
 * or PostgreSQL, shared by every module's read model. Opening it brings the projections' own tables
 * (offsets, management, set-asides: {@code db/kernel}) up to date; each module then migrates its
 * own tables from its own folder ({@link #migrate}), with a schema history of its own, and no
 * module writes another's tables.
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
      migrate(dataSource, "classpath:db/kernel", "flyway_kernel");
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
    return new ReadStore(dataSource, settings);
  }

  /**
   * Brings a module's tables in this database up to date: its Flyway migrations at {@code
   * location}, with a schema history table of its own so each module numbers its migrations
   * independently (blocking).
   */
  public void migrate(String location, String historyTable) {
    migrate(dataSource, location, historyTable);
  }

  /**
   * Brings module {@code module}'s tables up to date by the convention every module but the fleet
   * (which came first) follows: migrations in {@code db/<module>}, history in {@code
   * flyway_<module>_history} (blocking).
   */
  public void migrateModule(String module) {
    migrate("classpath:db/" + module, "flyway_" + module + "_history");
  }

  private static void migrate(HikariDataSource dataSource, String location, String historyTable) {
    // Migrations applied before a table moved to another module's folder (the fleet's projection
    // offsets, now the kernel's) are no longer found locally: that is expected, not a failed
    // validation.
    Flyway.configure()
        .dataSource(dataSource)
        .locations(location)
        .table(historyTable)
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .ignoreMigrationPatterns("*:missing")
        .load()
        .migrate();
  }

  public ReadSideSettings settings() {
    return settings;
  }

  /**
   * A session for one projection transaction (Pekko Projections commits or rolls it back, then
   * closes it).
   */
  public ReadSession session() {
    try {
      return new ReadSession(dataSource.getConnection());
    } catch (SQLException e) {
      throw new IllegalStateException("no connection to the read database: " + e.getMessage(), e);
    }
  }

  /**
   * Runs {@code work} in a transaction of its own on {@code executor} (blocking JDBC off the
   * caller's thread); a database failure fails the stage as "{@code what} failed: ...".
   */
  public <T> CompletionStage<T> query(Work<T> work, Executor executor, String what) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return transaction(work);
          } catch (SQLException e) {
            throw new IllegalStateException(what + " failed: " + e.getMessage(), e);
          }
        },
        executor);
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

  @Override
  public void close() {
    dataSource.close();
  }
}
