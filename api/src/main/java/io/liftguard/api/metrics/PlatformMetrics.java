package io.liftguard.api.metrics;

import io.liftguard.kernel.readside.ProjectionLag;
import io.liftguard.kernel.readside.ProjectionLags;
import io.liftguard.rescue.RescueReader;
import io.liftguard.twin.ElevatorTwin;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/**
 * The node's metrics in Prometheus format ({@code GET /metrics}), from Micrometer: what the modules
 * record into this node's registry (requests by route and status, twin writes, readings, flushes),
 * and what this class samples: twins live on the node (its shard region's entities), every
 * projection's lag, events and failures, the rescue cases open, and the JVM's memory, GC, threads
 * and CPU.
 */
public final class PlatformMetrics {
  /** How often the sampled gauges (twins live, rescue cases open) are refreshed. */
  static final Duration SAMPLE_EVERY = Duration.ofSeconds(10);

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final AtomicLong twinsLive = new AtomicLong();
  private final AtomicLong rescuesOpen = new AtomicLong();

  private PlatformMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
  }

  /**
   * The node's registry. Not Micrometer's global one: a gauge registered there before a registry is
   * added follows it only while the gauged object lives, so a second platform in one JVM (tests)
   * lost the first one's gauges.
   */
  public static PlatformMetrics create() {
    return new PlatformMetrics();
  }

  /** Registers the node's gauges and starts sampling the ones that need a question asked. */
  public void sample(ActorSystem<?> system, ProjectionLags projections, RescueReader rescues) {
    Gauge.builder("liftguard.twins.live", twinsLive, AtomicLong::get)
        .description("twins running on this node (in memory, sampled every 10 s)")
        .register(registry);
    Gauge.builder("liftguard.rescue.cases.open", rescuesOpen, AtomicLong::get)
        .description("rescue cases open in the city (read model, sampled every 10 s)")
        .register(registry);
    projections.all().forEach(this::projection);
    system
        .scheduler()
        .scheduleWithFixedDelay(
            Duration.ZERO, SAMPLE_EVERY, () -> refresh(system, rescues), system.executionContext());
  }

  /** A projection's events, failures and lag, tagged with its name. */
  private void projection(String name, ProjectionLag lag) {
    FunctionCounter.builder("liftguard.projection.events", lag, l -> l.snapshot().eventsProjected())
        .description("events the projection has processed on this node since start")
        .tag("projection", name)
        .register(registry);
    FunctionCounter.builder("liftguard.projection.failures", lag, l -> l.snapshot().failures())
        .description(
            "times the projection failed on this node since start (each is restarted with backoff)")
        .tag("projection", name)
        .register(registry);
    FunctionCounter.builder("liftguard.projection.set.aside", lag, l -> l.snapshot().setAside())
        .description(
            "events the projection could not apply and set aside on this node since start "
                + "(projection_set_aside; its read model went on without them)")
        .tag("projection", name)
        .register(registry);
    Gauge.builder("liftguard.projection.failing", lag, l -> l.snapshot().failing() ? 1 : 0)
        .description(
            "1 while the projection has failed since the last event it projected (restarting with"
                + " backoff)")
        .tag("projection", name)
        .register(registry);
    lagQuantile(name, lag, "0.5", ProjectionLag.Snapshot::p50Ms);
    lagQuantile(name, lag, "0.99", ProjectionLag.Snapshot::p99Ms);
    lagQuantile(name, lag, "1", ProjectionLag.Snapshot::maxMs);
  }

  private void lagQuantile(
      String name, ProjectionLag lag, String quantile, Function<ProjectionLag.Snapshot, Long> ms) {
    ToDoubleFunction<ProjectionLag> seconds =
        l -> {
          Long millis = ms.apply(l.snapshot());
          return millis == null ? Double.NaN : millis / 1000.0;
        };
    Gauge.builder("liftguard.projection.lag", lag, seconds)
        .description(
            "time from an event's write to the journal to the end of its handler, over the last"
                + " 10,000 events")
        .tag("projection", name)
        .tag("quantile", quantile)
        .baseUnit("seconds")
        .register(registry);
  }

  private void refresh(ActorSystem<?> system, RescueReader rescues) {
    AskPattern.<GetShardRegionState, ShardRegion.CurrentShardRegionState>ask(
            ClusterSharding.get(system).shardState().narrow(),
            replyTo -> new GetShardRegionState(ElevatorTwin.TYPE_KEY, replyTo),
            Duration.ofSeconds(5),
            system.scheduler())
        .thenAccept(
            state ->
                twinsLive.set(
                    state.getShards().stream().mapToLong(s -> s.getEntityIds().size()).sum()));
    rescues.openCount().thenAccept(rescuesOpen::set);
  }

  /**
   * The registry the modules and the request metrics record into (the one {@link #scrape} reads).
   */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Every metric in Prometheus' text format. */
  public String scrape() {
    return registry.scrape();
  }
}
