package io.liftguard.maintenance;

import io.liftguard.kernel.readside.ProjectionHandler;
import io.liftguard.kernel.readside.ProjectionLag;
import io.liftguard.kernel.readside.ProjectionLags;
import io.liftguard.kernel.readside.Projections;
import io.liftguard.kernel.readside.ReadStore;
import io.liftguard.maintenance.domain.ContractEvent;
import java.util.List;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.javadsl.GroupedProjection;
import org.apache.pekko.projection.javadsl.SourceProvider;

/**
 * The maintenance read model's projection: contract events (tag {@value ContractEntity#TAG}) into
 * {@code maintenance_contract} and {@code maintenance_contract_elevator}, rows and offset in one
 * transaction (exactly once), run once in the cluster.
 */
public final class ContractProjection {
  public static final String NAME = "maintenance-contracts";

  private ContractProjection() {}

  public static void init(ActorSystem<?> system, ReadStore store, ProjectionLags lags) {
    Projections.<ContractEvent>run(
        system,
        NAME,
        List.of(ContractEntity.TAG),
        lags,
        tag -> projection(system, store, Projections.liveEventsByTag(system, tag), lags.of(NAME)));
  }

  static GroupedProjection<Offset, EventEnvelope<ContractEvent>> projection(
      ActorSystem<?> system,
      ReadStore store,
      SourceProvider<Offset, EventEnvelope<ContractEvent>> source,
      ProjectionLag lag) {
    return Projections.exactlyOnce(
        system,
        store,
        NAME,
        ContractEntity.TAG,
        source,
        () ->
            new ProjectionHandler<ContractEvent>(
                NAME, ContractEntity.TAG, lag, (c, e) -> ContractWriter.apply(c, e.event())));
  }
}
