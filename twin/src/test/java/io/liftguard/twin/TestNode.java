package io.liftguard.twin;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.liftguard.kernel.store.LiftGuardConfig;
import io.liftguard.kernel.store.StoreBootstrap;
import io.liftguard.twin.risk.RiskModels;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;

/** A one-node LiftGuard cluster on a real store, for integration tests. */
public final class TestNode implements AutoCloseable {
  public final ActorSystem<Void> system;
  public final ElevatorFleet fleet;

  private TestNode(ActorSystem<Void> system, ElevatorFleet fleet) {
    this.system = system;
    this.fleet = fleet;
  }

  /** Store settings for H2 in {@code dataDir}. */
  public static Map<String, Object> h2(String dataDir) {
    return Map.of("liftguard.store", "h2", "liftguard.data-dir", dataDir);
  }

  /** Store settings for the Cassandra node the tests run against, in its own keyspace. */
  public static Map<String, Object> cassandra(String keyspace) {
    return Map.of(
        "liftguard.store",
        "cassandra",
        "liftguard.cassandra.keyspace",
        keyspace,
        "liftguard.cassandra.contact-points",
        cassandraContactPoints());
  }

  public static String cassandraContactPoints() {
    String env = System.getenv("LIFTGUARD_CASSANDRA_CONTACT_POINTS");
    return env == null || env.isBlank() ? "127.0.0.1:9042" : env;
  }

  public static Config config(Map<String, Object> store) {
    return LiftGuardConfig.load(
        ConfigFactory.parseMap(store)
            .withFallback(
                ConfigFactory.parseString(
                    "pekko.remote.artery.canonical.hostname = 127.0.0.1\n"
                        + "pekko.remote.artery.canonical.port = 0\n"
                        + "pekko.coordinated-shutdown.exit-jvm = off\n"
                        + "pekko.cluster.jmx.multi-mbeans-in-same-jvm = on\n")));
  }

  public static TestNode start(Map<String, Object> store, Clock clock) throws Exception {
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "LiftGuard", config(store));
    Cluster cluster = Cluster.get(system);
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    StoreBootstrap.prepare(system)
        .toCompletableFuture()
        .get(60, java.util.concurrent.TimeUnit.SECONDS);
    return new TestNode(
        system,
        ElevatorFleet.start(system, TwinSettings.create(system), clock, RiskModels.loadDefault()));
  }

  @Override
  public void close() throws Exception {
    system.terminate();
    system
        .getWhenTerminated()
        .toCompletableFuture()
        .get(Duration.ofSeconds(60).toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
  }
}
