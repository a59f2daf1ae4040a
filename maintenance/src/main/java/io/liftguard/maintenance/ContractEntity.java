package io.liftguard.maintenance;

import io.liftguard.kernel.CborSerializable;
import io.liftguard.kernel.domain.Decision;
import io.liftguard.kernel.entity.EntityReplies;
import io.liftguard.kernel.store.StoreHealth;
import io.liftguard.maintenance.domain.Contract;
import io.liftguard.maintenance.domain.ContractEvent;
import io.liftguard.maintenance.domain.ContractHistory;
import io.liftguard.maintenance.domain.ContractRules;
import java.time.Clock;
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
 * One maintenance contract: an event-sourced entity per contract id under Cluster Sharding. The
 * rules live in {@link ContractRules}; a version is in the journal before the answer. Events are
 * tagged {@value #TAG} for the maintenance read model.
 */
public final class ContractEntity
    extends EventSourcedBehaviorWithEnforcedReplies<
        ContractEntity.Command, ContractEvent, ContractHistory> {

  public static final EntityTypeKey<Command> TYPE_KEY =
      EntityTypeKey.create(Command.class, "MaintenanceContract");
  public static final String TAG = "maintenance-contract";

  /** What a contract can be asked; every command is answered with its history after it. */
  public sealed interface Command extends CborSerializable {
    ActorRef<StatusReply<ContractHistory>> replyTo();
  }

  /** Signs the next version. */
  public record Sign(Contract contract, String by, ActorRef<StatusReply<ContractHistory>> replyTo)
      implements Command {}

  public record Get(ActorRef<StatusReply<ContractHistory>> replyTo) implements Command {}

  private final String contractId;
  private final Clock clock;

  public static void init(ActorSystem<?> system, Clock clock) {
    ClusterSharding.get(system).init(Entity.of(TYPE_KEY, ctx -> create(ctx.getEntityId(), clock)));
  }

  public static Behavior<Command> create(String contractId, Clock clock) {
    return new ContractEntity(contractId, clock);
  }

  public static PersistenceId persistenceId(String contractId) {
    return PersistenceId.of(TYPE_KEY.name(), contractId);
  }

  private ContractEntity(String contractId, Clock clock) {
    super(persistenceId(contractId), StoreHealth.entityRestart());
    this.contractId = contractId;
    this.clock = clock;
  }

  @Override
  public ContractHistory emptyState() {
    return ContractHistory.empty(contractId);
  }

  @Override
  public Set<String> tagsFor(ContractEvent event) {
    return Set.of(TAG);
  }

  @Override
  public CommandHandlerWithReply<Command, ContractEvent, ContractHistory> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(Command.class, this::handle)
        .build();
  }

  @Override
  public EventHandler<ContractHistory, ContractEvent> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(ContractHistory::apply);
  }

  private ReplyEffect<ContractEvent, ContractHistory> handle(ContractHistory s, Command command) {
    Decision<ContractEvent> decision =
        command instanceof Sign c
            ? ContractRules.sign(s, c.contract(), clock.instant(), c.by())
            : Decision.accept("read", List.of());
    return EntityReplies.reply(Effect(), s, decision, command.replyTo());
  }
}
