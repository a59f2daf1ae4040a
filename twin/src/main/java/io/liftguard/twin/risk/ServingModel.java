package io.liftguard.twin.risk;

import io.liftguard.twin.domain.risk.RiskModel;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The risk model twins assess with on this node: the shipped model, or the shipped model
 * recalibrated to the fleet it serves (insurance's calibration job sets it). Twins read it at every
 * assessment, so a new level takes effect with each twin's next write; the shipped model stays
 * available for what must not move with the fleet's level (the class risk a tariff was filed
 * against).
 */
public final class ServingModel implements Supplier<RiskModel> {
  private final RiskModel shipped;
  private final AtomicReference<RiskModel> current;

  public ServingModel(RiskModel shipped) {
    this.shipped = shipped;
    this.current = new AtomicReference<>(shipped);
  }

  public RiskModel shipped() {
    return shipped;
  }

  @Override
  public RiskModel get() {
    return current.get();
  }

  /** Serves {@code model} from now on; true if it differs from the one served so far. */
  public boolean serve(RiskModel model) {
    return !current.getAndSet(model).version().equals(model.version());
  }
}
