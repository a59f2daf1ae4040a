package io.liftguard.api;

import io.liftguard.twin.CassandraKeyspaces;
import io.liftguard.twin.TestNode;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/** The HTTP contract on a real Cassandra node, in a keyspace of this run's own. */
class CassandraApiIntegrationTest extends ApiContract {
  private static final String KEYSPACE = CassandraKeyspaces.unique();

  @Override
  Map<String, Object> store() {
    return TestNode.cassandra(KEYSPACE);
  }

  @AfterAll
  static void dropKeyspace() {
    CassandraKeyspaces.drop(KEYSPACE);
  }
}
