package io.liftguard.insurance.domain;

import io.liftguard.twin.domain.Rejection;
import java.util.List;

/** The outcome of a pure policy rule: events to persist (maybe none), or a rejection that changes nothing. */
public sealed interface PolicyDecision {
  record Accept(List<PolicyEvent> events, String outcome) implements PolicyDecision {}

  record Reject(Rejection rejection) implements PolicyDecision {}

  static PolicyDecision accept(String outcome, List<PolicyEvent> events) {
    return new Accept(List.copyOf(events), outcome);
  }

  static PolicyDecision invalid(String problem) {
    return new Reject(Rejection.invalid(List.of(problem)));
  }

  static PolicyDecision conflict(String problem) {
    return new Reject(Rejection.conflict(problem));
  }
}
