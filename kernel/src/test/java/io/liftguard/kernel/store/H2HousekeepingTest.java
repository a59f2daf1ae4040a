package io.liftguard.kernel.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded journal's housekeeping: with synchronous commits H2 runs none of its own, and the
 * file grows with every commit; the step {@link H2Housekeeping} calls must exist in this H2 and
 * keep the file smaller.
 */
class H2HousekeepingTest {
  @TempDir Path dir;

  /**
   * Many small synchronous commits of random keys, as the journal sees them; the file size after.
   */
  private long fileAfterCommits(String name, boolean housekeeping) throws Exception {
    // RETENTION_TIME=0 so chunks can be reused within the test's seconds (the platform keeps H2's
    // 45 s).
    String url = "jdbc:h2:file:" + dir.resolve(name) + ";WRITE_DELAY=0;RETENTION_TIME=0";
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      MVStore store =
          ((SessionLocal) ((JdbcConnection) c).getSession()).getDatabase().getStore().getMvStore();
      Method step = H2Housekeeping.housekeepingOf(store.getFileStore());
      c.createStatement()
          .execute("CREATE TABLE e (id VARCHAR(64) PRIMARY KEY, payload VARCHAR(400))");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO e VALUES (?, ?)")) {
        for (int i = 0; i < 20_000; i++) {
          ps.setString(1, java.util.UUID.randomUUID().toString());
          ps.setString(2, "x".repeat(300));
          ps.executeUpdate();
          if (housekeeping && i % 200 == 0) {
            step.invoke(store.getFileStore(), store);
          }
        }
      }
    }
    return Files.size(dir.resolve(name + ".mv.db"));
  }

  @Test
  void theHousekeepingStepExistsAndKeepsTheFileSmallerUnderSynchronousCommits() throws Exception {
    long without = fileAfterCommits("without", false);
    long with = fileAfterCommits("with", true);
    assertTrue(with < without * 0.75, "with housekeeping " + with + " bytes, without " + without);
  }
}
