package io.liftguard.fleet;

import io.liftguard.fleet.domain.FleetChanges;
import io.liftguard.twin.TwinSettings;
import io.liftguard.twin.domain.TwinEvent;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.ShardedDaemonProcessSettings;
import org.apache.pekko.cluster.sharding.typed.javadsl.ShardedDaemonProcess;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.projection.ProjectionBehavior;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.eventsourced.javadsl.EventSourcedProvider;
import org.apache.pekko.projection.javadsl.GroupedProjection;
import org.apache.pekko.projection.javadsl.SourceProvider;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;
import org.apache.pekko.projection.jdbc.javadsl.JdbcProjection;

/**
 * The fleet read model's projection: one instance per twin tag ({@code twin-0}...), each reading that tag's events
 * and writing their {@link FleetChanges} and its offset in one transaction (exactly once). In the cluster each
 * instance runs once, as a sharded daemon process.
 */
public final class FleetProjection {
  public static final String NAME = "fleet";

  private FleetProjection() {}

  public static ProjectionId id(String tag) {
    return ProjectionId.of(NAME, tag);
  }

  /** Runs the projection of every tag on this cluster (each instance on one node), its lag counted in {@code lags}. */
  public static void init(ActorSystem<?> system, ReadStore store, TwinSettings twins, ProjectionLags lags) {
    String readJournal = system.settings().config().getString("liftguard.read-journal");
    ProjectionLag.Observer<TwinEvent> lag = lags.observer(NAME);
    ShardedDaemonProcess.get(system).init(
        ProjectionBehavior.Command.class,
        "fleet-projection",
        twins.tags(),
        i -> {
          String tag = TwinSettings.tag(i);
          SourceProvider<Offset, EventEnvelope<TwinEvent>> source = EventSourcedProvider.eventsByTag(system, readJournal, tag);
          return ProjectionBehavior.create(projection(system, store, tag, source).withStatusObserver(lag));
        },
        ShardedDaemonProcessSettings.create(system),
        Optional.of(ProjectionBehavior.stopMessage()));
  }

  /** The projection of one tag from {@code source} (live for the platform, the journal's current events for a rebuild). */
  static GroupedProjection<Offset, EventEnvelope<TwinEvent>> projection(
      ActorSystem<?> system, ReadStore store, String tag, SourceProvider<Offset, EventEnvelope<TwinEvent>> source) {
    ReadSideSettings settings = store.settings();
    return JdbcProjection.groupedWithin(id(tag), source, store::session, Handler::new, system)
        .withGroup(settings.groupSize(), settings.groupWithin());
  }

  /** Applies a group of events to the read model, in the projection's transaction. */
  static final class Handler extends JdbcHandler<List<EventEnvelope<TwinEvent>>, FleetSession> {
    @Override
    public void process(FleetSession session, List<EventEnvelope<TwinEvent>> envelopes) throws Exception {
      session.withConnection(c -> {
        for (EventEnvelope<TwinEvent> e : envelopes) {
          String elevatorId = PersistenceId.extractEntityId(e.persistenceId());
          FleetWriter.apply(c, FleetChanges.of(elevatorId, e.sequenceNr(), e.event()));
        }
        return null;
      });
    }
  }
}
