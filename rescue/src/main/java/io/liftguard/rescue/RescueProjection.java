package io.liftguard.rescue;

import io.liftguard.fleet.ReadSideSettings;
import io.liftguard.fleet.ProjectionLag;
import io.liftguard.fleet.ProjectionHandler;
import io.liftguard.fleet.ProjectionLags;
import io.liftguard.fleet.ReadStore;
import io.liftguard.rescue.domain.RescueEvent;
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
import org.apache.pekko.projection.jdbc.javadsl.JdbcProjection;

/**
 * The rescue read model's projection: rescue case events (tag {@value RescueCaseEntity#TAG}) into
 * {@code rescue_case}, rows and offset in one transaction (exactly once), run once in the cluster.
 */
public final class RescueProjection {
  public static final String NAME = "rescue";

  private RescueProjection() {}

  public static void init(ActorSystem<?> system, ReadStore store, ProjectionLags lags) {
    String readJournal = system.settings().config().getString("liftguard.read-journal");
    ProjectionLag.Observer<RescueEvent> lag = lags.observer(NAME);
    ShardedDaemonProcess.get(system).init(
        ProjectionBehavior.Command.class,
        "rescue-projection",
        1,
        i -> ProjectionBehavior.create(projection(system, store, readJournal, lags.of(NAME)).withStatusObserver(lag)),
        ShardedDaemonProcessSettings.create(system),
        Optional.of(ProjectionBehavior.stopMessage()));
  }

  static GroupedProjection<Offset, EventEnvelope<RescueEvent>> projection(
      ActorSystem<?> system, ReadStore store, String readJournal, ProjectionLag lag) {
    ReadSideSettings settings = store.settings();
    return JdbcProjection.groupedWithin(ProjectionId.of(NAME, RescueCaseEntity.TAG),
            EventSourcedProvider.<RescueEvent>eventsByTag(system, readJournal, RescueCaseEntity.TAG), store::session,
            () -> new ProjectionHandler<RescueEvent>(NAME, RescueCaseEntity.TAG, lag, (c, e) ->
                RescueWriter.apply(c, PersistenceId.extractEntityId(e.persistenceId()), e.event())), system)
        .withGroup(settings.groupSize(), settings.groupWithin());
  }
}
