package io.liftguard.faulttests;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The platform as an operator runs it: {@code java -jar api/target/liftguard.jar} in a process of
 * its own, configured only through its environment variables, killed with SIGKILL or stopped like
 * any other process. Every (re)start takes fresh HTTP and cluster ports and keeps the same data
 * (data dir, keyspace).
 */
final class PlatformProcess implements AutoCloseable {
  private final String name;
  private final Map<String, String> env;
  private final Path logDir;
  private Process process;
  private int starts;
  private String base;

  private PlatformProcess(String name, Map<String, String> env, Path logDir) {
    this.name = name;
    this.env = env;
    this.logDir = logDir;
  }

  /** The shaded jar the api module builds; the fault tests run after it in the reactor. */
  static Path jar() {
    Path jar = Path.of(System.getProperty("liftguard.jar", "../api/target/liftguard.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar.toAbsolutePath()
              + " is missing: build the platform first "
              + "(mvn -B package -DskipTests, or run the whole build with scripts/test-all.sh)");
    }
    return jar;
  }

  static Path workDir(String name) throws IOException {
    Path dir = Path.of(System.getProperty("fault.workDir", "target/fault-tests")).resolve(name);
    Files.createDirectories(dir);
    return dir;
  }

  /**
   * Starts the platform with {@code storeEnv} (LIFTGUARD_STORE and its settings; a variable set to
   * "" is left unset, e.g. LIFTGUARD_CLUSTER_PORT, which is otherwise a free port of its own), no
   * demo city, its own data dir and JWT secret under {@code workDir}, and a rate limit high enough
   * for the test's load. Returns once {@code /health} answers 200.
   */
  static PlatformProcess start(String name, Map<String, String> storeEnv, Path workDir)
      throws Exception {
    Map<String, String> env = new HashMap<>(storeEnv);
    env.put("LIFTGUARD_DEMO", "false");
    env.put("LIFTGUARD_DATA_DIR", workDir.resolve("data").toString());
    env.put("LIFTGUARD_JWT_SECRET", randomSecret());
    env.put("LIFTGUARD_RATE_LIMIT_PER_SECOND", "1000000");
    env.put("LIFTGUARD_RATE_LIMIT_BURST", "1000000");
    PlatformProcess p = new PlatformProcess(name, env, workDir);
    p.launch();
    p.awaitHealthy(Duration.ofSeconds(120));
    return p;
  }

  String base() {
    return base;
  }

  long pid() {
    return process.pid();
  }

  /** Starts the platform again on the same data (after a kill), without waiting for it. */
  void launch() throws IOException {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("the platform is still running (pid " + process.pid() + ")");
    }
    int http = freePort();
    Map<String, String> run = new HashMap<>(env);
    run.put("LIFTGUARD_HTTP_PORT", Integer.toString(http));
    run.putIfAbsent("LIFTGUARD_CLUSTER_PORT", Integer.toString(freePort()));
    run.values()
        .removeIf(String::isEmpty); // a variable given as "" is left unset: the platform's default
    ProcessBuilder pb = new ProcessBuilder(javaCommand("-Xmx1g", "-jar", jar().toString()));
    pb.environment().putAll(run);
    pb.redirectErrorStream(true);
    Path log = logDir.resolve(name + "-" + (++starts) + ".log");
    pb.redirectOutput(log.toFile());
    process = pb.start();
    base = "http://127.0.0.1:" + http;
  }

  /**
   * Polls {@code /health} every 50 ms until it answers 200; fails with the log's tail if the
   * process dies.
   */
  Duration awaitHealthy(Duration timeout) throws Exception {
    long start = System.nanoTime();
    Api probe = new Api(base, null);
    while (System.nanoTime() - start < timeout.toNanos()) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the platform exited with " + process.exitValue() + ":\n" + logTail());
      }
      if (probe.healthStatus() == 200) {
        return Duration.ofNanos(System.nanoTime() - start);
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("no healthy platform after " + timeout + ":\n" + logTail());
  }

  /**
   * SIGKILL: no shutdown hook, no flush, nothing the platform can do about it
   * (Process.destroyForcibly on Linux).
   */
  void kill9() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the platform did not die on SIGKILL");
    }
  }

  /**
   * SIGTERM, as an operator's {@code kill} or a service manager stops it: the platform runs its
   * graceful stop. Waits for the process to exit and answers its exit code.
   */
  int stop(Duration timeout) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException(
          "the platform did not stop within " + timeout + " of SIGTERM:\n" + logTail());
    }
    return process.exitValue();
  }

  /** Everything the latest start wrote to its standard output and error. */
  List<String> lastLog() throws IOException {
    return Files.readAllLines(logDir.resolve(name + "-" + starts + ".log"));
  }

  /**
   * A bearer token from the platform's own command line, signed with the secret this process runs
   * with.
   */
  String mintToken(String role, String id, String... scope) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of("-jar", jar().toString(), "mint-token", "--role", role, "--id", id));
    args.addAll(List.of(scope));
    ProcessBuilder pb = new ProcessBuilder(javaCommand(args.toArray(String[]::new)));
    pb.environment().putAll(env);
    pb.redirectErrorStream(true);
    Process mint = pb.start();
    String out = new String(mint.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (!mint.waitFor(60, TimeUnit.SECONDS) || mint.exitValue() != 0) {
      throw new IllegalStateException("mint-token failed: " + out);
    }
    String[] lines = out.split("\n");
    return lines[lines.length - 1].trim();
  }

  String logTail() {
    try {
      List<String> lines = new ArrayList<>();
      for (int i = 1; i <= starts; i++) {
        Path log = logDir.resolve(name + "-" + i + ".log");
        if (Files.exists(log)) {
          lines.addAll(Files.readAllLines(log));
        }
      }
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(log unreadable: " + e + ")";
    }
  }

  @Override
  public void close() throws Exception {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  static List<String> javaCommand(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.addAll(List.of(args));
    return cmd;
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static String randomSecret() {
    byte[] b = new byte[32];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
