package io.liftguard.fleet;

import io.liftguard.kernel.readside.ProjectionLags;
import io.liftguard.kernel.readside.ReadSideSettings;
import io.liftguard.kernel.readside.ReadStore;
import io.liftguard.twin.TwinSettings;
import io.liftguard.twin.domain.TwinRules;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fleet read model on this node: its database, its projections, the queries the API asks, and
 * the lag of every projection into it (the modules beside the fleet register theirs).
 */
public record ReadSide(ReadStore store, FleetReader reader, ProjectionLags lags) {
  private static final Logger log = LoggerFactory.getLogger(ReadSide.class);

  /**
   * The fleet's migrations, and their history: Flyway's default table, which the fleet had before
   * the others.
   */
  private static final String MIGRATIONS = "classpath:db/fleet";

  private static final String HISTORY_TABLE = "flyway_schema_history";

  /**
   * Opens (and migrates) the read database off the actor threads, then starts the fleet
   * projections; the database closes when the system shuts down.
   */
  public static CompletionStage<ReadSide> start(
      ActorSystem<?> system, TwinSettings twins, Clock clock) {
    ReadSideSettings settings = ReadSideSettings.fromConfig(system.settings().config());
    FleetSettings fleet = FleetSettings.fromConfig(system.settings().config());
    var blocking = system.dispatchers().lookup(DispatcherSelector.blocking());
    return CompletableFuture.supplyAsync(
            () -> {
              ReadStore store = open(settings);
              try {
                // The aggregates' counters, from the rows, if they have none yet (a read model
                // older than them, or new).
                store.transaction(
                    c -> {
                      GroupCountStore.fill(c, TwinRules.today(clock.instant()), twins.allTags());
                      return null;
                    });
              } catch (SQLException | RuntimeException e) {
                store.close();
                throw new IllegalStateException(
                    "filling the fleet aggregates' counters failed: " + e.getMessage(), e);
              }
              return store;
            },
            blocking)
        .thenApply(
            store -> {
              CoordinatedShutdown.get(system)
                  .addTask(
                      CoordinatedShutdown.PhaseBeforeActorSystemTerminate(),
                      "close-read-store",
                      () -> {
                        store.close();
                        return CompletableFuture.completedFuture(Done.getInstance());
                      });
              ProjectionLags lags = new ProjectionLags(clock);
              FleetProjection.init(system, store, twins, lags);
              moveCountersToEachNewDay(system, store, fleet.dayCheckInterval(), clock);
              return new ReadSide(
                  store,
                  new FleetReader(store, fleet.offlineAfter(), clock, queries(system)),
                  lags);
            });
  }

  /** The dispatcher every module's read-model queries run on (blocking JDBC, off the actors). */
  public static Executor queries(ActorSystem<?> system) {
    return system
        .dispatchers()
        .lookup(DispatcherSelector.fromConfig("liftguard.read-side.query-dispatcher"));
  }

  /**
   * Brings {@code module}'s own tables ({@code db/<module>}) up to date in the read database, off
   * the actor threads: what a module beside the fleet does before it starts its projections.
   */
  public CompletionStage<Void> migrate(ActorSystem<?> system, String module) {
    return CompletableFuture.runAsync(
        () -> store.migrateModule(module),
        system.dispatchers().lookup(DispatcherSelector.blocking()));
  }

  /**
   * Opens the read database and brings the fleet's own tables ({@code db/fleet}) up to date
   * (blocking).
   */
  public static ReadStore open(ReadSideSettings settings) {
    ReadStore store = ReadStore.open(settings);
    try {
      store.migrate(MIGRATIONS, HISTORY_TABLE);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    return store;
  }

  /**
   * Moves the aggregates' overdue counts to the new day soon after it begins (every {@code
   * day-check-interval}; 12,472 of 300,000 elevators fell due in a day of the benchmark: 2.3 s), so
   * no caller waits for it; an aggregate asked before this ran moves them itself.
   */
  private static void moveCountersToEachNewDay(
      ActorSystem<?> system, ReadStore store, Duration every, Clock clock) {
    var blocking = system.dispatchers().lookup(DispatcherSelector.blocking());
    system
        .scheduler()
        .scheduleWithFixedDelay(
            every,
            every,
            () -> {
              try {
                store.transaction(
                    c -> {
                      GroupCountStore.moveTo(c, TwinRules.today(clock.instant()));
                      return null;
                    });
              } catch (SQLException | RuntimeException e) {
                log.warn(
                    "moving the fleet aggregates' counters to a new day failed (tried again at the"
                        + " next check): {}",
                    e.toString());
              }
            },
            blocking);
  }
}
