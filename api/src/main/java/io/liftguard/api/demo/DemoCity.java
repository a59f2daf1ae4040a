package io.liftguard.api.demo;

import com.typesafe.config.Config;
import io.liftguard.sim.LiveCity;
import io.liftguard.sim.SimConfig;
import io.liftguard.twin.ElevatorFleet;
import io.liftguard.twin.RejectedException;
import io.liftguard.twin.domain.Reading;
import io.liftguard.twin.domain.RegisterData;
import io.liftguard.twin.domain.TwinRules;
import io.liftguard.twin.store.StoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.slf4j.Logger;

/**
 * The demo city, run by the fleet simulator in real-time mode ({@link LiveCity}): registers a few hundred
 * simulated elevators, then on every tick sends each one's terminal reading and reports the faults, entrapments,
 * maintenance visits and inspections of the simulated days that have ended, through the same fleet the API uses.
 * A simulated day lasts {@code liftguard.demo.simulated-day} of wall time, so a newcomer sees faults and visits
 * within minutes. Deterministic for a seed.
 */
public final class DemoCity {
  /** {@code liftguard.demo}: on/off (env LIFTGUARD_DEMO), size, tick, length of a simulated day, seed. */
  public record Settings(boolean enabled, int elevators, Duration interval, Duration simulatedDay, long seed) {
    public static Settings fromConfig(Config root) {
      Config c = root.getConfig("liftguard.demo");
      return new Settings(c.getBoolean("enabled"), c.getInt("elevators"), c.getDuration("interval"),
          c.getDuration("simulated-day"), c.getLong("seed"));
    }
  }

  private enum Tick { INSTANCE }

  /** The principal the demo's own writes are recorded under. */
  public static final String PRINCIPAL = "demo-city";
  /** Ten years of simulated days: more than any demo runs. */
  private static final int HORIZON_DAYS = 3650;

  private DemoCity() {}

  /** The simulated city behind the demo. */
  public static LiveCity city(Settings settings, Instant start) {
    return new LiveCity(SimConfig.defaults(settings.seed(), settings.elevators(), HORIZON_DAYS), start,
        settings.simulatedDay());
  }

  /** The demo city's register (deterministic for its seed). */
  public static List<RegisterData> register(Settings settings, Instant start) {
    return city(settings, start).register(TwinRules.today(start));
  }

  public static Behavior<Tick> create(ElevatorFleet fleet, Settings settings, Clock clock) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
      Instant start = clock.instant();
      LiveCity city = city(settings, start);
      List<RegisterData> register = city.register(TwinRules.today(start));
      ctx.getLog().info("demo city: {} simulated elevators; a simulated day every {}, readings every {}",
          register.size(), settings.simulatedDay(), settings.interval());
      for (RegisterData r : register) {
        logFailure(ctx.getLog(), r.registrationCode(), fleet.register(r, PRINCIPAL));
      }
      timers.startTimerWithFixedDelay(Tick.INSTANCE, settings.interval());
      return Behaviors.receive(Tick.class)
          .onMessage(Tick.class, t -> {
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
    tick.events().forEach(e -> logFailure(log, e.elevatorId(), fleet.reportEvent(e.elevatorId(), e.body(), PRINCIPAL)));
    tick.visits().forEach(v -> logFailure(log, v.elevatorId(), fleet.recordMaintenance(v.elevatorId(), v.body(), PRINCIPAL)));
    tick.inspections().forEach(i ->
        logFailure(log, i.elevatorId(), fleet.recordInspection(i.elevatorId(), i.body(), PRINCIPAL)));
  }

  private static void logFailure(Logger log, String id, CompletionStage<?> write) {
    write.exceptionally(failure -> {
      Throwable cause = RejectedException.cause(failure);
      boolean expected = cause instanceof StoreUnavailableException
          || cause instanceof RejectedException r && r.rejection().code() == io.liftguard.twin.domain.Rejection.Code.CONFLICT;
      if (!expected) {
        // A conflict is an elevator registered by an earlier demo run, and a store outage is logged once by
        // StoreHealth; anything else is worth a line.
        log.warn("demo city: a write for {} failed: {}", id, cause.toString());
      }
      return null;
    });
  }
}
