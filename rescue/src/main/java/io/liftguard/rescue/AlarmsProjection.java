package io.liftguard.rescue;

import io.liftguard.kernel.readside.ProjectionLags;
import io.liftguard.kernel.readside.Projections;
import io.liftguard.kernel.readside.ReadStore;
import io.liftguard.rescue.domain.AlarmSource;
import io.liftguard.rescue.domain.RescueRules;
import io.liftguard.twin.TwinSettings;
import io.liftguard.twin.domain.Concern;
import io.liftguard.twin.domain.EventType;
import io.liftguard.twin.domain.IntelligentAlarm;
import io.liftguard.twin.domain.TwinEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.pattern.Patterns;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.javadsl.AtLeastOnceProjection;
import org.apache.pekko.projection.javadsl.Handler;

/**
 * Entrapments recorded by twins open rescue cases, one projection instance per twin tag. At least
 * once with an idempotent opening, so in effect exactly once: the case id is derived from the twin
 * event ({@link RescueDesk#caseIdFor}), and a case that exists answers "duplicate", so a replay or
 * a restart never opens a second case for one entrapment. A raise while the elevator already has an
 * open case is the same incident (the alarm pressed again, a second report of it) and opens
 * nothing: the case this instance opened last is asked itself, so a raise that follows before the
 * rescue read model shows the case opens nothing either.
 */
public final class AlarmsProjection {
  public static final String NAME = "rescue-alarms";

  /** Who the cases opened from twin events are recorded under. */
  public static final String PRINCIPAL = "rescue-alarms";

  private AlarmsProjection() {}

  public static void init(
      ActorSystem<?> system,
      ReadStore store,
      TwinSettings twins,
      RescueDesk desk,
      ProjectionLags lags) {
    Projections.<TwinEvent>run(
        system,
        NAME,
        twins.allTags(Concern.ALARM),
        lags,
        tag -> projection(system, store, desk, tag));
  }

  static AtLeastOnceProjection<Offset, EventEnvelope<TwinEvent>> projection(
      ActorSystem<?> system, ReadStore store, RescueDesk desk, String tag) {
    return Projections.atLeastOnce(system, store, NAME, tag, () -> new AlarmHandler(desk, system));
  }

  static final class AlarmHandler extends Handler<EventEnvelope<TwinEvent>> {
    private static final CompletionStage<Done> DONE =
        CompletableFuture.completedFuture(Done.getInstance());
    private static final int REMEMBERED = 10_000;

    /**
     * How long an entrapment waits for its elevator's row in the fleet read model before the
     * projection fails.
     */
    static final Duration WAIT_FOR_DISTRICT = Duration.ofSeconds(30);

    private static final Duration POLL = Duration.ofMillis(200);
    private final RescueDesk desk;
    private final ActorSystem<?> system;

    /**
     * The last case this instance opened per elevator (every event of an elevator comes to the same
     * instance): asked directly, it answers for the time the rescue read model has not shown the
     * case yet.
     */
    private final Map<String, String> lastOpened = lru();

    /**
     * The district of each elevator whose registration this instance read: an entrapment reported
     * right after the registration takes its district from there, before the fleet read model has
     * the elevator's row.
     */
    private final Map<String, String> registeredIn = lru();

    AlarmHandler(RescueDesk desk, ActorSystem<?> system) {
      this.desk = desk;
      this.system = system;
    }

    private static Map<String, String> lru() {
      return new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > REMEMBERED;
        }
      };
    }

    @Override
    public CompletionStage<Done> process(EventEnvelope<TwinEvent> envelope) {
      String elevatorId = PersistenceId.extractEntityId(envelope.persistenceId());
      if (envelope.event() instanceof TwinEvent.ElevatorRegistered r) {
        registeredIn.put(elevatorId, r.register().district());
        return DONE;
      }
      if (!(envelope.event() instanceof TwinEvent.FaultRaised f)
          || f.eventType().category() != EventType.Category.ENTRAPMENT) {
        return DONE;
      }
      String eventId = f.eventId() != null ? f.eventId() : "seq-" + envelope.sequenceNr();
      String caseId = RescueDesk.caseIdFor(elevatorId, eventId);
      return openCase(elevatorId)
          .thenCompose(
              open -> {
                if (open.isPresent() && !open.get().equals(caseId)) {
                  return DONE; // the same incident, still being handled
                }
                // An intelligent alarm's entrapment occurred when the car got stuck; the centre is
                // alarmed when it is raised.
                boolean twin = IntelligentAlarm.RECORDED_BY.equals(f.recordedBy());
                AlarmSource source = twin ? AlarmSource.INTELLIGENT_ALARM : AlarmSource.GATEWAY;
                Instant alarmAt = twin ? f.recordedAt() : f.occurredAt();
                return districtOf(elevatorId)
                    .thenCompose(
                        district ->
                            desk.open(
                                caseId,
                                new RescueRules.Opening(
                                    elevatorId,
                                    district,
                                    source,
                                    eventId,
                                    alarmAt,
                                    f.eventType().name()
                                        + (f.detail() == null ? "" : ": " + f.detail())),
                                PRINCIPAL))
                    .thenApply(
                        c -> {
                          lastOpened.put(elevatorId, caseId);
                          return Done.getInstance();
                        });
              });
    }

    /**
     * The elevator's district: from its registration if this instance read it, else from the fleet
     * read model, waiting for the row (the fleet projection may be behind this one) up to {@link
     * #WAIT_FOR_DISTRICT}; then the projection fails and is restarted, so no case opens without its
     * district.
     */
    private CompletionStage<String> districtOf(String elevatorId) {
      String known = registeredIn.get(elevatorId);
      return known != null
          ? CompletableFuture.completedFuture(known)
          : fromReadModel(elevatorId, System.nanoTime() + WAIT_FOR_DISTRICT.toNanos());
    }

    private CompletionStage<String> fromReadModel(String elevatorId, long deadline) {
      return desk.reader()
          .districtOf(elevatorId)
          .thenCompose(
              d -> {
                if (d.isPresent()) {
                  return CompletableFuture.completedFuture(d.get());
                }
                if (System.nanoTime() > deadline) {
                  return CompletableFuture.failedFuture(
                      new IllegalStateException(
                          "elevator "
                              + elevatorId
                              + " is not in the fleet read model after "
                              + WAIT_FOR_DISTRICT
                              + ": its entrapment waits for it"));
                }
                return Patterns.after(
                    POLL,
                    system.classicSystem().scheduler(),
                    system.executionContext(),
                    () -> fromReadModel(elevatorId, deadline));
              });
    }

    /**
     * The elevator's open case, if any: the one this instance opened last if still open, else the
     * read model's.
     */
    private CompletionStage<Optional<String>> openCase(String elevatorId) {
      String last = lastOpened.get(elevatorId);
      CompletionStage<Optional<String>> mine =
          last == null
              ? CompletableFuture.completedFuture(Optional.empty())
              : desk.get(last)
                  .thenApply(c -> c.isOpen() ? Optional.of(last) : Optional.<String>empty());
      return mine.thenCompose(
          found ->
              found.isPresent()
                  ? CompletableFuture.completedFuture(found)
                  : desk.reader()
                      .openCaseFor(elevatorId)
                      .thenApply(row -> row.map(RescueReader.CaseRow::caseId)));
    }
  }
}
