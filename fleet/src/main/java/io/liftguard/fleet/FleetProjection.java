package io.liftguard.fleet;

import io.liftguard.fleet.domain.FleetChanges;
import io.liftguard.fleet.domain.GroupCounts;
import io.liftguard.kernel.readside.ProjectionHandler;
import io.liftguard.kernel.readside.ProjectionLag;
import io.liftguard.kernel.readside.ProjectionLags;
import io.liftguard.kernel.readside.Projections;
import io.liftguard.kernel.readside.ReadStore;
import io.liftguard.twin.TwinSettings;
import io.liftguard.twin.domain.TwinEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.javadsl.GroupedProjection;
import org.apache.pekko.projection.javadsl.SourceProvider;

/**
 * The fleet read model's projection: one instance per twin tag ({@code twin-0}...), each reading
 * that tag's events and writing their {@link FleetChanges} and its offset in one transaction
 * (exactly once). In the cluster each instance runs once, as a sharded daemon process.
 */
public final class FleetProjection {
  public static final String NAME = "fleet";

  private FleetProjection() {}

  public static ProjectionId id(String tag) {
    return ProjectionId.of(NAME, tag);
  }

  /**
   * Runs the projection of every tag on this cluster (each instance on one node), its lag counted
   * in {@code lags}.
   */
  public static void init(
      ActorSystem<?> system, ReadStore store, TwinSettings twins, ProjectionLags lags) {
    Projections.<TwinEvent>run(
        system,
        NAME,
        twins.allTags(),
        lags,
        tag ->
            projection(
                system, store, tag, Projections.liveEventsByTag(system, tag), lags.of(NAME), true));
  }

  /**
   * The projection of one tag from {@code source} (live for the platform, the journal's current
   * events for a rebuild); what it sets aside is counted in {@code lag}. {@code counting}: whether
   * it keeps the aggregates' counters as it goes (a rebuild fills them from the rows once at the
   * end instead: a third faster).
   */
  static GroupedProjection<Offset, EventEnvelope<TwinEvent>> projection(
      ActorSystem<?> system,
      ReadStore store,
      String tag,
      SourceProvider<Offset, EventEnvelope<TwinEvent>> source,
      ProjectionLag lag,
      boolean counting) {
    return Projections.exactlyOnce(
        system, store, NAME, tag, source, () -> new Handler(tag, lag, counting));
  }

  /**
   * Applies a group of events of one tag to the read model and, from the rows before and after, to
   * its aggregate counters, in one transaction.
   */
  static final class Handler extends ProjectionHandler<TwinEvent> {
    private final String tag;
    private final boolean counting;
    private Set<String> elevators;
    private Map<String, GroupCounts.Counted> before;
    private LocalDate day;

    Handler(String tag, ProjectionLag lag, boolean counting) {
      super(
          NAME,
          tag,
          lag,
          (c, e) ->
              FleetWriter.apply(
                  c,
                  FleetChanges.of(
                      PersistenceId.extractEntityId(e.persistenceId()),
                      e.sequenceNr(),
                      e.event())));
      this.tag = tag;
      this.counting = counting;
    }

    @Override
    protected void beforeGroup(Connection c, List<EventEnvelope<TwinEvent>> envelopes)
        throws SQLException {
      if (counting) {
        day = GroupCountStore.day(c, tag);
        if (day == null) { // filled when the read side starts: not yet, retry shortly
          throw new SQLException("the aggregates' counters are not filled yet", "40001");
        }
        elevators = new LinkedHashSet<>();
        envelopes.forEach(e -> elevators.add(PersistenceId.extractEntityId(e.persistenceId())));
        before = GroupCountStore.counted(c, elevators);
      }
    }

    @Override
    protected void afterGroup(Connection c, List<EventEnvelope<TwinEvent>> envelopes)
        throws SQLException {
      if (counting) {
        GroupCountStore.addChanges(c, tag, elevators, before, day);
      }
    }
  }
}
