package io.liftguard.maintenance.domain;

import io.liftguard.kernel.CborSerializable;
import java.time.Instant;

/**
 * What happened to a maintenance contract; the contract's history is rebuilt from these, and the
 * read side follows them. The records' names are persisted as their type
 * (maintenance/json/MaintenanceJsonModule): renaming one breaks the journal's copies.
 */
public sealed interface ContractEvent extends CborSerializable {
  Instant recordedAt();

  String recordedBy();

  /** A version of the contract was signed: version 1 opens it, a later one amends it. */
  record Signed(Contract contract, Instant recordedAt, String recordedBy)
      implements ContractEvent {}
}
