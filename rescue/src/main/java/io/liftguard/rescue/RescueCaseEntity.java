package io.liftguard.rescue;

import io.liftguard.kernel.CborSerializable;
import io.liftguard.kernel.domain.Decision;
import io.liftguard.kernel.domain.Rejection;
import io.liftguard.kernel.entity.EntityReplies;
import io.liftguard.kernel.store.StoreHealth;
import io.liftguard.rescue.domain.RescueCase;
import io.liftguard.rescue.domain.RescueEvent;
import io.liftguard.rescue.domain.RescueRules;
import io.liftguard.rescue.domain.RescueSettings;
import io.liftguard.rescue.domain.RescueStep;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;

/**
 * One 96333 rescue case: an event-sourced entity per case id under Cluster Sharding. The rules live
 * in {@link RescueRules}; this class persists what they decide before it replies (a 2xx from the
 * API means the step is in the journal) and answers with the case as it then stands. Every event is
 * tagged {@value #TAG} for the read side. The clocks are checked from outside ({@link CheckClocks},
 * sent for every open case on a schedule), with the platform's injected clock, so escalations
 * follow simulated time in a simulation.
 */
public final class RescueCaseEntity
    extends EventSourcedBehaviorWithEnforcedReplies<
        RescueCaseEntity.Command, RescueEvent, RescueCase> {

  public static final EntityTypeKey<Command> TYPE_KEY =
      EntityTypeKey.create(Command.class, "RescueCase");
  public static final String TAG = "rescue";

  /**
   * What a case can be asked to do; every command is answered with the case as it stands after it.
   */
  public sealed interface Command extends CborSerializable {
    ActorRef<StatusReply<RescueCase>> replyTo();
  }

  /** Opens the case (a duplicate opening changes nothing). */
  public record Open(
      RescueRules.Opening opening, String by, ActorRef<StatusReply<RescueCase>> replyTo)
      implements Command {}

  /** Records a step; {@code at} null means now. */
  public record Record(
      RescueStep step,
      Instant at,
      String detail,
      String by,
      ActorRef<StatusReply<RescueCase>> replyTo)
      implements Command {}

  /** Escalates what ran out by now. */
  public record CheckClocks(String by, ActorRef<StatusReply<RescueCase>> replyTo)
      implements Command {}

  public record Get(ActorRef<StatusReply<RescueCase>> replyTo) implements Command {}

  private final String caseId;
  private final RescueSettings settings;
  private final Clock clock;

  public static void init(ActorSystem<?> system, RescueSettings settings, Clock clock) {
    ClusterSharding.get(system)
        .init(Entity.of(TYPE_KEY, ctx -> create(ctx.getEntityId(), settings, clock)));
  }

  public static Behavior<Command> create(String caseId, RescueSettings settings, Clock clock) {
    return new RescueCaseEntity(caseId, settings, clock);
  }

  public static PersistenceId persistenceId(String caseId) {
    return PersistenceId.of(TYPE_KEY.name(), caseId);
  }

  private RescueCaseEntity(String caseId, RescueSettings settings, Clock clock) {
    super(persistenceId(caseId), StoreHealth.entityRestart());
    this.caseId = caseId;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public RescueCase emptyState() {
    return RescueCase.empty(caseId);
  }

  @Override
  public Set<String> tagsFor(RescueEvent event) {
    return Set.of(TAG);
  }

  @Override
  public CommandHandlerWithReply<Command, RescueEvent, RescueCase> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(Command.class, this::handle)
        .build();
  }

  @Override
  public EventHandler<RescueCase, RescueEvent> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(RescueCase::apply);
  }

  private ReplyEffect<RescueEvent, RescueCase> handle(RescueCase state, Command command) {
    Decision<RescueEvent> decision =
        !state.exists() && !(command instanceof Open)
            ? new Decision.Reject<RescueEvent>(
                new Rejection(
                    Rejection.Code.NOT_REGISTERED,
                    "rescue case '" + caseId + "' does not exist",
                    List.of()))
            : decide(state, command);
    return EntityReplies.reply(Effect(), state, decision, command.replyTo());
  }

  private Decision<RescueEvent> decide(RescueCase s, Command command) {
    Instant now = clock.instant();
    if (command instanceof Open c) {
      return RescueRules.open(s, c.opening(), settings, now, c.by());
    } else if (command instanceof Record c) {
      return RescueRules.record(s, c.step(), c.at(), c.detail(), settings, now, c.by());
    } else if (command instanceof CheckClocks c) {
      return RescueRules.checkClocks(s, settings, now, c.by());
    } else if (command instanceof Get) {
      return Decision.accept("read", List.of());
    }
    throw new IllegalArgumentException("unknown rescue command " + command.getClass().getName());
  }
}
