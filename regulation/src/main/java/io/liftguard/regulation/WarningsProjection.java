package io.liftguard.regulation;

import io.liftguard.fleet.ReadSideSettings;
import io.liftguard.fleet.ProjectionHandler;
import io.liftguard.fleet.ProjectionLag;
import io.liftguard.fleet.ProjectionLags;
import io.liftguard.fleet.ReadStore;
import io.liftguard.rescue.RescueCaseEntity;
import io.liftguard.rescue.domain.RescueEvent;
import io.liftguard.twin.TwinSettings;
import io.liftguard.twin.domain.TwinEvent;
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
 * The live warnings' projections: twin events (one instance per twin tag) and rescue case events into
 * {@code warning}, rows and offset in one transaction (exactly once), each instance run once in the cluster.
 */
public final class WarningsProjection {
  public static final String NAME = "warnings";

  private WarningsProjection() {}

  public static void init(ActorSystem<?> system, ReadStore store, TwinSettings twins, ProjectionLags lags) {
    String readJournal = system.settings().config().getString("liftguard.read-journal");
    ProjectionLag.Observer<TwinEvent> twinLag = lags.observer(NAME);
    ProjectionLag.Observer<RescueEvent> rescueLag = lags.observer(NAME);
    ProjectionLag lag = lags.of(NAME);
    ShardedDaemonProcess.get(system).init(ProjectionBehavior.Command.class, "warnings-projection", twins.tags() + 1,
        i -> i < twins.tags()
            ? ProjectionBehavior.create(twinProjection(system, store, readJournal, TwinSettings.tag(i), lag)
                .withStatusObserver(twinLag))
            : ProjectionBehavior.create(rescueProjection(system, store, readJournal, lag)
                .withStatusObserver(rescueLag)),
        ShardedDaemonProcessSettings.create(system), Optional.of(ProjectionBehavior.stopMessage()));
  }

  static GroupedProjection<Offset, EventEnvelope<TwinEvent>> twinProjection(
      ActorSystem<?> system, ReadStore store, String readJournal, String tag, ProjectionLag lag) {
    ReadSideSettings settings = store.settings();
    return JdbcProjection.groupedWithin(ProjectionId.of(NAME, tag),
            EventSourcedProvider.<TwinEvent>eventsByTag(system, readJournal, tag), store::session,
            () -> new ProjectionHandler<TwinEvent>(NAME, tag, lag, (c, e) ->
                WarningWriter.twin(c, PersistenceId.extractEntityId(e.persistenceId()), e.sequenceNr(), e.event())),
            system)
        .withGroup(settings.groupSize(), settings.groupWithin());
  }

  static GroupedProjection<Offset, EventEnvelope<RescueEvent>> rescueProjection(
      ActorSystem<?> system, ReadStore store, String readJournal, ProjectionLag lag) {
    ReadSideSettings settings = store.settings();
    return JdbcProjection.groupedWithin(ProjectionId.of(NAME, RescueCaseEntity.TAG),
            EventSourcedProvider.<RescueEvent>eventsByTag(system, readJournal, RescueCaseEntity.TAG), store::session,
            () -> new ProjectionHandler<RescueEvent>(NAME, RescueCaseEntity.TAG, lag, (c, e) ->
                WarningWriter.rescue(c, PersistenceId.extractEntityId(e.persistenceId()), e.event())),
            system)
        .withGroup(settings.groupSize(), settings.groupWithin());
  }
}
