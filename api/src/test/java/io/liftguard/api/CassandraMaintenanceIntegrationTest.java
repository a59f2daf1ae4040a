package io.liftguard.api;

import io.liftguard.fleet.TestPostgres;
import io.liftguard.twin.CassandraKeyspaces;
import io.liftguard.twin.TestNode;
import java.util.Map;

/**
 * The maintenance workflow over HTTP at scale: contracts, certificates and twins on a real
 * Cassandra node, the read models on a real PostgreSQL.
 */
class CassandraMaintenanceIntegrationTest extends MaintenanceWorkflow {
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
