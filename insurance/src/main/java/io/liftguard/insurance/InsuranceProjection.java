package io.liftguard.insurance;

import io.liftguard.insurance.domain.PolicyEvent;
import io.liftguard.kernel.readside.ProjectionHandler;
import io.liftguard.kernel.readside.ProjectionLag;
import io.liftguard.kernel.readside.ProjectionLags;
import io.liftguard.kernel.readside.Projections;
import io.liftguard.kernel.readside.ReadStore;
import java.util.List;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.javadsl.GroupedProjection;
import org.apache.pekko.projection.javadsl.SourceProvider;

/**
 * The insurance read model's projection: policy events (tag {@value PolicyEntity#TAG}) into the
 * {@code ins_*} tables, rows and offset in one transaction (exactly once), run once in the cluster
 * as a sharded daemon process.
 */
public final class InsuranceProjection {
  public static final String NAME = "insurance";

  private InsuranceProjection() {}

  public static void init(ActorSystem<?> system, ReadStore store, ProjectionLags lags) {
    Projections.<PolicyEvent>run(
        system,
        NAME,
        List.of(PolicyEntity.TAG),
        lags,
        tag -> projection(system, store, Projections.liveEventsByTag(system, tag), lags.of(NAME)));
  }

  static GroupedProjection<Offset, EventEnvelope<PolicyEvent>> projection(
      ActorSystem<?> system,
      ReadStore store,
      SourceProvider<Offset, EventEnvelope<PolicyEvent>> source,
      ProjectionLag lag) {
    return Projections.exactlyOnce(
        system,
        store,
        NAME,
        PolicyEntity.TAG,
        source,
        () ->
            new ProjectionHandler<PolicyEvent>(
                NAME,
                PolicyEntity.TAG,
                lag,
                (c, e) ->
                    InsuranceWriter.apply(
                        c,
                        PersistenceId.extractEntityId(e.persistenceId()),
                        e.sequenceNr(),
                        e.event())));
  }
}
