package io.liftguard.twin.domain;

import io.liftguard.kernel.CborSerializable;

/**
 * Condition monitoring of one elevator: an EWMA per drifting signal (door close time, car
 * vibration) against a baseline learnt from its first {@value Signal#LEARN} samples. A signal whose
 * EWMA drifts more than its threshold above the baseline raises one early warning, then stays quiet
 * until a repair resets it. Pure; used by the twin and by the fleet simulator (which measures the
 * warnings' lead time before faults).
 */
public record ConditionWatch(Signal doorCloseTime, Signal vibration) implements CborSerializable {
  /**
   * Door close time drift that warns, s. Assumption: +0.4 s is well above day-to-day sensor noise
   * (0.15 s).
   */
  public static final double DOOR_THRESHOLD_S = 0.4;

  /** Vibration drift that warns, m/s². Assumption: ~+50 % of a healthy car's 0.15 m/s². */
  public static final double VIBRATION_THRESHOLD = 0.08;

  public static final ConditionWatch EMPTY = new ConditionWatch(Signal.EMPTY, Signal.EMPTY);

  /** One monitored signal. */
  public record Signal(int n, double baseline, double ewma, boolean warned) {
    public static final int LEARN = 20;
    static final double LAMBDA = 0.1;
    public static final Signal EMPTY = new Signal(0, 0, 0, false);

    Signal update(Double x) {
      if (x == null || x.isNaN()) {
        return this;
      }
      if (n < LEARN) {
        double b = (baseline * n + x) / (n + 1);
        return new Signal(n + 1, b, b, warned);
      }
      return new Signal(n, baseline, LAMBDA * x + (1 - LAMBDA) * ewma, warned);
    }

    boolean drifted(double threshold) {
      return n >= LEARN && !warned && ewma - baseline > threshold;
    }

    Signal markWarned() {
      return new Signal(n, baseline, ewma, true);
    }
  }

  /** Which signal warned. */
  public enum Kind {
    DOOR_CLOSE_TIME,
    VIBRATION
  }

  public ConditionWatch update(Double doorCloseTimeS, Double vibrationMps2) {
    return new ConditionWatch(
        doorCloseTime.update(doorCloseTimeS), vibration.update(vibrationMps2));
  }

  /** The signal that has drifted past its threshold and not warned yet, if any (door first). */
  public Kind due() {
    if (doorCloseTime.drifted(DOOR_THRESHOLD_S)) {
      return Kind.DOOR_CLOSE_TIME;
    }
    if (vibration.drifted(VIBRATION_THRESHOLD)) {
      return Kind.VIBRATION;
    }
    return null;
  }

  public ConditionWatch warned(Kind kind) {
    return kind == Kind.DOOR_CLOSE_TIME
        ? new ConditionWatch(doorCloseTime.markWarned(), vibration)
        : new ConditionWatch(doorCloseTime, vibration.markWarned());
  }

  /** After a repair the signals are learnt afresh. */
  public ConditionWatch reset() {
    return EMPTY;
  }
}
