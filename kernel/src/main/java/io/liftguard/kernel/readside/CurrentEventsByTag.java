package io.liftguard.kernel.readside;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.query.NoOffset;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.javadsl.CurrentEventsByTagQuery;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.javadsl.SourceProvider;
import org.apache.pekko.stream.javadsl.Source;

/**
 * The events of one tag as the journal holds them now, then the end: what a rebuild projects (the
 * platform's projections use the live {@code eventsByTag}, which never ends).
 */
final class CurrentEventsByTag<E> extends SourceProvider<Offset, EventEnvelope<E>> {
  private final CurrentEventsByTagQuery query;
  private final String tag;
  private final ActorSystem<?> system;

  CurrentEventsByTag(ActorSystem<?> system, String readJournalPluginId, String tag) {
    this.query =
        PersistenceQuery.get(system)
            .getReadJournalFor(CurrentEventsByTagQuery.class, readJournalPluginId);
    this.tag = tag;
    this.system = system;
  }

  @Override
  public CompletionStage<Source<EventEnvelope<E>, NotUsed>> source(
      Supplier<CompletionStage<Optional<Offset>>> offset) {
    return offset
        .get()
        .thenApplyAsync(
            from ->
                query
                    .currentEventsByTag(tag, from.orElse(NoOffset.getInstance()))
                    .map(
                        e ->
                            EventEnvelope.create(
                                e.offset(),
                                e.persistenceId(),
                                e.sequenceNr(),
                                event(e.event()),
                                e.timestamp())),
            system.executionContext());
  }

  @SuppressWarnings(
      "unchecked") // a tag holds the events of one kind of entity, as the live query assumes too
  private static <E> E event(Object event) {
    return (E) event;
  }

  @Override
  public Offset extractOffset(EventEnvelope<E> envelope) {
    return envelope.offset();
  }

  @Override
  public long extractCreationTime(EventEnvelope<E> envelope) {
    return envelope.timestamp();
  }
}
