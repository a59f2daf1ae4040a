package io.liftguard.twin;

import io.liftguard.kernel.domain.Rejection;
import io.liftguard.kernel.entity.EntityClient;
import io.liftguard.kernel.entity.RejectedException;
import io.liftguard.kernel.store.StoreHealth;
import io.liftguard.twin.domain.Complaint;
import io.liftguard.twin.domain.InspectionResult;
import io.liftguard.twin.domain.MaintainerOnSite;
import io.liftguard.twin.domain.MaintenanceVisit;
import io.liftguard.twin.domain.Reading;
import io.liftguard.twin.domain.Rectification;
import io.liftguard.twin.domain.RegisterData;
import io.liftguard.twin.domain.ReportedEvent;
import io.liftguard.twin.domain.SafetyAssessment;
import io.liftguard.twin.domain.TwinEvent;
import io.liftguard.twin.domain.access.Principal;
import io.liftguard.twin.domain.access.Role;
import io.liftguard.twin.domain.risk.RiskModel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.query.EventEnvelope;

/**
 * The twins of a city, as the API and the demo use them: asks the sharded {@link ElevatorTwin}s
 * through an {@link EntityClient} (twin refusals as {@link RejectedException}s, writes refused
 * while the store is down, reads brief), reads history from the journal, and times every write.
 */
public final class ElevatorFleet {

  /** One persisted event of a twin's life, with its sequence number and the time it was written. */
  public record HistoryEntry(long sequenceNr, Instant writtenAt, TwinEvent event) {}

  /**
   * A page of history; {@code nextFrom} is the sequence number to ask for next, null at the end.
   */
  /**
   * A page of a twin's history. {@code gaps}: sequence numbers missing from the journal within the
   * page (a store that lost acknowledged writes: Cassandra's periodic commit log on a node crash),
   * shown as such rather than failing the read or passing over them silently.
   */
  public record HistoryPage(
      String elevatorId, List<HistoryEntry> events, Long nextFrom, List<Gap> gaps) {}

  /** Sequence numbers {@code from} to {@code to} (inclusive) are not in the journal. */
  public record Gap(long from, long to) {}

  private final EntityClient<ElevatorTwin.Command> twins;
  private final TwinSettings settings;
  private final StoreHealth storeHealth;
  private final TwinMetrics metrics;

  private ElevatorFleet(
      ActorSystem<?> system, TwinSettings settings, StoreHealth storeHealth, TwinMetrics metrics) {
    this.metrics = metrics;
    this.twins = EntityClient.of(system, ElevatorTwin.TYPE_KEY, storeHealth);
    this.settings = settings;
    this.storeHealth = storeHealth;
  }

  /**
   * Starts the store probe and the sharded twins on this node, assessing risk with {@code
   * riskModel}; its metrics go to a registry of its own, read by nobody (tests, simulations).
   */
  public static ElevatorFleet start(
      ActorSystem<?> system, TwinSettings settings, Clock clock, RiskModel riskModel) {
    return start(system, settings, clock, () -> riskModel, new SimpleMeterRegistry());
  }

  /**
   * Starts the store probe and the sharded twins, assessing risk with whatever model {@code
   * riskModel} serves and recording into {@code metrics}: the node's own registry, not Micrometer's
   * global one, so that each node (and each platform a test JVM starts) reports its own twins.
   */
  public static ElevatorFleet start(
      ActorSystem<?> system,
      TwinSettings settings,
      Clock clock,
      Supplier<RiskModel> riskModel,
      MeterRegistry metrics) {
    StoreHealth storeHealth = StoreHealth.start(system, clock);
    FlushSchedule flushes = ElevatorTwin.init(system, settings, clock, storeHealth, riskModel);
    return new ElevatorFleet(system, settings, storeHealth, new TwinMetrics(metrics, flushes));
  }

  public TwinSettings settings() {
    return settings;
  }

  public StoreHealth storeHealth() {
    return storeHealth;
  }

  /**
   * Registers an elevator; the read model lists it once its projection has seen the registration.
   */
  public CompletionStage<String> register(RegisterData data, String by) {
    return write("register", data.registrationCode(), r -> new ElevatorTwin.Register(data, by, r));
  }

  public CompletionStage<ElevatorTwin.ReadingsAck> recordReadings(
      String id, List<Reading> readings, String by) {
    return write("readings", id, r -> new ElevatorTwin.RecordReadings(readings, by, r));
  }

  /**
   * Readings from {@code writer}, applied only if it may write this elevator's telemetry; refused
   * as {@link Rejection.Code#NOT_REGISTERED} otherwise, like an elevator that is not registered.
   * One ask.
   */
  public CompletionStage<ElevatorTwin.ReadingsAck> recordReadings(
      String id, List<Reading> readings, Principal writer) {
    return write(
        "readings", id, r -> new ElevatorTwin.RecordReadings(readings, writer.id(), writer, r));
  }

