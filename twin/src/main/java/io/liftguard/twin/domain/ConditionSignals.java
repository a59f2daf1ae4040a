package io.liftguard.twin.domain;

/**
 * Condition-monitoring signals that drift as components wear. Every field is optional: a gateway
 * sends what its sensors measure, and a missing value keeps the last one known.
 */
public record ConditionSignals(
    Double vibrationMps2,
    Double doorCloseTimeS,
    Double levellingErrorMm,
    Double brakeCurrentA,
    Double brakeTemperatureC,
    Double motorRunTimeS) {

  /** This reading's values where present, the previous ones elsewhere. */
  public ConditionSignals mergedOnto(ConditionSignals previous) {
    if (previous == null) {
      return this;
    }
    return new ConditionSignals(
        or(vibrationMps2, previous.vibrationMps2),
        or(doorCloseTimeS, previous.doorCloseTimeS),
        or(levellingErrorMm, previous.levellingErrorMm),
        or(brakeCurrentA, previous.brakeCurrentA),
        or(brakeTemperatureC, previous.brakeTemperatureC),
        or(motorRunTimeS, previous.motorRunTimeS));
  }

  void check(Problems p) {
    // Ride-quality vibration is well under 1 m/s²; 50 m/s² (5 g) is beyond any real car.
    p.range("condition.vibrationMps2", vibrationMps2, 0, 50, "m/s²");
    p.range("condition.doorCloseTimeS", doorCloseTimeS, 0, 120, "s");
    p.range("condition.levellingErrorMm", levellingErrorMm, -1000, 1000, "mm");
    p.range("condition.brakeCurrentA", brakeCurrentA, 0, 200, "A");
    p.range("condition.brakeTemperatureC", brakeTemperatureC, -50, 300, "°C");
    p.range("condition.motorRunTimeS", motorRunTimeS, 0, 3600, "s");
  }

  static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }
}
