package io.liftguard.twin.domain.access;

import io.liftguard.kernel.CborSerializable;
import java.util.ArrayList;
import java.util.List;

/** An authenticated caller: an id (recorded in every event it causes), a role and a scope. */
public record Principal(String id, Role role, Scope scope) implements CborSerializable {

  /** Every problem with this principal's scope for its role; empty when it is well-formed. */
  public List<String> problems() {
    List<String> p = new ArrayList<>();
    if (id == null || id.isBlank() || id.length() > 128) {
      p.add("principal id must be 1-128 characters");
    }
    if (role == null) {
      p.add("role is required");
      return p;
    }
    Scope s = scope == null ? Scope.NONE : scope;
    switch (role) {
      case INSURER -> require(p, s.insurer(), "an insurer needs scope.insurer");
      case MAINTAINER -> require(p, s.maintainer(), "a maintainer needs scope.maintainer");
      case USING_UNIT -> require(p, s.usingUnit(), "a using unit needs scope.usingUnit");
      case GATEWAY -> {
        if (s.elevators().isEmpty() && (s.usingUnit() == null || s.usingUnit().isBlank())) {
          p.add("a gateway needs scope.elevators or scope.usingUnit");
        }
      }
      default -> {}
    }
    return p;
  }

  private static void require(List<String> p, String value, String problem) {
    if (value == null || value.isBlank()) {
      p.add(problem);
    }
  }
}
