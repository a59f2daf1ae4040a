package io.liftguard.fleet;

import io.liftguard.twin.CassandraKeyspaces;
import io.liftguard.twin.TestNode;
import java.util.Map;

/**
 * The read model as it runs where users outgrow one machine: the journal on a real Cassandra node
 * (events by tag), the read side on a real PostgreSQL server; a keyspace and a database of its own
 * per test, dropped afterwards.
 */
class CassandraPostgresReadModelIntegrationTest extends ReadModelContract {
  private final String keyspace = CassandraKeyspaces.unique();
  private final String database = TestPostgres.createDatabase();

  @Override
  Map<String, Object> settings() {
    return TestPostgres.withReadSide(TestNode.cassandra(keyspace), database);
  }

  @Override
  void cleanUp() {
    CassandraKeyspaces.drop(keyspace);
    TestPostgres.drop(database);
  }
}
