package io.liftguard.faulttests;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Cassandra nodes for the fault tests: the shared node {@code scripts/test-all.sh} runs (contact
 * points from {@code LIFTGUARD_CASSANDRA_CONTACT_POINTS}), and dedicated nodes a test may stop and
 * start at will, run by {@code scripts/cassandra.sh} with a home and ports of their own.
 */
final class CassandraNode implements AutoCloseable {
  private final Path home;
  private final int port;
  private final int storagePort;
  private final int jmxPort;

  private CassandraNode(Path home, int port, int storagePort, int jmxPort) {
    this.home = home;
    this.port = port;
    this.storagePort = storagePort;
    this.jmxPort = jmxPort;
  }

  static String sharedContactPoints() {
    String env = System.getenv("LIFTGUARD_CASSANDRA_CONTACT_POINTS");
    return env == null || env.isBlank() ? "127.0.0.1:9042" : env;
  }

  static String uniqueKeyspace(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  /** A node of its own in {@code home}, on free ports; started and waited for. */
  static CassandraNode startDedicated(Path home) throws Exception {
    CassandraNode node =
        new CassandraNode(
            home,
            PlatformProcess.freePort(),
            PlatformProcess.freePort(),
            PlatformProcess.freePort());
    node.start();
    return node;
  }

  String contactPoint() {
    return "127.0.0.1:" + port;
  }

  /** Starts the node (data kept from a previous start) and returns when CQL answers. */
  void start() throws Exception {
    script("start");
  }

  /**
   * Stops the node like an operator does (SIGTERM, then SIGKILL after 30 s) and returns when it is
   * gone.
   */
  void stop() throws Exception {
    script("stop");
  }

  /**
   * SIGKILL to the node: no drain, no commit log sync; what it acknowledged must survive in its
   * commit log.
   */
  void kill9() throws Exception {
    long pid = Long.parseLong(Files.readString(home.resolve("cassandra.pid")).trim());
    ProcessHandle node =
        ProcessHandle.of(pid)
            .orElseThrow(() -> new IllegalStateException("no node process " + pid));
    node.destroyForcibly();
    node.onExit().get(30, TimeUnit.SECONDS);
  }

  private void script(String command) throws Exception {
    Path repo = Path.of(System.getProperty("liftguard.repo", ".."));
    ProcessBuilder pb =
        new ProcessBuilder(repo.resolve("scripts/cassandra.sh").toString(), command);
    pb.environment()
        .putAll(
            Map.of(
                "LIFTGUARD_CASSANDRA_HOME", home.toAbsolutePath().toString(),
                "CASSANDRA_PORT", Integer.toString(port),
                "CASSANDRA_STORAGE_PORT", Integer.toString(storagePort),
                "CASSANDRA_JMX_PORT", Integer.toString(jmxPort)));
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("cassandra.sh " + command + " failed:\n" + out);
    }
    System.out.print(out);
  }

  @Override
  public void close() throws Exception {
    script("wipe");
  }

  /**
   * Like the platform's own test helper, written again here: this module shares no code with the
   * platform.
   */
  static void dropKeyspace(String contactPoints, String keyspace) {
    String[] hostPort = contactPoints.split(",")[0].trim().split(":");
    try (CqlSession session =
        CqlSession.builder()
            .addContactPoint(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])))
            .withLocalDatacenter("datacenter1")
            .build()) {
      session.execute(
          SimpleStatement.newInstance("DROP KEYSPACE IF EXISTS " + keyspace)
              .setTimeout(Duration.ofSeconds(60)));
    } catch (RuntimeException e) {
      // Clean-up only: a keyspace left on a throw-away test node costs disk, not a wrong result.
      System.err.println("could not drop keyspace " + keyspace + ": " + e);
    }
  }
}
