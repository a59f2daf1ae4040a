package io.liftguard.kernel.store;

import com.typesafe.config.Config;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.BackoffSupervisorStrategy;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.persistence.cassandra.healthcheck.CassandraHealthCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.jdk.javaapi.FutureConverters;

/**
 * Whether the store that holds the journal answers, as last probed. It stands where the persistence
 * plugins' circuit breakers stood (they are configured never to open, see liftguard-pekko.conf):
 * while the store is down, writes are refused at once with a clear answer instead of reaching twins
 * that would fail to persist, and twins hold coalesced readings instead of failing a flush, so
 * twins in memory stay there and keep answering reads. As soon as a probe succeeds again writes go
 * through; there is no breaker left to wait out.
 *
 * <p>Cassandra is probed with Pekko Persistence Cassandra's own health check (a query through the
 * journal's session) every {@code liftguard.store-health.probe-interval}; {@code
 * failures-before-unavailable} failed probes in a row make it unavailable (one slow answer under
 * load does not), one success makes it available again. The platform starts serving only once a
 * first probe succeeded ({@link StoreBootstrap}). The embedded store runs inside this process: it
 * is available as long as the process is.
 */
public final class StoreHealth {
  private static final Logger log = LoggerFactory.getLogger(StoreHealth.class);

  /** The store's availability and since when (the injected clock). */
  public record Status(boolean available, Instant since) {}

  /**
   * The {@code liftguard.store-health} section.
   *
   * @param readTimeout how long a read waits for a twin while the store is down
   * @param retryAfter what clients refused while the store is down are told to wait before retrying
   */
  public record Settings(
      Duration probeInterval,
      int failuresBeforeUnavailable,
      Duration readTimeout,
      Duration retryAfter) {
    public static Settings fromConfig(Config root) {
      Config c = root.getConfig("liftguard.store-health");
      return new Settings(
          c.getDuration("probe-interval"),
          c.getInt("failures-before-unavailable"),
          c.getDuration("read-timeout"),
          c.getDuration("retry-after"));
    }
  }

  /**
   * How an entity (a twin, a policy, a rescue case) restarts after a failed persist or recovery
   * (the store went down): it recovers from the journal again, at most half a second apart, so it
   * is back within about half a second of the store answering again. Attempts while the store is
   * down fail at once (the driver has no node to send to), so they cost next to nothing.
   */
  public static BackoffSupervisorStrategy entityRestart() {
    return SupervisorStrategy.restartWithBackoff(
        Duration.ofMillis(100), Duration.ofMillis(500), 0.2);
  }

  private final Clock clock;
  private final Settings settings;
  private final AtomicBoolean probing = new AtomicBoolean();

  /** Failed probes in a row; guarded by {@code this}. */
  private int failures;

  /**
   * Writes under way: failed at once when the store is found unavailable, since their outcome is
   * unknown.
   */
  private final Set<CompletableFuture<?>> writesInFlight = ConcurrentHashMap.newKeySet();

  private volatile Status status;

  private StoreHealth(Clock clock, Settings settings) {
    this.clock = clock;
    this.settings = settings;
    this.status = new Status(true, clock.instant());
  }

  /** Starts probing the configured store (if it is not the embedded one). */
  public static StoreHealth start(ActorSystem<?> system, Clock clock) {
    StoreHealth health = new StoreHealth(clock, Settings.fromConfig(system.settings().config()));
    probeFor(system)
        .ifPresent(
            probe -> {
              Duration every = health.settings.probeInterval();
              system
                  .scheduler()
                  .scheduleWithFixedDelay(
                      every, every, () -> health.probe(probe), system.executionContext());
            });
    return health;
  }

  /**
   * One probe of the configured store: true if it answered in time; none for the embedded store.
   */
  static Optional<Supplier<CompletionStage<Boolean>>> probeFor(ActorSystem<?> system) {
    if (LiftGuardConfig.Store.of(system.settings().config()) != LiftGuardConfig.Store.CASSANDRA) {
      return Optional.empty();
    }
    CassandraHealthCheck check = new CassandraHealthCheck(Adapter.toClassic(system));
    return Optional.of(
        () -> FutureConverters.asJava(check.apply()).thenApply(Boolean.TRUE::equals));
  }

  /** A store health that only changes when told ({@link #probed}): for tests. */
  public static StoreHealth manual(Clock clock, Settings settings) {
    return new StoreHealth(clock, settings);
  }

  public Status status() {
    return status;
  }

  public boolean available() {
    return status.available();
  }

  public Settings settings() {
    return settings;
  }

  /** The failure for a request refused because the store is unavailable now. */
  public StoreUnavailableException refusal() {
    return new StoreUnavailableException(status, false, settings.retryAfter());
  }

  /** Runs one probe unless the previous one is still under way. */
  void probe(Supplier<CompletionStage<Boolean>> check) {
    if (!probing.compareAndSet(false, true)) {
      return;
    }
    CompletionStage<Boolean> result;
    try {
      result = check.get();
    } catch (RuntimeException e) {
      result = CompletableFuture.failedFuture(e);
    }
    result.whenComplete(
        (ok, failure) -> {
          probing.set(false);
          probed(failure == null && ok);
        });
  }

  /**
   * The outcome of one probe. A change of availability is logged and, when the store went down,
   * fails the writes in flight.
   */
  public void probed(boolean ok) {
    Status before;
    Status now;
    synchronized (this) {
      failures = ok ? 0 : failures + 1;
      before = status;
      boolean available =
          ok || (before.available() && failures < settings.failuresBeforeUnavailable());
      if (before.available() == available) {
        return;
      }
      now = new Status(available, clock.instant());
      status = now;
    }
    Duration lasted = Duration.between(before.since(), now.since());
    if (now.available()) {
      log.info(
          "the store answers again after {} ms unavailable: writes are accepted",
          lasted.toMillis());
    } else {
      log.warn(
          "the store does not answer: writes are answered 503 until it does; twins in memory keep"
              + " answering reads");
      for (CompletableFuture<?> write : writesInFlight) {
        write.completeExceptionally(
            new StoreUnavailableException(now, true, settings.retryAfter()));
      }
    }
  }

  /**
   * Runs {@code write} if the store is available, else fails at once with {@link
   * StoreUnavailableException}; a write still under way when the store is found unavailable fails
   * then, as its outcome is unknown.
   */
  public <T> CompletionStage<T> guard(Supplier<CompletionStage<T>> write) {
    if (!status.available()) {
      return CompletableFuture.failedFuture(refusal());
    }
    CompletableFuture<T> result = new CompletableFuture<>();
    writesInFlight.add(result);
    result.whenComplete((v, f) -> writesInFlight.remove(result));
    if (!status.available()) { // went down between the check and the add
      result.completeExceptionally(refusal());
      return result;
    }
    write
        .get()
        .whenComplete(
            (v, f) -> {
              if (f == null) {
                result.complete(v);
              } else {
                result.completeExceptionally(f);
              }
            });
    return result;
  }
}
