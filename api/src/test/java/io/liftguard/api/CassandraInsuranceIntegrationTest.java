package io.liftguard.api;

import io.liftguard.fleet.TestPostgres;
import io.liftguard.twin.CassandraKeyspaces;
import io.liftguard.twin.TestNode;
import java.util.Map;

/**
 * Insurance over HTTP at scale: the journal on a real Cassandra node, the read models on a real
 * PostgreSQL.
 */
class CassandraInsuranceIntegrationTest extends InsuranceContract {
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
