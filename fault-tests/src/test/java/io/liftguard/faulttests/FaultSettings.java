package io.liftguard.faulttests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * How long and how hard the fault tests push, from system properties: short by default so CI stays
 * quick ({@code -Dfault.loadSeconds=60 -Dfault.afterSeconds=30} for the full-length runs in
 * docs/benchmarks.md), and where their figures go ({@code target/fault-tests/report.md}).
 */
record FaultSettings(
    int elevators,
    int clients,
    int loadSeconds,
    int outageSeconds,
    int killOutageSeconds,
    int afterSeconds) {

  static FaultSettings fromSystemProperties() {
    return new FaultSettings(
        Integer.getInteger("fault.elevators", 50),
        Integer.getInteger("fault.clients", 16),
        Integer.getInteger("fault.loadSeconds", 5),
        Integer.getInteger("fault.outageSeconds", 30),
        Integer.getInteger("fault.killOutageSeconds", 10),
        Integer.getInteger("fault.afterSeconds", 10));
  }

  /** Appends a line to the report and prints it. */
  static void report(String line) throws IOException {
    Path file =
        Path.of(System.getProperty("fault.workDir", "target/fault-tests")).resolve("report.md");
    Files.createDirectories(file.getParent());
    String stamped =
        "- "
            + LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS)
            + " "
            + line
            + System.lineSeparator();
    Files.writeString(file, stamped, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    System.out.print(stamped);
  }
}
