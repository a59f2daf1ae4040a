package io.liftguard.rescue.domain;

/** How the rescue centre learned of an entrapment. */
public enum AlarmSource {
  /**
   * An entrapment event reported by the elevator's gateway (its terminal or the 96333 alarm line).
   */
  GATEWAY,
  /** Raised by the twin itself from its signals (智能报警). */
  INTELLIGENT_ALARM,
  /** Called in by phone and opened by the centre. */
  PHONE
}
