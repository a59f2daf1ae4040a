package io.liftguard.twin.domain;

/**
 * The controller's running mode; everything but NORMAL takes the elevator out of passenger service.
 */
public enum RunningMode {
  NORMAL,
  INSPECTION,
  FIRE,
  EMERGENCY_POWER,
  SEISMIC,
  OUT_OF_SERVICE
}
