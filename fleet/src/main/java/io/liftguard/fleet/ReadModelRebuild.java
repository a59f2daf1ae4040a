package io.liftguard.fleet;

import io.liftguard.kernel.readside.ProjectionLag;
import io.liftguard.kernel.readside.Projections;
import io.liftguard.kernel.readside.ReadSideSettings;
import io.liftguard.kernel.readside.ReadStore;
import io.liftguard.kernel.store.LiftGuardConfig;
import io.liftguard.twin.TwinSettings;
import io.liftguard.twin.domain.TwinEvent;
import io.liftguard.twin.domain.TwinRules;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.projection.ProjectionBehavior;
import org.apache.pekko.projection.ProjectionId;

/**
 * Rebuilds the fleet read model from the journal, with the platform stopped: clears its rows and
 * offsets, then runs the same projection over every tag's current events to the end, printing
 * progress (events/s, and an ETA where the journal can count its events: the embedded store), and
 * fills the aggregates' counters from the rows. Afterwards the platform's projections go on from
 * the offsets the rebuild wrote. Stopped halfway, the counters stay empty and are filled from the
 * rows there are when the read model next opens.
 */
public final class ReadModelRebuild {
  private ReadModelRebuild() {}

  /** The outcome: events projected and how long it took. */
  public record Result(long events, Duration took) {
    public double eventsPerSecond() {
      return events / Math.max(0.001, took.toMillis() / 1000.0);
    }
  }

  public static Result run(ActorSystem<?> system, TwinSettings twins, Clock clock, PrintStream out)
      throws Exception {
    ReadSideSettings settings = ReadSideSettings.fromConfig(system.settings().config());
    OptionalLong total = journalEvents(system);
    long start = System.nanoTime();
    try (ReadStore store = ReadSide.open(settings)) {
      clear(store);
      out.printf(
          Locale.ROOT,
          "rebuild: read model cleared (%s); projecting %s events of %d tags%n",
          settings.database().name().toLowerCase(Locale.ROOT),
          total.isPresent()
              ? String.format(Locale.ROOT, "%,d", total.getAsLong())
              : "the journal's",
          twins.tags());
      ProjectionLag progress = new ProjectionLag(clock);
      List<CompletableFuture<Void>> done = new ArrayList<>();
      for (int i = 0; i < twins.tags(); i++) {
        String tag = TwinSettings.tag(i);
        CompletableFuture<Void> finished = new CompletableFuture<>();
        done.add(finished);
        var projection =
            FleetProjection.projection(
                    system,
                    store,
                    tag,
                    Projections.currentEventsByTag(system, tag),
                    progress,
                    false)
                .withStatusObserver(
                    new Finish(
                        progress,
                        finished,
                        () -> CoordinatedShutdown.get(system).getShutdownReason().isPresent()));
        system.systemActorOf(
            ProjectionBehavior.create(projection), "rebuild-" + tag, Props.empty());
      }
      CompletableFuture<Void> all = CompletableFuture.allOf(done.toArray(CompletableFuture[]::new));
      long lastCount = 0;
      long lastTime = start;
      while (!all.isDone()) {
        try {
          all.get(2, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException stillRunning) {
          long now = System.nanoTime();
          long count = progress.snapshot().eventsProjected();
          double rate = (count - lastCount) / ((now - lastTime) / 1e9);
          String eta =
              total.isPresent() && rate > 0
                  ? String.format(
                      Locale.ROOT, ", ETA %.0f s", Math.max(0, total.getAsLong() - count) / rate)
                  : "";
          out.printf(
              Locale.ROOT, "rebuild: %,d events projected, %,.0f events/s%s%n", count, rate, eta);
          lastCount = count;
          lastTime = now;
        }
      }
      // The aggregates' counters, from the rows just written (the projections did not keep them as
      // they went).
      store.transaction(
          c -> {
            GroupCountStore.fill(c, TwinRules.today(clock.instant()), twins.allTags());
            return null;
          });
      Result result =
          new Result(
              progress.snapshot().eventsProjected(), Duration.ofNanos(System.nanoTime() - start));
      out.printf(
          Locale.ROOT,
          "rebuild: done, %,d events in %.1f s (%,.0f events/s)%n",
          result.events(),
          result.took().toMillis() / 1000.0,
          result.eventsPerSecond());
      return result;
    }
  }

  /**
   * Deletes every row of the fleet read model and its projection's offsets: it then starts from
   * scratch.
   */
  static void clear(ReadStore store) throws SQLException {
    // The offsets first, in a transaction: if the clear stops halfway, the projections start over
    // rather than go on from an offset past rows that are gone (re-inserting a row that is still
    // there fails loudly instead).
    store.transaction(
        c -> {
          try (Statement s = c.createStatement()) {
            s.executeUpdate(
                "DELETE FROM \"pekko_projection_offset_store\" WHERE \"projection_name\" = '"
                    + FleetProjection.NAME
                    + "'");
            s.executeUpdate(
                "DELETE FROM \"pekko_projection_management\" WHERE \"projection_name\" = '"
                    + FleetProjection.NAME
                    + "'");
          }
          return null;
        });
    // TRUNCATE, not DELETE: 300,000 rows took 78 s to delete on H2 (H2 commits each TRUNCATE by
    // itself).
    store.transaction(
        c -> {
          try (Statement s = c.createStatement()) {
            for (String table :
                new String[] {
                  "fleet_history",
                  "fleet_open_item",
                  "fleet_elevator",
                  "fleet_group_count",
                  "fleet_group_day"
                }) {
              s.executeUpdate("TRUNCATE TABLE " + table);
            }
          }
          return null;
        });
  }

  /**
   * How many events the journal holds, where it can say cheaply: the embedded journal's tag table
   * (the schema of pekko-persistence-jdbc). Cassandra would need a full scan: no estimate there.
   */
  private static OptionalLong journalEvents(ActorSystem<?> system) {
    var config = system.settings().config();
    if (LiftGuardConfig.Store.of(config) != LiftGuardConfig.Store.H2) {
      return OptionalLong.empty();
    }
    var db = config.getConfig("pekko-persistence-jdbc.shared-databases.liftguard.db");
    try (Connection c =
            DriverManager.getConnection(
                db.getString("url"), db.getString("user"), db.getString("password"));
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT COUNT(*) FROM \"event_tag\" WHERE \"tag\" LIKE 'twin-%'")) {
      rs.next();
      return OptionalLong.of(rs.getLong(1));
    } catch (SQLException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * Completes when a projection's finite source is done, or fails it: when it failed, or stopped
   * because the process is shutting down (the rows and offsets written so far stay consistent, and
   * the platform's projections go on from them).
   */
  private static final class Finish extends ProjectionLag.Observer<TwinEvent> {
    private final CompletableFuture<Void> finished;
    private final BooleanSupplier shuttingDown;

    Finish(ProjectionLag progress, CompletableFuture<Void> finished, BooleanSupplier shuttingDown) {
      super(progress);
      this.finished = finished;
      this.shuttingDown = shuttingDown;
    }

    @Override
    public void failed(ProjectionId id, Throwable cause) {
      super.failed(id, cause);
      finished.completeExceptionally(cause);
    }

    @Override
    public void stopped(ProjectionId id) {
      if (shuttingDown.getAsBoolean()) {
        finished.completeExceptionally(
            new IllegalStateException("interrupted by shutdown before the end of " + id.key()));
      } else {
        finished.complete(null);
      }
    }
  }
}
