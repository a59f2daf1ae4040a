package io.liftguard.api;

import com.typesafe.config.Config;
import io.liftguard.kernel.store.LiftGuardConfig;
import java.lang.management.ManagementFactory;
import java.net.BindException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Starts the LiftGuard platform: {@code java -jar api/target/liftguard.jar}; {@code ... mint-token
 * ...} issues a credential instead (see {@link io.liftguard.api.access.MintToken}), {@code ...
 * rebuild-read-model} rebuilds the fleet read model from the journal ({@link RebuildReadModel}).
 * Configuration: see README.
 */
public final class Main {
  private Main() {}

  /** The platform alone, without add-ons: {@code app}'s main adds the demo city. */
  public static void main(String[] args) {
    run(args, List.of());
  }

  /** Runs the command in {@code args} (none: the platform, with {@code addOns}). */
  public static void run(String[] args, List<AddOn> addOns) {
    if (args.length > 0 && args[0].equals("mint-token")) {
      System.exit(io.liftguard.api.access.MintToken.run(args));
    }
    if (args.length > 0 && args[0].equals("rebuild-read-model")) {
      System.exit(RebuildReadModel.run());
    }
    Config loaded = LiftGuardConfig.load();
    for (AddOn addOn : addOns) {
      loaded = addOn.configure(loaded);
    }
    Config config = loaded;
    AtomicBoolean served = new AtomicBoolean();
    ActorSystem<Guardian.Message> system;
    try {
      system =
          ActorSystem.create(
              Guardian.create(
                  Clock.systemUTC(),
                  addOns,
                  binding -> {
                    served.set(true);
                    long ms =
                        System.currentTimeMillis()
                            - ManagementFactory.getRuntimeMXBean().getStartTime();
                    var at = binding.localAddress();
                    System.out.printf(
                        "LiftGuard is serving on http://%s:%d/ (store: %s) %.1f s after JVM"
                            + " start%n",
                        at.getHostString(),
                        at.getPort(),
                        config.getString("liftguard.store"),
                        ms / 1000.0);
                  }),
              "LiftGuard",
              config);
    } catch (RuntimeException e) {
      if (causedBy(e, BindException.class)) {
        System.err.println(
            String.format(
                "LiftGuard cannot start: its cluster port %s:%d is in use (another platform on this"
                    + " machine?); set LIFTGUARD_CLUSTER_PORT to a free port, or leave it unset on"
                    + " a one-node platform",
                config.getString("pekko.remote.artery.canonical.hostname"),
                config.getInt("pekko.remote.artery.canonical.port")));
        System.exit(1);
      }
      throw e;
    }
    system
        .getWhenTerminated()
        .thenRun(
            () -> {
              System.out.println("LiftGuard stopped");
              if (!served.get()) {
                System.exit(1); // failed before serving: say so to whoever started it
              }
            });
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
