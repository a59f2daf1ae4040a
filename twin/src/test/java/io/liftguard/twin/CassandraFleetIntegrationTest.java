package io.liftguard.twin;

import java.util.Map;

/**
 * The fleet contract on a real Cassandra node (scripts/cassandra.sh start; scripts/test-all.sh starts it),
 * each test in a keyspace of its own that is dropped afterwards.
 */
class CassandraFleetIntegrationTest extends FleetStoreContract {
  private final String keyspace = CassandraKeyspaces.unique();

  @Override
  Map<String, Object> store() {
    return TestNode.cassandra(keyspace);
  }

  @org.junit.jupiter.api.AfterEach
  void dropKeyspace() {
    CassandraKeyspaces.drop(keyspace);
  }
}
