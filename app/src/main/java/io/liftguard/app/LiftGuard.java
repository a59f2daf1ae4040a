package io.liftguard.app;

import io.liftguard.api.Main;
import io.liftguard.demo.Demo;
import java.util.List;

/**
 * The deployable's entry point ({@code java -jar api/target/liftguard.jar}): the platform ({@link
 * Main}) with the demo city as its add-on, which runs only where it belongs ({@code
 * LIFTGUARD_DEMO}).
 */
public final class LiftGuard {
  private LiftGuard() {}

  public static void main(String[] args) {
    Main.run(args, List.of(new Demo()));
  }
}
