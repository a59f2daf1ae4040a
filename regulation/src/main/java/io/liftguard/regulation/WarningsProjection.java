package io.liftguard.regulation;

import io.liftguard.kernel.readside.ProjectionHandler;
import io.liftguard.kernel.readside.ProjectionLag;
import io.liftguard.kernel.readside.ProjectionLags;
import io.liftguard.kernel.readside.Projections;
import io.liftguard.kernel.readside.ReadStore;
import io.liftguard.rescue.RescueCaseEntity;
import io.liftguard.rescue.domain.RescueEvent;
import io.liftguard.twin.TwinSettings;
import io.liftguard.twin.domain.Concern;
import io.liftguard.twin.domain.TwinEvent;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.javadsl.GroupedProjection;
import org.apache.pekko.projection.javadsl.SourceProvider;

/**
 * The live warnings' projections: twin events (one instance per twin tag) and rescue case events
 * into {@code warning}, rows and offset in one transaction (exactly once), each instance run once
 * in the cluster.
 */
public final class WarningsProjection {
  public static final String NAME = "warnings";

  private WarningsProjection() {}

  /**
   * One instance per twin tag and one for the rescue cases' tag: a warning comes from a twin event
   * or a rescue case's escalation.
   */
  public static void init(
      ActorSystem<?> system, ReadStore store, TwinSettings twins, ProjectionLags lags) {
    List<String> tags = new ArrayList<>(twins.allTags(Concern.WARNING));
    tags.add(RescueCaseEntity.TAG);
    Projections.<Object>run(
        system,
        NAME,
        tags,
        lags,
        tag ->
            projection(
                system, store, tag, Projections.liveEventsByTag(system, tag), lags.of(NAME)));
  }

  static GroupedProjection<Offset, EventEnvelope<Object>> projection(
      ActorSystem<?> system,
      ReadStore store,
      String tag,
      SourceProvider<Offset, EventEnvelope<Object>> source,
      ProjectionLag lag) {
    return Projections.exactlyOnce(
        system,
        store,
        NAME,
        tag,
        source,
        () ->
            new ProjectionHandler<Object>(
                NAME,
                tag,
                lag,
                (c, e) -> {
                  String id = PersistenceId.extractEntityId(e.persistenceId());
                  if (e.event() instanceof TwinEvent t) {
                    WarningWriter.twin(c, id, e.sequenceNr(), t);
                  } else if (e.event() instanceof RescueEvent r) {
                    WarningWriter.rescue(c, id, r);
                  }
                }));
  }
}
