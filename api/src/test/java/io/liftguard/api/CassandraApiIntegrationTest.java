package io.liftguard.api;

import io.liftguard.fleet.TestPostgres;
import io.liftguard.twin.CassandraKeyspaces;
import io.liftguard.twin.TestNode;
import java.util.Map;

/**
 * The HTTP contract as the platform runs at scale: the journal on a real Cassandra node and the
 * read model on a real PostgreSQL server, each test in a keyspace and a database of its own,
 * dropped afterwards.
 */
class CassandraApiIntegrationTest extends ApiContract {
  private final String keyspace = CassandraKeyspaces.unique();
  private final String database = TestPostgres.createDatabase();

  @Override
  Map<String, Object> store() {
    return TestPostgres.withReadSide(TestNode.cassandra(keyspace), database);
  }

  @Override
  void cleanUp() {
    CassandraKeyspaces.drop(keyspace);
    TestPostgres.drop(database);
  }
}
