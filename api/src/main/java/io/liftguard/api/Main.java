package io.liftguard.api;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.liftguard.api.demo.DemoCity;
import io.liftguard.kernel.store.LiftGuardConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Starts the LiftGuard platform: {@code java -jar api/target/liftguard.jar}; {@code ... mint-token ...} issues a
 * credential instead (see {@link io.liftguard.api.access.MintToken}), {@code ... rebuild-read-model} rebuilds the
 * fleet read model from the journal ({@link RebuildReadModel}). Configuration: see README.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("mint-token")) {
      System.exit(io.liftguard.api.access.MintToken.run(args));
    }
    if (args.length > 0 && args[0].equals("rebuild-read-model")) {
      System.exit(RebuildReadModel.run());
    }
    var config = withDemoDecided(LiftGuardConfig.load());
    AtomicBoolean served = new AtomicBoolean();
    ActorSystem<Guardian.Message> system;
    try {
      system = ActorSystem.create(
          Guardian.create(Clock.systemUTC(), binding -> {
            served.set(true);
            long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            var at = binding.localAddress();
            System.out.printf("LiftGuard is serving on http://%s:%d/ (store: %s) %.1f s after JVM start%n",
                at.getHostString(), at.getPort(), config.getString("liftguard.store"), ms / 1000.0);
          }),
          "LiftGuard",
          config);
    } catch (RuntimeException e) {
      if (causedBy(e, BindException.class)) {
        System.err.println(String.format("LiftGuard cannot start: its cluster port %s:%d is in use (another "
                + "platform on this machine?); set LIFTGUARD_CLUSTER_PORT to a free port, or leave it unset on a "
                + "one-node platform", config.getString("pekko.remote.artery.canonical.hostname"),
            config.getInt("pekko.remote.artery.canonical.port")));
        System.exit(1);
      }
      throw e;
    }
    system.getWhenTerminated().thenRun(() -> {
      System.out.println("LiftGuard stopped");
      if (!served.get()) {
        System.exit(1); // failed before serving: say so to whoever started it
      }
    });
  }

  /**
   * {@code config} with {@code liftguard.demo.enabled} a yes or no ({@link DemoCity#decide}), decided before the store
   * opens (its files would make any data directory look used), and the data directory marked as the demo's if yes.
   */
  private static Config withDemoDecided(Config config) {
    Path dataDir = Path.of(config.getString("liftguard.data-dir"));
    Map.Entry<Boolean, String> demo = DemoCity.decide(config.getString("liftguard.demo.enabled"),
        LiftGuardConfig.Store.of(config), dataDir);
    System.out.println("LiftGuard demo city: " + (demo.getKey() ? "on" : "off") + " (" + demo.getValue() + ")");
    if (demo.getKey()) {
      try {
        DemoCity.mark(dataDir);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot mark " + dataDir + " as the demo city's", e);
      }
    }
    return ConfigFactory.parseMap(Map.of("liftguard.demo.enabled", demo.getKey())).withFallback(config);
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
