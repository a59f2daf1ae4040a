package io.liftguard.kernel.entity;

import io.liftguard.kernel.store.StoreHealth;
import io.liftguard.kernel.store.StoreUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.javadsl.CurrentEventsByPersistenceIdQuery;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * Asks the sharded entities of one type, the same way for every module: with the ask time-out from
 * {@code liftguard.entity.ask-timeout}; an entity's refusal comes back as a {@link
 * RejectedException}. While the store is unavailable ({@link StoreHealth}) writes fail at once with
 * {@link StoreUnavailableException}, and reads wait only {@code
 * liftguard.store-health.read-timeout}: an entity in memory answers at once, one that would first
 * have to recover from the store cannot, and its failure is reported as the outage. The API maps
 * these to its errors: a rejection to 400/404/409, the outage to 503 with Retry-After, anything
 * else to 500.
 *
 * @param <C> the entity's command type
 */
public final class EntityClient<C> {
  private final ActorSystem<?> system;
  private final ClusterSharding sharding;
  private final EntityTypeKey<C> type;
  private final StoreHealth storeHealth;
  private final Duration askTimeout;

  private EntityClient(
      ActorSystem<?> system, EntityTypeKey<C> type, StoreHealth storeHealth, Duration askTimeout) {
    this.system = system;
    this.sharding = ClusterSharding.get(system);
    this.type = type;
    this.storeHealth = storeHealth;
    this.askTimeout = askTimeout;
  }

  /**
   * A client of the entities of {@code type} (already initialised on this node), guarded by {@code
   * storeHealth}.
   */
  public static <C> EntityClient<C> of(
      ActorSystem<?> system, EntityTypeKey<C> type, StoreHealth storeHealth) {
    Duration askTimeout = system.settings().config().getDuration("liftguard.entity.ask-timeout");
    return new EntityClient<>(system, type, storeHealth, askTimeout);
  }

  public StoreHealth storeHealth() {
    return storeHealth;
  }

  /** A command that may persist: refused at once while the store is down. */
  public <T> CompletionStage<T> write(String id, Function<ActorRef<StatusReply<T>>, C> command) {
    return storeHealth.guard(() -> ask(id, command));
  }

  /**
   * A command that only reads the entity's state: answered while the store is down if the entity is
   * in memory.
   */
  public <T> CompletionStage<T> read(String id, Function<ActorRef<StatusReply<T>>, C> command) {
    return whileStoreDown(ask(id, command));
  }

  /**
   * {@code read} as the caller should see it: a failure while the store is down failed because of
   * it (an entity that could not recover, a journal query), unless it was a rejection.
   */
  public <T> CompletionStage<T> whileStoreDown(CompletionStage<T> read) {
    return read.exceptionallyCompose(
        failure -> {
          Throwable cause = RejectedException.cause(failure);
          boolean explained =
              cause instanceof RejectedException || cause instanceof StoreUnavailableException;
          return CompletableFuture.failedFuture(
              !explained && !storeHealth.available() ? storeHealth.refusal() : cause);
        });
  }

  /**
   * The persisted events of entity {@code persistenceId} from sequence number {@code from}, oldest
   * first, as the journal holds them now: its history.
   */
  public Source<EventEnvelope, NotUsed> history(PersistenceId persistenceId, long from) {
    String readJournal = system.settings().config().getString("liftguard.read-journal");
    return PersistenceQuery.get(system)
        .getReadJournalFor(CurrentEventsByPersistenceIdQuery.class, readJournal)
        .currentEventsByPersistenceId(persistenceId.id(), from, Long.MAX_VALUE);
  }

  /**
   * {@link #history} collected, and reported as the outage when it fails while the store is down.
   */
  public <T> CompletionStage<List<T>> history(
      PersistenceId persistenceId,
      long from,
      Function<Source<EventEnvelope, NotUsed>, Source<T, NotUsed>> query) {
    return whileStoreDown(query.apply(history(persistenceId, from)).runWith(Sink.seq(), system));
  }

  private <T> CompletionStage<T> ask(String id, Function<ActorRef<StatusReply<T>>, C> command) {
    // Shortened while the store is down: an entity in memory answers at once, others cannot.
    Duration timeout = storeHealth.available() ? askTimeout : storeHealth.settings().readTimeout();
    return sharding
        .entityRefFor(type, id)
        .<T>askWithStatus(command::apply, timeout)
        .exceptionallyCompose(RejectedException::fromAskFailure);
  }
}
