package io.liftguard.api;

import com.typesafe.config.ConfigFactory;
import io.liftguard.fleet.ReadModelRebuild;
import io.liftguard.kernel.store.LiftGuardConfig;
import io.liftguard.kernel.store.StoreBootstrap;
import io.liftguard.twin.TwinSettings;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * {@code java -jar liftguard.jar rebuild-read-model}: rebuilds the fleet read model from the
 * journal, configured like the platform (same env variables), with the platform stopped. Prints
 * progress; exits 0 when done.
 */
final class RebuildReadModel {
  private RebuildReadModel() {}

  static int run() {
    var config =
        LiftGuardConfig.load(
            ConfigFactory.parseMap(
                Map.of(
                    "pekko.remote.artery.canonical.port",
                    0,
                    "pekko.coordinated-shutdown.exit-jvm",
                    "off")));
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "LiftGuard", config);
    try {
      StoreBootstrap.prepare(system).toCompletableFuture().get(5, TimeUnit.MINUTES);
      ReadModelRebuild.run(system, TwinSettings.create(system), Clock.systemUTC(), System.out);
      return 0;
    } catch (Exception e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      System.err.println(
          "rebuild-read-model failed: "
              + cause
              + " (is the platform still running on this store?). The read model holds what was"
              + " projected so far, with its offsets: run the rebuild again, or start the platform,"
              + " whose projections go on from there.");
      return 1;
    } finally {
      system.terminate();
      try {
        system.getWhenTerminated().toCompletableFuture().get(60, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // exiting anyway
      }
    }
  }
}
