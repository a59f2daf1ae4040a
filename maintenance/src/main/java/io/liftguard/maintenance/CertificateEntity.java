package io.liftguard.maintenance;

import io.liftguard.kernel.CborSerializable;
import io.liftguard.kernel.domain.Decision;
import io.liftguard.kernel.entity.EntityReplies;
import io.liftguard.kernel.store.StoreHealth;
import io.liftguard.maintenance.domain.Certificate;
import io.liftguard.maintenance.domain.CertificateEvent;
import io.liftguard.maintenance.domain.CertificateRecord;
import java.time.Clock;
import java.util.List;
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
 * One maintainer's certificate by its number: an event-sourced entity under Cluster Sharding, asked
 * at every check-in whether it lets its holder work for the company that day.
 */
public final class CertificateEntity
    extends EventSourcedBehaviorWithEnforcedReplies<
        CertificateEntity.Command, CertificateEvent, CertificateRecord> {

  public static final EntityTypeKey<Command> TYPE_KEY =
      EntityTypeKey.create(Command.class, "MaintainerCertificate");

  /** What a certificate can be asked; every command is answered with the record after it. */
  public sealed interface Command extends CborSerializable {
    ActorRef<StatusReply<CertificateRecord>> replyTo();
  }

  public record Issue(
      Certificate certificate, String by, ActorRef<StatusReply<CertificateRecord>> replyTo)
      implements Command {}

  public record Get(ActorRef<StatusReply<CertificateRecord>> replyTo) implements Command {}

  private final String number;
  private final Clock clock;

  public static void init(ActorSystem<?> system, Clock clock) {
    ClusterSharding.get(system)
        .init(Entity.of(TYPE_KEY, ctx -> new CertificateEntity(ctx.getEntityId(), clock)));
  }

  public static Behavior<Command> create(String number, Clock clock) {
    return new CertificateEntity(number, clock);
  }

  private CertificateEntity(String number, Clock clock) {
    super(PersistenceId.of(TYPE_KEY.name(), number), StoreHealth.entityRestart());
    this.number = number;
    this.clock = clock;
  }

  @Override
  public CertificateRecord emptyState() {
    return CertificateRecord.empty(number);
  }

  @Override
  public CommandHandlerWithReply<Command, CertificateEvent, CertificateRecord> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(Command.class, this::handle)
        .build();
  }

  @Override
  public EventHandler<CertificateRecord, CertificateEvent> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(CertificateRecord::apply);
  }

  private ReplyEffect<CertificateEvent, CertificateRecord> handle(
      CertificateRecord s, Command command) {
    Decision<CertificateEvent> decision =
        command instanceof Issue c
            ? s.issue(c.certificate(), clock.instant(), c.by())
            : Decision.accept("read", List.of());
    return EntityReplies.reply(Effect(), s, decision, command.replyTo());
  }
}
