package io.liftguard.insurance.domain;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of a premium breakdown: a factor's value (four decimal places, the one multiplied), what
 * it was computed from and how, in words.
 */
public record Factor(
    String name, BigDecimal value, Map<String, Object> inputs, String explanation) {
  public Factor {
    // In the order given: a breakdown reads in the order it was written.
    inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
  }
}
