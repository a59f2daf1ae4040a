package io.liftguard.api;

import io.liftguard.twin.store.LiftGuardConfig;
import java.lang.management.ManagementFactory;
import java.time.Clock;
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
    var config = LiftGuardConfig.load();
    AtomicBoolean served = new AtomicBoolean();
    ActorSystem<Guardian.Message> system = ActorSystem.create(
        Guardian.create(Clock.systemUTC(), binding -> {
          served.set(true);
          long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
          var at = binding.localAddress();
          System.out.printf("LiftGuard is serving on http://%s:%d/ (store: %s) %.1f s after JVM start%n",
              at.getHostString(), at.getPort(), config.getString("liftguard.store"), ms / 1000.0);
        }),
        "LiftGuard",
        config);
    system.getWhenTerminated().thenRun(() -> {
      System.out.println("LiftGuard stopped");
      if (!served.get()) {
        System.exit(1); // failed before serving: say so to whoever started it
      }
    });
  }
}
