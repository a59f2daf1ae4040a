package io.liftguard.api;

import io.liftguard.twin.CassandraKeyspaces;
import io.liftguard.twin.TestNode;
import java.util.Map;

/** The HTTP contract on a real Cassandra node, each test in a keyspace of its own, dropped afterwards. */
class CassandraApiIntegrationTest extends ApiContract {
  private final String keyspace = CassandraKeyspaces.unique();

  @Override
  Map<String, Object> store() {
    return TestNode.cassandra(keyspace);
  }

  @Override
  void cleanUp() {
    CassandraKeyspaces.drop(keyspace);
  }
}
