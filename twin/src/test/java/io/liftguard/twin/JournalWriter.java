package io.liftguard.twin;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;

/**
 * Writes an event straight to the journal under an entity's persistence id and tags, past every
 * rule: what an older version of the platform or a bug may have left there (a test's poisoned
 * event). The entity must not be running.
 */
public final class JournalWriter {
  private JournalWriter() {}

  private record Write(Object event, ActorRef<Done> replyTo) {}

  private static final class Writer extends EventSourcedBehavior<Write, Object, Long> {
    private final Set<String> tags;

    Writer(String persistenceId, Set<String> tags) {
      super(PersistenceId.ofUniqueId(persistenceId));
      this.tags = tags;
    }

    @Override
    public Long emptyState() {
      return 0L;
    }

    @Override
    public CommandHandler<Write, Object, Long> commandHandler() {
      return newCommandHandlerBuilder()
          .forAnyState()
          .onCommand(
              Write.class,
              (s, w) ->
                  Effect().persist(w.event()).thenRun(n -> w.replyTo().tell(Done.getInstance())))
          .build();
    }

    @Override
    public EventHandler<Long, Object> eventHandler() {
      return (s, e) -> s + 1;
    }

    @Override
    public Set<String> tagsFor(Object event) {
      return tags;
    }
  }

  /**
   * Appends {@code event} to {@code persistenceId}'s journal with {@code tags}; returns once it is
   * written.
   */
  public static void persist(
      ActorSystem<?> system, String persistenceId, Set<String> tags, Object event)
      throws Exception {
    ActorRef<Write> writer =
        system.systemActorOf(
            new Writer(persistenceId, tags),
            "journal-writer-" + UUID.randomUUID(),
            org.apache.pekko.actor.typed.Props.empty());
    AskPattern.<Write, Done>ask(
            writer,
            replyTo -> new Write(event, replyTo),
            Duration.ofSeconds(30),
            system.scheduler())
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
  }
}
