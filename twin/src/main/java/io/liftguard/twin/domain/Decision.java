package io.liftguard.twin.domain;

import java.util.List;

/** The outcome of a pure command rule: events to persist (maybe none), or a rejection. */
public sealed interface Decision {

  /** Accepted; {@code events} may be empty when the command changes nothing (an identical retry). */
  record Accept(List<TwinEvent> events, String outcome) implements Decision {}

  /** Refused; nothing changes. */
  record Reject(Rejection rejection) implements Decision {}

  static Decision accept(String outcome, TwinEvent... events) {
    return new Accept(List.of(events), outcome);
  }

  static Decision reject(Rejection rejection) {
    return new Reject(rejection);
  }
}
