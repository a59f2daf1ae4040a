package io.liftguard.demo;

import com.typesafe.config.Config;
import io.liftguard.kernel.entity.RejectedException;
import io.liftguard.kernel.store.LiftGuardConfig;
import io.liftguard.kernel.store.StoreUnavailableException;
import io.liftguard.sim.LiveCity;
import io.liftguard.sim.SimConfig;
import io.liftguard.twin.ElevatorFleet;
import io.liftguard.twin.domain.Reading;
import io.liftguard.twin.domain.RegisterData;
import io.liftguard.twin.domain.TwinRules;
import io.liftguard.twin.domain.access.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.slf4j.Logger;

/**
 * The demo city, run by the fleet simulator in real-time mode ({@link LiveCity}): registers a few
 * hundred simulated elevators, then on every tick sends each one's terminal reading and reports the
 * faults, entrapments, maintenance visits and inspections of the simulated days that have ended,
 * through the same fleet the API uses. A simulated day lasts {@code liftguard.demo.simulated-day}
 * of wall time, so a newcomer sees faults and visits within minutes. Deterministic for a seed.
 */
public final class DemoCity {
  /**
   * {@code liftguard.demo}: on/off, size, tick, length of a simulated day, seed. {@code enabled} is
   * a yes or no by the time the platform starts ({@link #decide} resolves {@code auto}).
   */
  public record Settings(
      boolean enabled, int elevators, Duration interval, Duration simulatedDay, long seed) {
    public static Settings fromConfig(Config root) {
      Config c = root.getConfig("liftguard.demo");
      return new Settings(
          c.getBoolean("enabled"),
          c.getInt("elevators"),
          c.getDuration("interval"),
          c.getDuration("simulated-day"),
          c.getLong("seed"));
    }
  }

  /** The file in a data directory that says the demo city lives there. */
  public static final String MARKER = "demo-city";

  /**
   * Whether the demo city runs, from {@code LIFTGUARD_DEMO} ({@code liftguard.demo.enabled}):
   * {@code true} or {@code false} as said; {@code auto} (the default) only on the embedded store in
   * a data directory that is new (no journal yet) or that the demo created, so the README's first
   * command starts it and restarts it, and a jar pointed at a production store or an existing data
   * directory never fills it with invented elevators.
   *
   * @return yes or no, and why (logged at start)
   */
  public static Map.Entry<Boolean, String> decide(
      String setting, LiftGuardConfig.Store store, Path dataDir) {
    String s = setting.trim().toLowerCase(Locale.ROOT);
    return switch (s) {
      case "true", "yes", "on" -> Map.entry(true, "LIFTGUARD_DEMO=" + setting);
      case "false", "no", "off" -> Map.entry(false, "LIFTGUARD_DEMO=" + setting);
      case "auto" -> {
        if (store != LiftGuardConfig.Store.H2) {
          yield Map.entry(
              false,
              "the demo city runs by itself only on the embedded store (LIFTGUARD_DEMO=true "
                  + "runs it on "
                  + store.configName()
                  + ")");
        }
        if (Files.exists(dataDir.resolve(MARKER))) {
          yield Map.entry(true, "the demo city lives in " + dataDir);
        }
        if (!Files.exists(dataDir.resolve("journal"))) {
          yield Map.entry(true, dataDir + " is new");
        }
        yield Map.entry(
            false,
            dataDir
                + " holds a journal the demo did not create (LIFTGUARD_DEMO=true runs it "
                + "there)");
      }
      default ->
          throw new IllegalArgumentException(
              "liftguard.demo.enabled (LIFTGUARD_DEMO) must be auto, true or "
                  + "false, not '"
                  + setting
                  + "'");
    };
  }

  /** Marks {@code dataDir} as the demo city's, so that a restart on it runs the demo again. */
  public static void mark(Path dataDir) throws IOException {
    Files.createDirectories(dataDir);
    Files.writeString(
        dataDir.resolve(MARKER),
        "This data directory holds LiftGuard's demo city: the platform runs "
            + "the demo here unless LIFTGUARD_DEMO=false.\n");
  }

  private enum Tick {
    INSTANCE
  }

  /** The principal the demo's own writes are recorded under. */
  public static final String PRINCIPAL = "demo-city";

  /** Ten years of simulated days: more than any demo runs. */
  private static final int HORIZON_DAYS = 3650;

  private DemoCity() {}

  /** The simulated city behind the demo. */
  public static LiveCity city(Settings settings, Instant start) {
    return new LiveCity(
        SimConfig.defaults(settings.seed(), settings.elevators(), HORIZON_DAYS),
        start,
        settings.simulatedDay());
  }

  /** The demo city's register (deterministic for its seed). */
  public static List<RegisterData> register(Settings settings, Instant start) {
    return city(settings, start).register(TwinRules.today(start));
  }

  public static Behavior<Tick> create(ElevatorFleet fleet, Settings settings, Clock clock) {
    return Behaviors.setup(
        ctx ->
            Behaviors.withTimers(
                timers -> {
                  Instant start = clock.instant();
                  LiveCity city = city(settings, start);
                  List<RegisterData> register = city.register(TwinRules.today(start));
                  ctx.getLog()
                      .info(
                          "demo city: {} simulated elevators; a simulated day every {}, readings"
                              + " every {}",
                          register.size(),
                          settings.simulatedDay(),
                          settings.interval());
                  for (RegisterData r : register) {
                    logFailure(ctx.getLog(), r.registrationCode(), fleet.register(r, PRINCIPAL));
                  }
                  timers.startTimerWithFixedDelay(Tick.INSTANCE, settings.interval());
                  return Behaviors.receive(Tick.class)
                      .onMessage(
                          Tick.class,
                          t -> {
                            send(fleet, city.tick(clock.instant()), ctx.getLog());
                            return Behaviors.same();
                          })
                      .build();
                }));
  }

  private static void send(ElevatorFleet fleet, LiveCity.Tick tick, Logger log) {
    for (Reading r : tick.readings()) {
      logFailure(log, r.elevatorId(), fleet.recordReadings(r.elevatorId(), List.of(r), PRINCIPAL));
    }
    tick.events()
        .forEach(
            e ->
                logFailure(
                    log,
                    e.elevatorId(),
                    // the city's events come from its elevators' terminals
                    fleet.reportEvent(e.elevatorId(), e.body(), PRINCIPAL, Role.GATEWAY)));
    tick.visits()
        .forEach(
            v ->
                logFailure(
                    log,
                    v.elevatorId(),
                    fleet.recordMaintenance(v.elevatorId(), v.body(), PRINCIPAL)));
    tick.inspections()
        .forEach(
            i ->
                logFailure(
                    log,
                    i.elevatorId(),
                    fleet.recordInspection(i.elevatorId(), i.body(), PRINCIPAL)));
  }

  private static void logFailure(Logger log, String id, CompletionStage<?> write) {
    write.exceptionally(
        failure -> {
          Throwable cause = RejectedException.cause(failure);
          boolean expected =
              cause instanceof StoreUnavailableException
                  || cause instanceof RejectedException r
                      && r.rejection().code() == io.liftguard.kernel.domain.Rejection.Code.CONFLICT;
          if (!expected) {
            // A conflict is an elevator registered by an earlier demo run, and a store outage is
            // logged once by StoreHealth; anything else is worth a line.
            log.warn("demo city: a write for {} failed: {}", id, cause.toString());
          }
          return null;
        });
  }
}
