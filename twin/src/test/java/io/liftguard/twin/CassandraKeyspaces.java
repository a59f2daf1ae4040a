package io.liftguard.twin;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.UUID;

/** Unique keyspaces per test run on the shared test node, and their clean-up. */
public final class CassandraKeyspaces {
  private CassandraKeyspaces() {}

  public static String unique() {
    return "lg_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  }

  /** Runs one CQL statement with {@code values} bound, on the test node. */
  public static void execute(String cql, Object... values) {
    try (CqlSession session = session()) {
      session.execute(SimpleStatement.newInstance(cql, values).setTimeout(Duration.ofSeconds(30)));
    }
  }

  private static CqlSession session() {
    String[] hostPort = TestNode.cassandraContactPoints().split(",")[0].trim().split(":");
    return CqlSession.builder()
        .addContactPoint(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])))
        .withLocalDatacenter("datacenter1")
        .build();
  }

  public static void drop(String keyspace) {
    try (CqlSession session = session()) {
      // Schema changes can take longer than the driver's 2 s default on a busy 2-core machine.
      session.execute(
          SimpleStatement.newInstance("DROP KEYSPACE IF EXISTS " + keyspace)
              .setTimeout(Duration.ofSeconds(60)));
    } catch (RuntimeException e) {
      // Clean-up only: a keyspace left behind costs disk on a throw-away node, not a wrong test
      // result.
      System.err.println("could not drop test keyspace " + keyspace + ": " + e);
    }
  }
}