  /**
   * Whether {@code writer} may write {@code id}'s telemetry (false for an elevator not registered),
   * as its twin decides: a read, answered while the store is down by a twin in memory.
   */
  public CompletionStage<Boolean> acceptsTelemetry(String id, Principal writer) {
    return twins.read(id, r -> new ElevatorTwin.CheckWriter(writer, r));
  }

  /** A fault, alarm, entrapment or service mode reported by {@code by} in {@code role}. */
  public CompletionStage<String> reportEvent(String id, ReportedEvent event, String by, Role role) {
    return write("event", id, r -> new ElevatorTwin.ReportEvent(event, by, role, r));
  }

  public CompletionStage<String> recordMaintenance(String id, MaintenanceVisit visit, String by) {
    return write("maintenance", id, r -> new ElevatorTwin.RecordMaintenance(visit, by, r));
  }

  /** A maintainer checks in at the car: holds its intelligent alarm until the check-out. */
  public CompletionStage<String> checkIn(String id, MaintainerOnSite visit, String by) {
    return write("check-in", id, r -> new ElevatorTwin.CheckIn(visit, by, r));
  }

  /** The maintainer of {@code visitId} checks out: the visit is recorded. */
  public CompletionStage<String> checkOut(
      String id, String visitId, Instant at, String notes, String by) {
    return write("check-out", id, r -> new ElevatorTwin.CheckOut(visitId, at, notes, by, r));
  }

  public CompletionStage<String> recordInspection(String id, InspectionResult result, String by) {
    return write("inspection", id, r -> new ElevatorTwin.RecordInspection(result, by, r));
  }

  public CompletionStage<String> fileComplaint(String id, Complaint complaint, String by) {
    return write("complaint", id, r -> new ElevatorTwin.FileComplaint(complaint, by, r));
  }

  public CompletionStage<String> recordRectification(
      String id, Rectification rectification, String by) {
    return write(
        "rectification", id, r -> new ElevatorTwin.RecordRectification(rectification, by, r));
  }

  public CompletionStage<String> recordAssessment(
      String id, SafetyAssessment assessment, String by) {
    return write(
        "safety-assessment", id, r -> new ElevatorTwin.RecordAssessment(assessment, by, r));
  }

  public CompletionStage<ElevatorTwin.TwinView> get(String id) {
    return twins.read(id, ElevatorTwin.GetTwin::new);
  }

  /**
   * The twin, or empty when no elevator is registered under {@code id}; other failures fail the
   * stage.
   */
  public CompletionStage<Optional<ElevatorTwin.TwinView>> find(String id) {
    return get(id)
        .handle(
            (view, failure) -> {
              if (failure == null) {
                return Optional.of(view);
              }
              Throwable cause = RejectedException.cause(failure);
              if (cause instanceof RejectedException r
                  && r.rejection().code() == Rejection.Code.NOT_REGISTERED) {
                return Optional.empty();
              }
              throw new CompletionException(cause);
            });
  }

  /** The persisted events of one twin from sequence number {@code from}, oldest first. */
  public CompletionStage<HistoryPage> history(String id, long from, int limit) {
    return twins
        .history(ElevatorTwin.persistenceId(id), from, events -> events.take(limit + 1L))
        .thenApply(
            envelopes -> {
              List<HistoryEntry> entries = new ArrayList<>();
              List<Gap> gaps = new ArrayList<>();
              long expected = from;
              for (EventEnvelope e : envelopes.subList(0, Math.min(limit, envelopes.size()))) {
                if (e.sequenceNr() > expected) {
                  gaps.add(new Gap(expected, e.sequenceNr() - 1));
                }
                expected = e.sequenceNr() + 1;
                entries.add(
                    new HistoryEntry(
                        e.sequenceNr(),
                        Instant.ofEpochMilli(e.timestamp()),
                        (TwinEvent) e.event()));
              }
              Long next = envelopes.size() > limit ? envelopes.get(limit).sequenceNr() : null;
              if (next != null && next > expected) {
                gaps.add(new Gap(expected, next - 1));
              }
              return new HistoryPage(id, entries, next, gaps);
            });
  }

  /**
   * The persisted events of one twin recorded at or after {@code since}, oldest first, at most
   * {@code max}. The journal is read from the twin's first event (it has no index by time), so the
   * cost grows with its whole history.
   */
  public CompletionStage<List<TwinEvent>> eventsSince(String id, Instant since, int max) {
    return twins.history(
        ElevatorTwin.persistenceId(id),
        1,
        events ->
            events
                .map(e -> (TwinEvent) e.event())
                .filter(e -> !e.recordedAt().isBefore(since))
                .take(max));
  }

  private <T> CompletionStage<T> write(
      String operation, String id, Function<ActorRef<StatusReply<T>>, ElevatorTwin.Command> msg) {
    long started = System.nanoTime();
    return metrics.timed(operation, twins.write(id, msg), started);
  }
}
