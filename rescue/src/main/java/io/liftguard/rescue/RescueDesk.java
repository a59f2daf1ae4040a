package io.liftguard.rescue;

import io.liftguard.kernel.entity.EntityClient;
import io.liftguard.kernel.entity.RejectedException;
import io.liftguard.kernel.store.StoreHealth;
import io.liftguard.rescue.domain.RescueCase;
import io.liftguard.rescue.domain.RescueEvent;
import io.liftguard.rescue.domain.RescueRules;
import io.liftguard.rescue.domain.RescueStep;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.pattern.StatusReply;

/**
 * The rescue centre's desk: the sharded {@link RescueCaseEntity}s as the API, the projections and
 * the watch use them, through an {@link EntityClient}: writes fail at once while the store is
 * unavailable; an entity's refusal comes back as a {@link RejectedException}.
 */
public final class RescueDesk {
  private final EntityClient<RescueCaseEntity.Command> cases;
  private final RescueReader reader;

  public RescueDesk(ActorSystem<?> system, RescueReader reader, StoreHealth storeHealth) {
    this.cases = EntityClient.of(system, RescueCaseEntity.TYPE_KEY, storeHealth);
    this.reader = reader;
  }

  public RescueReader reader() {
    return reader;
  }

  /**
   * The case of the entrapment a twin recorded as {@code twinEventId}: one id per entrapment,
   * whoever opens it.
   */
  public static String caseIdFor(String elevatorId, String twinEventId) {
    return "R-" + elevatorId + "-" + twinEventId;
  }

  public CompletionStage<RescueCase> open(String caseId, RescueRules.Opening opening, String by) {
    return write(caseId, r -> new RescueCaseEntity.Open(opening, by, r));
  }

  public CompletionStage<RescueCase> record(
      String caseId, RescueStep step, Instant at, String detail, String by) {
    return write(caseId, r -> new RescueCaseEntity.Record(step, at, detail, by, r));
  }

  public CompletionStage<RescueCase> checkClocks(String caseId, String by) {
    return write(caseId, r -> new RescueCaseEntity.CheckClocks(by, r));
  }

  public CompletionStage<RescueCase> get(String caseId) {
    return cases.read(caseId, RescueCaseEntity.Get::new);
  }

  /** One event of a case's history with its place in the journal. */
  public record Entry(long sequenceNr, RescueEvent event) {}

  /** Everything that happened to the case, oldest first. */
  public CompletionStage<List<Entry>> history(String caseId) {
    return cases.history(
        RescueCaseEntity.persistenceId(caseId),
        0,
        events -> events.map(e -> new Entry(e.sequenceNr(), (RescueEvent) e.event())));
  }

  private CompletionStage<RescueCase> write(
      String id, Function<ActorRef<StatusReply<RescueCase>>, RescueCaseEntity.Command> msg) {
    return cases.write(id, msg);
  }
}
