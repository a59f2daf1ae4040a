package io.liftguard.maintenance.domain;

import io.liftguard.kernel.CborSerializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Every version of one contract, oldest first, as both parties and the regulator saw them; empty
 * before the first is signed.
 */
public record ContractHistory(String id, List<Contract> versions) implements CborSerializable {
  public ContractHistory {
    versions = versions == null ? List.of() : List.copyOf(versions);
  }

  public static ContractHistory empty(String id) {
    return new ContractHistory(id, List.of());
  }

  public boolean exists() {
    return !versions.isEmpty();
  }

  /** The version in force: the latest signed; null before the first. */
  public Contract current() {
    return versions.isEmpty() ? null : versions.get(versions.size() - 1);
  }

  public ContractHistory apply(ContractEvent event) {
    if (event instanceof ContractEvent.Signed e) {
      List<Contract> next = new ArrayList<>(versions);
      next.add(e.contract());
      return new ContractHistory(id, next);
    }
    throw new IllegalArgumentException("unknown contract event " + event.getClass().getName());
  }
}
