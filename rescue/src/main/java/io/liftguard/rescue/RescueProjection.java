package io.liftguard.rescue;

import io.liftguard.kernel.readside.ProjectionHandler;
import io.liftguard.kernel.readside.ProjectionLag;
import io.liftguard.kernel.readside.ProjectionLags;
import io.liftguard.kernel.readside.Projections;
import io.liftguard.kernel.readside.ReadStore;
import io.liftguard.rescue.domain.RescueEvent;
import java.util.List;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.javadsl.GroupedProjection;
import org.apache.pekko.projection.javadsl.SourceProvider;

/**
 * The rescue read model's projection: rescue case events (tag {@value RescueCaseEntity#TAG}) into
 * {@code rescue_case}, rows and offset in one transaction (exactly once), run once in the cluster.
 */
public final class RescueProjection {
  public static final String NAME = "rescue";

  private RescueProjection() {}

  public static void init(ActorSystem<?> system, ReadStore store, ProjectionLags lags) {
    Projections.<RescueEvent>run(
        system,
        NAME,
        List.of(RescueCaseEntity.TAG),
        lags,
        tag -> projection(system, store, Projections.liveEventsByTag(system, tag), lags.of(NAME)));
  }

  static GroupedProjection<Offset, EventEnvelope<RescueEvent>> projection(
      ActorSystem<?> system,
      ReadStore store,
      SourceProvider<Offset, EventEnvelope<RescueEvent>> source,
      ProjectionLag lag) {
    return Projections.exactlyOnce(
        system,
        store,
        NAME,
        RescueCaseEntity.TAG,
        source,
        () ->
            new ProjectionHandler<RescueEvent>(
                NAME,
                RescueCaseEntity.TAG,
                lag,
                (c, e) ->
                    RescueWriter.apply(
                        c, PersistenceId.extractEntityId(e.persistenceId()), e.event())));
  }
}
