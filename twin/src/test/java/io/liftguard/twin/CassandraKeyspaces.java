package io.liftguard.twin;

import com.datastax.oss.driver.api.core.CqlSession;
import java.net.InetSocketAddress;
import java.util.UUID;

/** Unique keyspaces per test run on the shared test node, and their clean-up. */
public final class CassandraKeyspaces {
  private CassandraKeyspaces() {}

  public static String unique() {
    return "lg_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  }

  public static void drop(String keyspace) {
    String[] hostPort = TestNode.cassandraContactPoints().split(",")[0].trim().split(":");
    try (CqlSession session = CqlSession.builder()
        .addContactPoint(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])))
        .withLocalDatacenter("datacenter1")
        .build()) {
      session.execute("DROP KEYSPACE IF EXISTS " + keyspace);
    }
  }
}
