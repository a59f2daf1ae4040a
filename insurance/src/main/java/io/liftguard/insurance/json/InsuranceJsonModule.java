package io.liftguard.insurance.json;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.liftguard.insurance.domain.PolicyEvent;
import io.liftguard.insurance.domain.PolicyState;
import io.liftguard.insurance.domain.Product;
import io.liftguard.kernel.json.PlatformJson;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The JSON and CBOR form of insurance's domain types ({@link PlatformJson}), as mix-ins: the form
 * persisted before the domain was freed of Jackson, unchanged (insurance's {@code
 * persisted/insurance.json} golden copies).
 */
public final class InsuranceJsonModule extends SimpleModule {
  public InsuranceJsonModule() {
    super("liftguard-insurance");
    setMixInAnnotation(PolicyEvent.class, PlatformJson.TypedByName.class);
    // PolicyRenewed was left out of the list of names when it was added, so Jackson persisted it
    // under its default name, which it keeps.
    registerSubtypes(
        PlatformJson.namedSubtypes(
            PolicyEvent.class,
            Map.of(PolicyEvent.PolicyRenewed.class, "PolicyEvent$PolicyRenewed")));
    setMixInAnnotation(PolicyState.class, PolicyStateMixIn.class);
    setMixInAnnotation(Product.class, PlatformJson.WireNamed.class);
  }

  /** Derived, not state. */
  interface PolicyStateMixIn {
    @JsonIgnore
    boolean exists();

    @JsonIgnore
    boolean wasBound();

    @JsonIgnore
    BigDecimal annualPremium();
  }
}
