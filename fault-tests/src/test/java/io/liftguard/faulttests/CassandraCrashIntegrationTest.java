package io.liftguard.faulttests;

import java.util.Map;

/** Kill -9 under load on the Cassandra node the test script runs, in a keyspace of its own. */
class CassandraCrashIntegrationTest extends CrashContract {
  private final String keyspace = CassandraNode.uniqueKeyspace("lg_crash");

  @Override
  String store() {
    return "cassandra";
  }

  @Override
  Map<String, String> storeEnv() {
    return Map.of(
        "LIFTGUARD_STORE",
        "cassandra",
        "LIFTGUARD_CASSANDRA_CONTACT_POINTS",
        CassandraNode.sharedContactPoints(),
        "LIFTGUARD_CASSANDRA_KEYSPACE",
        keyspace);
  }

  @Override
  void cleanUp() {
    CassandraNode.dropKeyspace(CassandraNode.sharedContactPoints(), keyspace);
  }
}
