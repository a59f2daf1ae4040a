package io.liftguard.demo;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.liftguard.api.AddOn;
import io.liftguard.insurance.InsuranceSettings;
import io.liftguard.kernel.store.LiftGuardConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.pekko.actor.typed.javadsl.ActorContext;

/**
 * The demo city as an add-on of the platform: decides whether it runs ({@link DemoCity#decide})
 * before the store opens, reviews its short-lived policies more often, and once the API serves
 * starts the city's gateways, its insurance, its rescue centre, and writes one credential per role.
 */
public final class Demo implements AddOn {

  /**
   * {@code config} with {@code liftguard.demo.enabled} a yes or no, decided before the store opens
   * (its files would make any data directory look used), and the data directory marked as the
   * demo's if yes.
   */
  @Override
  public Config configure(Config config) {
    Path dataDir = Path.of(config.getString("liftguard.data-dir"));
    Map.Entry<Boolean, String> demo =
        DemoCity.decide(
            config.getString("liftguard.demo.enabled"), LiftGuardConfig.Store.of(config), dataDir);
    System.out.println(
        "LiftGuard demo city: " + (demo.getKey() ? "on" : "off") + " (" + demo.getValue() + ")");
    if (demo.getKey()) {
      try {
        DemoCity.mark(dataDir);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot mark " + dataDir + " as the demo city's", e);
      }
    }
    return ConfigFactory.parseMap(Map.of("liftguard.demo.enabled", demo.getKey()))
        .withFallback(config);
  }

  /**
   * The demo city's policies live in simulated days ({@link DemoInsurance} binds them with rating
   * periods of 30); their periods end every few minutes, so policies are reviewed every quarter
   * simulated day.
   */
  @Override
  public InsuranceSettings insurance(Config config, InsuranceSettings settings) {
    DemoCity.Settings demo = DemoCity.Settings.fromConfig(config);
    return demo.enabled() ? settings.reviewedEvery(demo.simulatedDay().dividedBy(4)) : settings;
  }

  @Override
  public void serving(ActorContext<?> ctx, Platform platform) {
    DemoCity.Settings demo = DemoCity.Settings.fromConfig(ctx.getSystem().settings().config());
    if (!demo.enabled()) {
      return;
    }
    ctx.spawn(DemoCity.create(platform.fleet(), demo, platform.clock()), "demo-city");
    ctx.spawn(
        DemoInsurance.create(
            platform.policies(),
            DemoCity.register(demo, platform.clock().instant()),
            demo.simulatedDay().multipliedBy(30),
            platform.clock()),
        "demo-insurance");
    ctx.spawn(DemoRescueCentre.create(platform.rescue(), platform.clock()), "demo-rescue-centre");
    ctx.spawn(
        DemoMaintenance.create(
            platform.maintenance(),
            DemoCity.register(demo, platform.clock().instant()),
            platform.clock()),
        "demo-maintenance");
    Path file =
        DemoCredentials.write(platform.tokens(), platform.dataDir(), platform.auth().defaultTtl());
    ctx.getLog().info("demo mode: one bearer token per role written to {}", file.toAbsolutePath());
  }
}
