package io.liftguard.sim;

import java.nio.file.Path;
import java.util.Map;

/**
 * Fast-time simulation from the command line, with progress: {@code java -cp fleet-sim/target/...
 * io.liftguard.sim.FleetSimMain --config default|older-fleet|poor-maintenance --elevators 300000
 * --days 365 --seed 1 [--out target/sim]}. With {@code --out} it writes the ground truth there.
 */
public final class FleetSimMain {
  private FleetSimMain() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> o = Args.parse(args);
    long seed = Long.parseLong(o.getOrDefault("seed", "1"));
    int elevators = Integer.parseInt(o.getOrDefault("elevators", "300000"));
    int days = Integer.parseInt(o.getOrDefault("days", "365"));
    SimConfig config =
        switch (o.getOrDefault("config", "default")) {
          case "default" -> SimConfig.defaults(seed, elevators, days);
          case "older-fleet" -> SimConfig.olderFleet(seed, elevators, days);
          case "poor-maintenance" -> SimConfig.poorMaintenance(seed, elevators, days);
          default ->
              throw new IllegalArgumentException(
                  "--config must be default, older-fleet or poor-maintenance");
        };
    CitySimulator.Progress progress = CitySimulator.Progress.toStderr(config.name() + " city");
    long t0 = System.nanoTime();
    SimStats stats;
    if (o.containsKey("out")) {
      try (GroundTruthWriter writer = new GroundTruthWriter(Path.of(o.get("out")))) {
        stats = CitySimulator.run(config, writer, progress);
      }
    } else {
      stats = CitySimulator.run(config, h -> {}, progress);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        "%s city, seed %d, %,d elevators x %d days in %.1f s (%,.0f elevator-days/s)%n",
        config.name(), seed, elevators, days, seconds, stats.elevatorDays() / seconds);
    System.out.println(stats);
  }
}
