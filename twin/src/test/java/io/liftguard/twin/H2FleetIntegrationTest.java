package io.liftguard.twin;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The fleet contract on the embedded default store: H2 files under a data directory. */
class H2FleetIntegrationTest extends FleetStoreContract {
  @TempDir Path dataDir;

  @Override
  Map<String, Object> store() {
    return TestNode.h2(dataDir.toString());
  }

  @Override
  void loseFromJournal(Map<String, Object> store, String persistenceId, long sequenceNr)
      throws Exception {
    String url =
        TestNode.config(store)
            .getString("pekko-persistence-jdbc.shared-databases.liftguard.db.url");
    try (Connection c = DriverManager.getConnection(url, "liftguard", "");
        PreparedStatement ps =
            c.prepareStatement(
                "DELETE FROM \"event_journal\" WHERE \"persistence_id\" = ? AND \"sequence_number\""
                    + " = ?")) {
      ps.setString(1, persistenceId);
      ps.setLong(2, sequenceNr);
      if (ps.executeUpdate() != 1) {
        throw new IllegalStateException("no event " + sequenceNr + " of " + persistenceId);
      }
    }
  }
}
