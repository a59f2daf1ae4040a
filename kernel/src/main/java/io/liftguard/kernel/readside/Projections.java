package io.liftguard.kernel.readside;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.ShardedDaemonProcessSettings;
import org.apache.pekko.cluster.sharding.typed.javadsl.ShardedDaemonProcess;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.projection.Projection;
import org.apache.pekko.projection.ProjectionBehavior;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.eventsourced.javadsl.EventSourcedProvider;
import org.apache.pekko.projection.javadsl.AtLeastOnceProjection;
import org.apache.pekko.projection.javadsl.GroupedProjection;
import org.apache.pekko.projection.javadsl.Handler;
import org.apache.pekko.projection.javadsl.SourceProvider;
import org.apache.pekko.projection.jdbc.javadsl.JdbcProjection;

/**
 * The one way every module projects events: an instance per tag, each a projection over that tag's
 * events into the read store, run once in the cluster as a sharded daemon process and observed by
 * its projection's {@link ProjectionLag}. A module says only which tags, and what its handler does
 * with an event.
 */
public final class Projections {
  private Projections() {}

  /**
   * The events of {@code tag} as they are written (never ends): what the platform's projections
   * read.
   */
  public static <E> SourceProvider<Offset, EventEnvelope<E>> liveEventsByTag(
      ActorSystem<?> system, String tag) {
    return EventSourcedProvider.eventsByTag(system, readJournal(system), tag);
  }

  /**
   * The events of {@code tag} as the journal holds them now, then the end: what a rebuild reads.
   */
  public static <E> SourceProvider<Offset, EventEnvelope<E>> currentEventsByTag(
      ActorSystem<?> system, String tag) {
    return new CurrentEventsByTag<>(system, readJournal(system), tag);
  }

  /**
   * Instance {@code tag} of projection {@code name}, exactly once: each group of events and the
   * offset after it commit in one transaction of the read store, in groups as the store's settings
   * say.
   */
  public static <E> GroupedProjection<Offset, EventEnvelope<E>> exactlyOnce(
      ActorSystem<?> system,
      ReadStore store,
      String name,
      String tag,
      SourceProvider<Offset, EventEnvelope<E>> source,
      Supplier<? extends ProjectionHandler<E>> handler) {
    ReadSideSettings settings = store.settings();
    return JdbcProjection.groupedWithin(
            ProjectionId.of(name, tag), source, store::session, handler::get, system)
        .withGroup(settings.groupSize(), settings.groupWithin());
  }

  /**
   * Instance {@code tag} of projection {@code name} over the live events, at least once: for
   * handlers that act on entities (which de-duplicate) rather than write rows; the offset is stored
   * after each event's handler finished.
   */
  public static <E> AtLeastOnceProjection<Offset, EventEnvelope<E>> atLeastOnce(
      ActorSystem<?> system,
      ReadStore store,
      String name,
      String tag,
      Supplier<? extends Handler<EventEnvelope<E>>> handler) {
    return JdbcProjection.atLeastOnceAsync(
        ProjectionId.of(name, tag),
        liveEventsByTag(system, tag),
        store::session,
        handler::get,
        system);
  }

  /**
   * Runs projection {@code name} on this cluster: the instance of each of {@code tags} on one node,
   * restarted with backoff when it fails, its progress and failures counted in {@code lags}.
   */
  public static <E> void run(
      ActorSystem<?> system,
      String name,
      List<String> tags,
      ProjectionLags lags,
      Function<String, Projection<EventEnvelope<E>>> instance) {
    ProjectionLag.Observer<E> lag = lags.observer(name);
    ShardedDaemonProcess.get(system)
        .init(
            ProjectionBehavior.Command.class,
            name + "-projection",
            tags.size(),
            i -> ProjectionBehavior.create(instance.apply(tags.get(i)).withStatusObserver(lag)),
            ShardedDaemonProcessSettings.create(system),
            Optional.of(ProjectionBehavior.stopMessage()));
  }

  private static String readJournal(ActorSystem<?> system) {
    return system.settings().config().getString("liftguard.read-journal");
  }
}
