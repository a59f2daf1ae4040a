package io.liftguard.kernel.entity;

import io.liftguard.kernel.domain.Decision;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.javadsl.EffectFactories;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;

/**
 * How an entity that answers every command with its state carries out a rule's decision: a
 * rejection is answered as an error and changes nothing; events are persisted before the answer (a
 * 2xx from the API means they are in the journal); no events is answered with the state as it is.
 */
public final class EntityReplies {
  private EntityReplies() {}

  public static <E, S> ReplyEffect<E, S> reply(
      EffectFactories<E, S> effect, S state, Decision<E> decision, ActorRef<StatusReply<S>> to) {
    if (decision instanceof Decision.Reject<E> r) {
      return effect.reply(to, StatusReply.error(r.rejection().asStatusText()));
    }
    List<E> events = ((Decision.Accept<E>) decision).events();
    if (events.isEmpty()) {
      return effect.reply(to, StatusReply.success(state));
    }
    return effect.persist(events).thenReply(to, StatusReply::success);
  }
}
