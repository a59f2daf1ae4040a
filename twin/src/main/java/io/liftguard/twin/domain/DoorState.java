package io.liftguard.twin.domain;

/** Car door state as the controller reports it. */
public enum DoorState {
  OPEN,
  OPENING,
  CLOSING,
  CLOSED
}
