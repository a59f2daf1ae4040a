package io.liftguard.kernel.store;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.pattern.Patterns;
import org.apache.pekko.persistence.jdbc.testkit.javadsl.SchemaUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Makes the configured store ready before any twin persists. */
public final class StoreBootstrap {
  private static final Logger log = LoggerFactory.getLogger(StoreBootstrap.class);

  private StoreBootstrap() {}

  /**
   * H2: creates the journal, snapshot and durable-state tables if missing (pekko-persistence-jdbc
   * does not do it by itself; the utility lives in its testkit package but ships in the main jar),
   * the tag index that {@link TagIndexedReadJournalDao} reads events by tag from, and starts the
   * journal file's housekeeping ({@link H2Housekeeping}). Cassandra: waits for a first successful
   * health probe through the journal, which also waits for the keyspace and tables the plugin
   * creates when {@code liftguard.cassandra.autocreate} is on; so the platform serves only once its
   * store answers.
   */
  public static CompletionStage<Done> prepare(ActorSystem<?> system) {
    return switch (LiftGuardConfig.Store.of(system.settings().config())) {
      case H2 ->
          SchemaUtils.createIfNotExists(system)
              .thenCompose(
                  done -> SchemaUtils.applyScript(TagIndexedReadJournalDao.TAG_INDEX_DDL, system))
              .thenApply(
                  done -> {
                    H2Housekeeping.start(system);
                    return done;
                  });
      case CASSANDRA -> awaitFirstProbe(system, StoreHealth.probeFor(system).orElseThrow());
    };
  }

  private static CompletionStage<Done> awaitFirstProbe(
      ActorSystem<?> system, Supplier<CompletionStage<Boolean>> probe) {
    var config = system.settings().config().getConfig("liftguard.store-health");
    Duration interval = config.getDuration("probe-interval");
    Duration timeout = config.getDuration("startup-timeout");
    int attempts = (int) Math.max(1, timeout.toMillis() / interval.toMillis());
    return Patterns.retry(
            () ->
                probe
                    .get()
                    .whenComplete(
                        (ok, failure) -> {
                          if (failure != null || !ok) {
                            log.info("waiting for the store to answer");
                          }
                        }),
            (ok, failure) -> failure != null || !ok,
            attempts,
            interval,
            system)
        .thenCompose(
            ok ->
                ok
                    ? CompletableFuture.completedFuture(Done.getInstance())
                    : CompletableFuture.failedFuture(
                        new IllegalStateException(
                            "the store did not answer within liftguard.store-health.startup-timeout"
                                + " = "
                                + timeout)));
  }
}
