package io.liftguard.fleet;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * The PostgreSQL server the test script runs ({@code LIFTGUARD_TEST_POSTGRES}, default
 * 127.0.0.1:5432, user liftguard trusted): a database of its own per test, dropped afterwards.
 */
public final class TestPostgres {
  private TestPostgres() {}

  public static String hostPort() {
    String env = System.getenv("LIFTGUARD_TEST_POSTGRES");
    return env == null || env.isBlank() ? "127.0.0.1:5432" : env;
  }

  public static String url(String database) {
    return "jdbc:postgresql://" + hostPort() + "/" + database;
  }

  /** Creates a fresh database and returns its name. */
  public static String createDatabase() {
    String name = "lg_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    execute("CREATE DATABASE " + name);
    return name;
  }

  public static void drop(String database) {
    try {
      execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    } catch (RuntimeException e) {
      System.err.println("could not drop test database " + database + ": " + e);
    }
  }

  /** Read-side settings for {@code database}. */
  public static Map<String, Object> readSide(String database) {
    return Map.of(
        "liftguard.read-side.database",
        "postgres",
        "liftguard.read-side.url",
        url(database),
        "liftguard.read-side.user",
        "liftguard",
        "liftguard.read-side.password",
        "");
  }

  /** {@code store}'s settings with the read side on {@code database}. */
  public static Map<String, Object> withReadSide(Map<String, Object> store, String database) {
    Map<String, Object> s = new java.util.HashMap<>(store);
    s.putAll(readSide(database));
    return s;
  }

  private static void execute(String sql) {
    try (Connection c = DriverManager.getConnection(url("postgres"), "liftguard", "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }
}
