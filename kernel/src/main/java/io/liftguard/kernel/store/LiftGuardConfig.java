package io.liftguard.kernel.store;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.liftguard.kernel.json.PlatformJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Assembles the platform configuration: explicit overrides, then application.conf, then the chosen
 * store's file ({@code liftguard-store-h2.conf} or {@code liftguard-store-cassandra.conf}), then
 * the Pekko settings the twins need ({@code liftguard-pekko.conf}) and the read side's ({@code
 * liftguard-read-side.conf}, fleet module), then reference.conf. The store is chosen by {@code
 * liftguard.store} (env {@code LIFTGUARD_STORE}).
 */
public final class LiftGuardConfig {
  private LiftGuardConfig() {}

  public static Config load() {
    return load(ConfigFactory.empty());
  }

  public static Config load(Config overrides) {
    Config app = overrides.withFallback(ConfigFactory.defaultApplication());
    Config probe = ConfigFactory.load(app);
    Store store = Store.of(probe.getString("liftguard.store"));
    Map<String, Object> derived = new HashMap<>();
    switch (store) {
      case H2 -> derived.put("liftguard.h2-url", h2Url(probe));
      case CASSANDRA -> {
        List<String> points =
            Arrays.stream(probe.getString("liftguard.cassandra.contact-points").split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
        derived.put("datastax-java-driver.basic.contact-points", points);
      }
    }
    if (probe.hasPath("liftguard.cluster.seed-nodes")) {
      clusterPort(probe).ifPresent(port -> derived.put("pekko.remote.artery.canonical.port", port));
    }
    derived.put(JACKSON_MODULES, jacksonModules(probe));
    if (probe.hasPath("liftguard.read-side.database")) {
      // The read side (fleet module, when on the classpath): Pekko Projections' JDBC dialect and
      // thread count follow its database and pool.
      String db =
          probe.getString("liftguard.read-side.database").trim().toLowerCase(java.util.Locale.ROOT);
      derived.put(
          "pekko.projection.jdbc.dialect",
          db.startsWith("postgres") ? "postgres-dialect" : "h2-dialect");
      derived.put(
          "pekko.projection.jdbc.blocking-jdbc-dispatcher.thread-pool-executor.fixed-pool-size",
          probe.getInt("liftguard.read-side.projection-threads"));
    }
    Config storeConf =
        ConfigFactory.parseResources("liftguard-store-" + store.configName() + ".conf");
    Config pekko = ConfigFactory.parseResources("liftguard-pekko.conf");
    Config readSide = ConfigFactory.parseResources("liftguard-read-side.conf");
    return ConfigFactory.load(
        overrides
            .withFallback(ConfigFactory.parseMap(derived))
            .withFallback(app)
            .withFallback(storeConf)
            .withFallback(pekko)
            .withFallback(readSide));
  }

  private static final String JACKSON_MODULES = "pekko.serialization.jackson.jackson-modules";

  /**
   * Pekko's Jackson modules and then the platform's own ({@link PlatformJson#modules()}), which
   * give the domain types their persisted form. Appended here, not with {@code +=} in a
   * reference.conf: the shaded jar concatenates those in an order of its own.
   */
  static List<String> jacksonModules(Config config) {
    List<String> modules = new ArrayList<>(config.getStringList(JACKSON_MODULES));
    for (var module : PlatformJson.modules()) {
      String name = module.getClass().getName();
      if (!modules.contains(name)) {
        modules.add(name);
      }
    }
    return modules;
  }

  /**
   * This node's cluster port from {@code liftguard.cluster.port} (env {@code
   * LIFTGUARD_CLUSTER_PORT}); without it, 0 (any free port) for a one-node platform, which needs no
   * known port as nobody joins it, and empty (Pekko's configured port, 25520) when seed nodes are
   * set.
   */
  static Optional<Integer> clusterPort(Config config) {
    if (config.hasPath("liftguard.cluster.port")) {
      return Optional.of(config.getInt("liftguard.cluster.port"));
    }
    return config.getString("liftguard.cluster.seed-nodes").isBlank()
        ? Optional.of(0)
        : Optional.empty();
  }

  /**
   * The embedded database's URL. {@code WRITE_DELAY=0}: H2 writes each commit to its file before
   * the commit returns (its default, 500 ms, leaves commits in the JVM for up to a second, and kill
   * -9 lost them). With {@code liftguard.h2.fsync} the file is also opened with O_DSYNC ({@link
   * DsyncFilePath}), so each commit is on the device, not only in the operating system's cache,
   * when the journal acknowledges it. {@code DB_CLOSE_ON_EXIT=FALSE}: H2 would otherwise close the
   * database from its own JVM shutdown hook while the graceful stop (Pekko's coordinated shutdown,
   * another hook) still persists the twins' held readings; the journal closes with its connection
   * pool when the actor system terminates.
   */
  static String h2Url(Config config) {
    Path db =
        Path.of(config.getString("liftguard.data-dir"))
            .toAbsolutePath()
            .resolve("journal")
            .resolve("liftguard");
    String fileSystem = "file:";
    if (config.getBoolean("liftguard.h2.fsync")) {
      DsyncFilePath.register();
      fileSystem = DsyncFilePath.SCHEME + ":";
    }
    return "jdbc:h2:" + fileSystem + db + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
  }

  /** The journal and snapshot store the platform runs on. */
  public enum Store {
    H2,
    CASSANDRA;

    public static Store of(String name) {
      return switch (name.trim().toLowerCase()) {
        case "h2", "embedded" -> H2;
        case "cassandra" -> CASSANDRA;
        default ->
            throw new IllegalArgumentException(
                "liftguard.store (LIFTGUARD_STORE) must be 'h2' or 'cassandra', not '"
                    + name
                    + "'");
      };
    }

    public String configName() {
      return name().toLowerCase();
    }

    public static Store of(Config config) {
      return of(config.getString("liftguard.store"));
    }
  }
}
