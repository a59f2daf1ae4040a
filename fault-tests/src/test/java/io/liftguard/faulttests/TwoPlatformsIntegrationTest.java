package io.liftguard.faulttests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two platforms on one machine (a second data directory, a test beside a demo), each started as an
 * operator would.
 */
class TwoPlatformsIntegrationTest {
  /** LIFTGUARD_CLUSTER_PORT unset: the platform's own default. */
  private static final Map<String, String> ONE_NODE =
      Map.of("LIFTGUARD_STORE", "h2", "LIFTGUARD_CLUSTER_PORT", "");

  @Test
  void aSecondOneNodePlatformStartsBesideTheFirstWithoutChoosingAClusterPort() throws Exception {
    String run = "two-" + System.currentTimeMillis();
    try (PlatformProcess first =
            PlatformProcess.start("first", ONE_NODE, PlatformProcess.workDir(run + "/first"));
        PlatformProcess second =
            PlatformProcess.start("second", ONE_NODE, PlatformProcess.workDir(run + "/second"))) {
      assertEquals(200, new Api(first.base(), null).healthStatus());
      assertEquals(200, new Api(second.base(), null).healthStatus());
      assertNotEquals(first.base(), second.base());
    }
  }

  @Test
  void aClusterPortInUseStopsThePlatformWithOneLineNamingTheVariable() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Path work = PlatformProcess.workDir("taken-" + System.currentTimeMillis());
      ProcessBuilder pb =
          new ProcessBuilder(PlatformProcess.javaCommand("-jar", PlatformProcess.jar().toString()));
      pb.environment()
          .putAll(
              Map.of(
                  "LIFTGUARD_DEMO",
                  "false",
                  "LIFTGUARD_DATA_DIR",
                  work.toString(),
                  "LIFTGUARD_HTTP_PORT",
                  Integer.toString(PlatformProcess.freePort()),
                  "LIFTGUARD_CLUSTER_PORT",
                  Integer.toString(taken.getLocalPort())));
      pb.redirectErrorStream(true);
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
      assertNotEquals(
          0, p.exitValue(), "a platform that cannot start says so in its exit code:\n" + out);
      List<String> named = out.lines().filter(l -> l.contains("LIFTGUARD_CLUSTER_PORT")).toList();
      assertEquals(1, named.size(), out);
      assertTrue(named.get(0).contains(":" + taken.getLocalPort() + " is in use"), named.get(0));
      assertTrue(
          out.lines().noneMatch(l -> l.contains("Exception") || l.startsWith("\tat ")),
          "no stack trace:\n" + out);
    }
  }
}
