package io.liftguard.rescue.domain;

import io.liftguard.twin.domain.Rejection;
import java.util.List;

/** The outcome of a pure rescue rule: events to persist (maybe none), or a rejection that changes nothing. */
public sealed interface RescueDecision {
  record Accept(List<RescueEvent> events, String outcome) implements RescueDecision {}

  record Reject(Rejection rejection) implements RescueDecision {}

  static RescueDecision accept(String outcome, List<RescueEvent> events) {
    return new Accept(List.copyOf(events), outcome);
  }

  static RescueDecision invalid(List<String> problems) {
    return new Reject(Rejection.invalid(problems));
  }

  static RescueDecision conflict(String problem) {
    return new Reject(Rejection.conflict(problem));
  }
}
