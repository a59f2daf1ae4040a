package io.liftguard.twin.domain;

/** The machine brake; drum brakes (鼓式制动器) are under a national hazard campaign. */
public enum BrakeType {
  DRUM,
  DISC,
  BLOCK,
  OTHER
}
