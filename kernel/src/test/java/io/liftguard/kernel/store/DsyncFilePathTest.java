package io.liftguard.kernel.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database as the platform opens it: with fsync on, its file is open with O_DSYNC. */
class DsyncFilePathTest {
  /** O_DSYNC on Linux (asm-generic/fcntl.h), as /proc/self/fdinfo shows it in octal. */
  private static final int O_DSYNC = 010000;

  @TempDir Path dir;

  @Test
  void withFsyncTheDatabaseFileIsOpenWithDsyncAndKeepsItsRows() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/fdinfo")), "needs Linux /proc");
    String url = url(true);
    assertTrue(url.startsWith("jdbc:h2:dsync:"), url);
    try (Connection c = DriverManager.getConnection(url, "liftguard", "")) {
      c.createStatement().execute("CREATE TABLE t(id INT PRIMARY KEY)");
      c.createStatement().execute("INSERT INTO t VALUES (1)");
      assertTrue((openFlags() & O_DSYNC) != 0, "the .mv.db file is not open with O_DSYNC");
    }
    try (Connection c = DriverManager.getConnection(url, "liftguard", "");
        ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM t")) {
      rs.next();
      assertEquals(1, rs.getInt(1));
    }
  }

  @Test
  void withoutFsyncTheFileIsOpenWithoutDsync() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/fdinfo")), "needs Linux /proc");
    try (Connection c = DriverManager.getConnection(url(false), "liftguard", "")) {
      c.createStatement().execute("CREATE TABLE t(id INT PRIMARY KEY)");
      assertFalse((openFlags() & O_DSYNC) != 0);
    }
  }

  private String url(boolean fsync) {
    return LiftGuardConfig.h2Url(
        ConfigFactory.parseMap(
            Map.of("liftguard.data-dir", dir.toString(), "liftguard.h2.fsync", fsync)));
  }

  /** The open flags of this process's descriptor on the database file in {@link #dir}. */
  private int openFlags() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      for (Path fd : fds.toList()) {
        Path target;
        try {
          target = Files.readSymbolicLink(fd);
        } catch (IOException gone) {
          continue;
        }
        if (target.toString().startsWith(dir.toRealPath().toString())
            && target.toString().endsWith(".mv.db")) {
          for (String line :
              Files.readAllLines(Path.of("/proc/self/fdinfo", fd.getFileName().toString()))) {
            if (line.startsWith("flags:")) {
              return Integer.parseInt(line.substring("flags:".length()).trim(), 8);
            }
          }
        }
      }
    }
    throw new AssertionError("no open .mv.db file under " + dir);
  }
}
