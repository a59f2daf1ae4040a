package io.liftguard.twin;

import java.util.Map;

/**
 * The fleet contract on a real Cassandra node (scripts/cassandra.sh start; scripts/test-all.sh
 * starts it), each test in a keyspace of its own that is dropped afterwards.
 */
class CassandraFleetIntegrationTest extends FleetStoreContract {
  private final String keyspace = CassandraKeyspaces.unique();

  @Override
  Map<String, Object> store() {
    return TestNode.cassandra(keyspace);
  }

  @Override
  void loseFromJournal(Map<String, Object> store, String persistenceId, long sequenceNr) {
    // A twin's first events are in partition 0 (the plugin's target-partition-size is 500,000
    // events).
    CassandraKeyspaces.execute(
        "DELETE FROM "
            + keyspace
            + ".messages WHERE persistence_id = ? AND partition_nr = 0 "
            + "AND sequence_nr = ?",
        persistenceId,
        sequenceNr);
  }

  @org.junit.jupiter.api.AfterEach
  void dropKeyspace() {
    CassandraKeyspaces.drop(keyspace);
  }
}
