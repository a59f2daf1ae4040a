package io.liftguard.rescue;

import io.liftguard.rescue.domain.RescueCase;
import io.liftguard.rescue.domain.RescueEvent;
import io.liftguard.rescue.domain.RescueRules;
import io.liftguard.rescue.domain.RescueStep;
import io.liftguard.twin.RejectedException;
import io.liftguard.twin.store.StoreHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.javadsl.CurrentEventsByPersistenceIdQuery;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * The rescue centre's desk: the sharded {@link RescueCaseEntity}s as the API, the projections and the watch use
 * them. Writes fail at once while the store is unavailable; an entity's refusal comes back as a
 * {@link RejectedException}.
 */
public final class RescueDesk {
  private static final Duration ASK_TIMEOUT = Duration.ofSeconds(10);

  private final ActorSystem<?> system;
  private final String readJournalId;
  private final ClusterSharding sharding;
  private final RescueReader reader;
  private final StoreHealth storeHealth;

  public RescueDesk(ActorSystem<?> system, RescueReader reader, StoreHealth storeHealth) {
    this.system = system;
    this.readJournalId = system.settings().config().getString("liftguard.read-journal");
    this.sharding = ClusterSharding.get(system);
    this.reader = reader;
    this.storeHealth = storeHealth;
  }

  public RescueReader reader() {
    return reader;
  }

  /** The case of the entrapment a twin recorded as {@code twinEventId}: one id per entrapment, whoever opens it. */
  public static String caseIdFor(String elevatorId, String twinEventId) {
    return "R-" + elevatorId + "-" + twinEventId;
  }

  public CompletionStage<RescueCase> open(String caseId, RescueRules.Opening opening, String by) {
    return write(caseId, r -> new RescueCaseEntity.Open(opening, by, r));
  }

  public CompletionStage<RescueCase> record(String caseId, RescueStep step, Instant at, String detail, String by) {
    return write(caseId, r -> new RescueCaseEntity.Record(step, at, detail, by, r));
  }

  public CompletionStage<RescueCase> checkClocks(String caseId, String by) {
    return write(caseId, r -> new RescueCaseEntity.CheckClocks(by, r));
  }

  public CompletionStage<RescueCase> get(String caseId) {
    return ask(caseId, RescueCaseEntity.Get::new);
  }

  /** One event of a case's history with its place in the journal. */
  public record Entry(long sequenceNr, RescueEvent event) {}

  /** Everything that happened to the case, oldest first. */
  public CompletionStage<List<Entry>> history(String caseId) {
    CurrentEventsByPersistenceIdQuery journal =
        PersistenceQuery.get(system).getReadJournalFor(CurrentEventsByPersistenceIdQuery.class, readJournalId);
    return journal.currentEventsByPersistenceId(RescueCaseEntity.persistenceId(caseId).id(), 0, Long.MAX_VALUE)
        .map(e -> new Entry(e.sequenceNr(), (RescueEvent) e.event()))
        .runWith(Sink.seq(), system);
  }

  private CompletionStage<RescueCase> write(String id, Function<ActorRef<StatusReply<RescueCase>>, RescueCaseEntity.Command> msg) {
    return storeHealth.guard(() -> ask(id, msg));
  }

  private CompletionStage<RescueCase> ask(String id, Function<ActorRef<StatusReply<RescueCase>>, RescueCaseEntity.Command> msg) {
    return sharding.entityRefFor(RescueCaseEntity.TYPE_KEY, id)
        .<RescueCase>askWithStatus(msg::apply, ASK_TIMEOUT)
        .exceptionallyCompose(RejectedException::fromAskFailure);
  }
}
