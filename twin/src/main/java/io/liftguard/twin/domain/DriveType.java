package io.liftguard.twin.domain;

/** How the car is driven. */
public enum DriveType {
  TRACTION,
  HYDRAULIC
}
