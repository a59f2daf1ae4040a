package io.liftguard.twin;

import io.liftguard.twin.domain.IdIndex;
import io.liftguard.twin.domain.access.ElevatorScope;
import io.liftguard.twin.domain.access.Principal;
import java.util.List;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;

/**
 * One bucket of the index of registered elevator ids, so the register can be listed page by page on either
 * store without scanning the journal. An id lands in bucket {@code floorMod(id.hashCode(), buckets)}.
 */
public final class ElevatorIndex
    extends EventSourcedBehaviorWithEnforcedReplies<ElevatorIndex.Command, ElevatorIndex.Indexed, IdIndex> {

  public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "ElevatorIndex");

  /** Commands to one bucket. */
  public sealed interface Command extends CborSerializable {}

  /** Add an elevator, or update its scope attributes (idempotent). */
  public record Add(ElevatorScope entry, ActorRef<Done> replyTo) implements Command {}

  /** Up to {@code limit} ids after {@code after} (null: from the start) that {@code viewer} may see. */
  public record Page(String after, int limit, Principal viewer, ActorRef<Ids> replyTo) implements Command {}

  /** A sorted page of ids. */
  public record Ids(List<String> ids) implements CborSerializable {}

  /** An elevator was added to the bucket, or its scope attributes changed. */
  public record Indexed(ElevatorScope entry) implements CborSerializable {}

  public static void init(ActorSystem<?> system) {
    ClusterSharding.get(system).init(Entity.of(TYPE_KEY, ctx -> create(ctx.getEntityId())));
  }

  public static Behavior<Command> create(String bucket) {
    return new ElevatorIndex(bucket);
  }

  public static String bucketOf(String id, int buckets) {
    return Integer.toString(Math.floorMod(id.hashCode(), buckets));
  }

  private ElevatorIndex(String bucket) {
    super(PersistenceId.of(TYPE_KEY.name(), bucket));
  }

  @Override
  public IdIndex emptyState() {
    return IdIndex.empty();
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(1000, 2);
  }

  @Override
  public CommandHandlerWithReply<Command, Indexed, IdIndex> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(
            Add.class,
            (s, c) ->
                s.contains(c.entry())
                    ? Effect().reply(c.replyTo(), Done.getInstance())
                    : Effect().persist(new Indexed(c.entry())).thenReply(c.replyTo(), x -> Done.getInstance()))
        .onCommand(
            Page.class, (s, c) -> Effect().reply(c.replyTo(), new Ids(s.page(c.after(), c.limit(), c.viewer()))))
        .build();
  }

  @Override
  public EventHandler<IdIndex, Indexed> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent((s, e) -> s.with(e.entry()));
  }
}
