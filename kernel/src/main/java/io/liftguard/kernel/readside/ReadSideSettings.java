package io.liftguard.kernel.readside;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The {@code liftguard.read-side} section: where the read side's database is and how projections
 * batch into it.
 *
 * @param url the JDBC URL; for the embedded database derived from {@code liftguard.data-dir}
 */
public record ReadSideSettings(
    Database database,
    String url,
    String user,
    String password,
    int poolSize,
    int groupSize,
    Duration groupWithin) {

  /** The read database's kind. */
  public enum Database {
    EMBEDDED,
    POSTGRES;

    public static Database of(String name) {
      return switch (name.trim().toLowerCase(Locale.ROOT)) {
        case "embedded", "h2" -> EMBEDDED;
        case "postgres", "postgresql" -> POSTGRES;
        default ->
            throw new IllegalArgumentException(
                "liftguard.read-side.database (LIFTGUARD_READ_DATABASE) must be 'embedded' or"
                    + " 'postgres', not '"
                    + name
                    + "'");
      };
    }

    /** Pekko Projections' JDBC dialect for this database. */
    public String projectionDialect() {
      return this == EMBEDDED ? "h2-dialect" : "postgres-dialect";
    }
  }

  public static ReadSideSettings fromConfig(Config root) {
    Config c = root.getConfig("liftguard.read-side");
    Database db = Database.of(c.getString("database"));
    String url =
        switch (db) {
          // H2 keeps 8 parsed statements per session by default; the projection alone uses more.
          // H2's default RETENTION_TIME (45 s) lets the file grow to several times its data under
          // heavy writes (3.8 GB for 116 MB after a 300,000-elevator rebuild); 5 s kept it at
          // 0.5-0.6 GB but made the projections fall behind by 13 s (p99) during an import instead
          // of 2 s (docs/benchmarks.md), so the default stays.
          case EMBEDDED ->
              "jdbc:h2:file:"
                  + Path.of(root.getString("liftguard.data-dir"))
                      .toAbsolutePath()
                      .resolve("read")
                      .resolve("fleet")
                  + ";QUERY_CACHE_SIZE=64;DB_CLOSE_ON_EXIT=FALSE"; // closed with its pool at the
          // end of a graceful stop
          case POSTGRES -> {
            String u = c.getString("url");
            if (u.isBlank()) {
              throw new IllegalArgumentException(
                  "liftguard.read-side.url (LIFTGUARD_READ_DB_URL) is required with the postgres"
                      + " read database");
            }
            yield u;
          }
        };
    return new ReadSideSettings(
        db,
        url,
        c.getString("user"),
        c.getString("password"),
        c.getInt("pool-size"),
        c.getInt("group-size"),
        c.getDuration("group-within"));
  }
}
