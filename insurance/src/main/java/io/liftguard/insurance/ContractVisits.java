package io.liftguard.insurance;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * When each elevator's next maintenance-contract visit is due, as the maintenance module schedules
 * it: the "+ service" review sends no safety check where a visit comes within the check's window.
 * The platform wires it (insurance does not depend on the maintenance module).
 */
@FunctionalInterface
public interface ContractVisits {
  /** No contract known: every elevator is left out. */
  ContractVisits NONE = (ids, today) -> CompletableFuture.completedFuture(Map.of());

  /** The due day of each of {@code elevatorIds} under a contract on {@code today}. */
  CompletionStage<Map<String, LocalDate>> due(Collection<String> elevatorIds, LocalDate today);
}
