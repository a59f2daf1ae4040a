package io.liftguard.twin.domain.access;

import java.util.List;

/**
 * What part of the city a principal covers, matched against the register data of each elevator (so
 * access follows the data). Which field counts depends on the role: a regulator's {@code district}
 * (none = the whole city), an insurer's {@code insurer}, a maintainer's {@code maintainer}, a using
 * unit's {@code usingUnit}, a gateway's bound {@code elevators} and/or {@code usingUnit}.
 */
public record Scope(
    String district, String insurer, String maintainer, String usingUnit, List<String> elevators) {
  public static final Scope NONE = new Scope(null, null, null, null, List.of());

  public Scope {
    elevators = elevators == null ? List.of() : List.copyOf(elevators);
  }
}
