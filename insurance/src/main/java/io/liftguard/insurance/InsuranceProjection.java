package io.liftguard.insurance;

import io.liftguard.fleet.ReadSideSettings;
import io.liftguard.fleet.ProjectionLag;
import io.liftguard.fleet.ProjectionHandler;
import io.liftguard.fleet.ProjectionLags;
import io.liftguard.fleet.ReadStore;
import io.liftguard.insurance.domain.PolicyEvent;
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
 * The insurance read model's projection: policy events (tag {@value PolicyEntity#TAG}) into the {@code ins_*}
 * tables, rows and offset in one transaction (exactly once), run once in the cluster as a sharded daemon process.
 */
public final class InsuranceProjection {
  public static final String NAME = "insurance";

  private InsuranceProjection() {}

  public static void init(ActorSystem<?> system, ReadStore store, ProjectionLags lags) {
    String readJournal = system.settings().config().getString("liftguard.read-journal");
    ProjectionLag.Observer<PolicyEvent> lag = lags.observer(NAME);
    ShardedDaemonProcess.get(system).init(
        ProjectionBehavior.Command.class,
        "insurance-projection",
        1,
        i -> ProjectionBehavior.create(projection(system, store, readJournal, lags.of(NAME)).withStatusObserver(lag)),
        ShardedDaemonProcessSettings.create(system),
        Optional.of(ProjectionBehavior.stopMessage()));
  }

  static GroupedProjection<Offset, EventEnvelope<PolicyEvent>> projection(
      ActorSystem<?> system, ReadStore store, String readJournal, ProjectionLag lag) {
    ReadSideSettings settings = store.settings();
    return JdbcProjection.groupedWithin(ProjectionId.of(NAME, PolicyEntity.TAG),
            EventSourcedProvider.<PolicyEvent>eventsByTag(system, readJournal, PolicyEntity.TAG), store::session,
            () -> new ProjectionHandler<PolicyEvent>(NAME, PolicyEntity.TAG, lag, (c, e) ->
                InsuranceWriter.apply(c, PersistenceId.extractEntityId(e.persistenceId()), e.sequenceNr(), e.event())),
            system)
        .withGroup(settings.groupSize(), settings.groupWithin());
  }
}
