package io.liftguard.twin.domain;

/** Direction of car travel. */
public enum Direction {
  UP,
  DOWN,
  STOPPED
}
