package io.liftguard.rescue;

import io.liftguard.fleet.ProjectionLag;
import io.liftguard.fleet.ProjectionLags;
import io.liftguard.fleet.ReadStore;
import io.liftguard.rescue.domain.AlarmSource;
import io.liftguard.rescue.domain.RescueRules;
import io.liftguard.twin.TwinSettings;
import io.liftguard.twin.domain.EventType;
import io.liftguard.twin.domain.IntelligentAlarm;
import io.liftguard.twin.domain.TwinEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.ShardedDaemonProcessSettings;
import org.apache.pekko.cluster.sharding.typed.javadsl.ShardedDaemonProcess;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.projection.ProjectionBehavior;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.eventsourced.javadsl.EventSourcedProvider;
import org.apache.pekko.projection.javadsl.AtLeastOnceProjection;
import org.apache.pekko.projection.javadsl.Handler;
import org.apache.pekko.projection.jdbc.javadsl.JdbcProjection;

/**
 * Entrapments recorded by twins open rescue cases, one projection instance per twin tag. At least once with an
 * idempotent opening, so in effect exactly once: the case id is derived from the twin event
 * ({@link RescueDesk#caseIdFor}), and a case that exists answers "duplicate", so a replay or a restart never opens a
 * second case for one entrapment. A raise while the elevator already has an open case is the same incident (the
 * alarm pressed again, a second report of it) and opens nothing: the case this instance opened last is asked itself,
 * so a raise that follows before the rescue read model shows the case opens nothing either.
 */
public final class AlarmsProjection {
  public static final String NAME = "rescue-alarms";
  /** Who the cases opened from twin events are recorded under. */
  public static final String PRINCIPAL = "rescue-alarms";

  private AlarmsProjection() {}

  public static void init(ActorSystem<?> system, ReadStore store, TwinSettings twins, RescueDesk desk,
      ProjectionLags lags) {
    String readJournal = system.settings().config().getString("liftguard.read-journal");
    ProjectionLag.Observer<TwinEvent> lag = lags.observer(NAME);
    ShardedDaemonProcess.get(system).init(
        ProjectionBehavior.Command.class,
        NAME,
        twins.tags(),
        i -> ProjectionBehavior.create(projection(system, store, desk, readJournal, TwinSettings.tag(i))
            .withStatusObserver(lag)),
        ShardedDaemonProcessSettings.create(system),
        Optional.of(ProjectionBehavior.stopMessage()));
  }

  static AtLeastOnceProjection<Offset, EventEnvelope<TwinEvent>> projection(
      ActorSystem<?> system, ReadStore store, RescueDesk desk, String readJournal, String tag) {
    return JdbcProjection.atLeastOnceAsync(ProjectionId.of(NAME, tag),
        EventSourcedProvider.<TwinEvent>eventsByTag(system, readJournal, tag), store::session,
        () -> new AlarmHandler(desk), system);
  }

  static final class AlarmHandler extends Handler<EventEnvelope<TwinEvent>> {
    private static final CompletionStage<Done> DONE = CompletableFuture.completedFuture(Done.getInstance());
    private static final int REMEMBERED = 10_000;
    private final RescueDesk desk;
    /**
     * The last case this instance opened per elevator (every event of an elevator comes to the same instance): asked
     * directly, it answers for the time the rescue read model has not shown the case yet.
     */
    private final Map<String, String> lastOpened = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
        return size() > REMEMBERED;
      }
    };

    AlarmHandler(RescueDesk desk) {
      this.desk = desk;
    }

    @Override
    public CompletionStage<Done> process(EventEnvelope<TwinEvent> envelope) {
      if (!(envelope.event() instanceof TwinEvent.FaultRaised f)
          || f.eventType().category() != EventType.Category.ENTRAPMENT) {
        return DONE;
      }
      String elevatorId = PersistenceId.extractEntityId(envelope.persistenceId());
      String eventId = f.eventId() != null ? f.eventId() : "seq-" + envelope.sequenceNr();
      String caseId = RescueDesk.caseIdFor(elevatorId, eventId);
      return openCase(elevatorId).thenCompose(open -> {
        if (open.isPresent() && !open.get().equals(caseId)) {
          return DONE; // the same incident, still being handled
        }
        // An intelligent alarm's entrapment occurred when the car got stuck; the centre is alarmed when it is raised.
        boolean twin = IntelligentAlarm.RECORDED_BY.equals(f.recordedBy());
        AlarmSource source = twin ? AlarmSource.INTELLIGENT_ALARM : AlarmSource.GATEWAY;
        Instant alarmAt = twin ? f.recordedAt() : f.occurredAt();
        return desk.reader().districtOf(elevatorId).thenCompose(district -> desk.open(caseId,
            new RescueRules.Opening(elevatorId, district.orElse(null), source, eventId, alarmAt,
                f.eventType().name() + (f.detail() == null ? "" : ": " + f.detail())),
            PRINCIPAL)).thenApply(c -> {
              lastOpened.put(elevatorId, caseId);
              return Done.getInstance();
            });
      });
    }

    /** The elevator's open case, if any: the one this instance opened last if still open, else the read model's. */
    private CompletionStage<Optional<String>> openCase(String elevatorId) {
      String last = lastOpened.get(elevatorId);
      CompletionStage<Optional<String>> mine = last == null
          ? CompletableFuture.completedFuture(Optional.empty())
          : desk.get(last).thenApply(c -> c.isOpen() ? Optional.of(last) : Optional.<String>empty());
      return mine.thenCompose(found -> found.isPresent() ? CompletableFuture.completedFuture(found)
          : desk.reader().openCaseFor(elevatorId).thenApply(row -> row.map(RescueReader.CaseRow::caseId)));
    }
  }
}
