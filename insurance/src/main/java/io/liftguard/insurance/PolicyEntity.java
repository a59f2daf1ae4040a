package io.liftguard.insurance;

import io.liftguard.insurance.domain.Claim;
import io.liftguard.insurance.domain.PolicyEvent;
import io.liftguard.insurance.domain.PolicyRules;
import io.liftguard.insurance.domain.PolicyState;
import io.liftguard.insurance.domain.ProductTerms;
import io.liftguard.insurance.domain.RatingInputs;
import io.liftguard.kernel.CborSerializable;
import io.liftguard.kernel.domain.Decision;
import io.liftguard.kernel.domain.Rejection;
import io.liftguard.kernel.store.StoreHealth;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;

/**
 * One policy: an event-sourced entity per policy id under Cluster Sharding. The rules live in
 * {@link PolicyRules}; this class persists what they decide before it replies (a 2xx from the API
 * means the change is in the journal) and answers with the policy as it then stands. Every event is
 * tagged {@value #TAG} for the insurance read model.
 */
public final class PolicyEntity
    extends EventSourcedBehaviorWithEnforcedReplies<
        PolicyEntity.Command, PolicyEvent, PolicyState> {

  public static final EntityTypeKey<Command> TYPE_KEY =
      EntityTypeKey.create(Command.class, "Policy");
  public static final String TAG = "policy";

  /**
   * What a policy can be asked to do; every command is answered with the policy as it stands after
   * it.
   */
  public sealed interface Command extends CborSerializable {
    ActorRef<StatusReply<PolicyState>> replyTo();
  }

  public record Quote(
      PolicyRules.QuoteRequest request, String by, ActorRef<StatusReply<PolicyState>> replyTo)
      implements Command {}

  /**
   * Binds the quote; its rating periods are {@code ratingPeriod} when given (the demo city's
   * policies live in simulated days), else the configured one.
   */
  public record Bind(String by, Duration ratingPeriod, ActorRef<StatusReply<PolicyState>> replyTo)
      implements Command {}

  public record Get(ActorRef<StatusReply<PolicyState>> replyTo) implements Command {}

  /** The twin's risk was re-assessed (from the claims-and-risk projection). */
  public record RiskChanged(
      String elevatorId,
      RatingInputs.Risk risk,
      String by,
      ActorRef<StatusReply<PolicyState>> replyTo)
      implements Command {}

  /** The periodic review, with what the read model says of each covered elevator. */
  public record Review(
      Map<String, PolicyRules.ElevatorStatus> statuses,
      String by,
      ActorRef<StatusReply<PolicyState>> replyTo)
      implements Command {}

  public record OpenClaim(Claim claim, String by, ActorRef<StatusReply<PolicyState>> replyTo)
      implements Command {}

  public record AssessClaim(
      String claimId,
      BigDecimal loss,
      String note,
      String by,
      ActorRef<StatusReply<PolicyState>> replyTo)
      implements Command {}

  public record PayClaim(
      String claimId, String note, String by, ActorRef<StatusReply<PolicyState>> replyTo)
      implements Command {}

  public record RejectClaim(
      String claimId, String note, String by, ActorRef<StatusReply<PolicyState>> replyTo)
      implements Command {}

  public record CompleteServiceAction(
      String actionId, String note, String by, ActorRef<StatusReply<PolicyState>> replyTo)
      implements Command {}

  public record Cancel(String reason, String by, ActorRef<StatusReply<PolicyState>> replyTo)
      implements Command {}

  /** The renewal {@code successorId} of this policy was bound. */
  public record Renewed(String successorId, String by, ActorRef<StatusReply<PolicyState>> replyTo)
      implements Command {}

  private final String policyId;
  private final ProductCatalog catalog;
  private final InsuranceSettings settings;
  private final Clock clock;

  public static void init(
      ActorSystem<?> system, ProductCatalog catalog, InsuranceSettings settings, Clock clock) {
    ClusterSharding.get(system)
        .init(Entity.of(TYPE_KEY, ctx -> create(ctx.getEntityId(), catalog, settings, clock)));
  }

  public static Behavior<Command> create(
      String policyId, ProductCatalog catalog, InsuranceSettings settings, Clock clock) {
    return new PolicyEntity(policyId, catalog, settings, clock);
  }

  public static PersistenceId persistenceId(String policyId) {
    return PersistenceId.of(TYPE_KEY.name(), policyId);
  }

  private PolicyEntity(
      String policyId, ProductCatalog catalog, InsuranceSettings settings, Clock clock) {
    super(persistenceId(policyId), StoreHealth.entityRestart());
    this.policyId = policyId;
    this.catalog = catalog;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public PolicyState emptyState() {
    return PolicyState.empty(policyId);
  }

  @Override
  public Set<String> tagsFor(PolicyEvent event) {
    return Set.of(TAG);
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    // Snapshots only: events are never deleted, they explain every premium.
    return RetentionCriteria.snapshotEvery(100, 2);
  }

  @Override
  public CommandHandlerWithReply<Command, PolicyEvent, PolicyState> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(Command.class, this::handle)
        .build();
  }

  @Override
  public EventHandler<PolicyState, PolicyEvent> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(PolicyState::apply);
  }

  private ReplyEffect<PolicyEvent, PolicyState> handle(PolicyState state, Command command) {
    Decision<PolicyEvent> decision =
        !state.exists() && !(command instanceof Quote)
            ? new Decision.Reject<PolicyEvent>(
                new Rejection(
                    Rejection.Code.NOT_REGISTERED,
                    "policy '" + policyId + "' does not exist",
                    List.of()))
            : decide(state, command);
    if (decision instanceof Decision.Reject<PolicyEvent> r) {
      return Effect().reply(command.replyTo(), StatusReply.error(r.rejection().asStatusText()));
    }
    List<PolicyEvent> events = ((Decision.Accept<PolicyEvent>) decision).events();
    if (events.isEmpty()) {
      return Effect().reply(command.replyTo(), StatusReply.success(state));
    }
    return Effect().persist(events).thenReply(command.replyTo(), StatusReply::success);
  }

  private Decision<PolicyEvent> decide(PolicyState s, Command command) {
    var now = clock.instant();
    if (command instanceof Quote c) {
      return PolicyRules.quote(s, c.request(), now, c.by());
    } else if (command instanceof Bind c) {
      return PolicyRules.bind(
          s, c.ratingPeriod() != null ? c.ratingPeriod() : settings.ratingPeriod(), now, c.by());
    } else if (command instanceof Get) {
      return new Decision.Accept<PolicyEvent>(List.of(), "read");
    } else if (command instanceof RiskChanged c) {
      return PolicyRules.riskChanged(s, terms(s), c.elevatorId(), c.risk(), now, c.by());
    } else if (command instanceof Review c) {
      return PolicyRules.review(s, terms(s), c.statuses(), now, c.by());
    } else if (command instanceof OpenClaim c) {
      return PolicyRules.openClaim(s, c.claim(), now, c.by());
    } else if (command instanceof AssessClaim c) {
      return PolicyRules.assessClaim(s, terms(s), c.claimId(), c.loss(), c.note(), now, c.by());
    } else if (command instanceof PayClaim c) {
      return PolicyRules.payClaim(s, c.claimId(), c.note(), now, c.by());
    } else if (command instanceof RejectClaim c) {
      return PolicyRules.rejectClaim(s, c.claimId(), c.note(), now, c.by());
    } else if (command instanceof CompleteServiceAction c) {
      return PolicyRules.completeAction(s, c.actionId(), c.note(), now, c.by());
    } else if (command instanceof Cancel c) {
      return PolicyRules.cancel(s, terms(s), c.reason(), now, c.by());
    } else if (command instanceof Renewed c) {
      return PolicyRules.renewed(s, c.successorId(), now, c.by());
    }
    throw new IllegalArgumentException("unknown policy command " + command.getClass().getName());
  }

  private ProductTerms terms(PolicyState s) {
    return catalog.terms(s.productVersion());
  }
}
