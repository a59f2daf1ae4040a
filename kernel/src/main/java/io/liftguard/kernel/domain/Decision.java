package io.liftguard.kernel.domain;

import java.util.List;

/**
 * The outcome of a pure command rule, for any entity: events to persist (maybe none), or a
 * rejection that changes nothing.
 *
 * @param <E> the entity's event type
 */
public sealed interface Decision<E> {

  /**
   * Accepted; {@code events} may be empty when the command changes nothing (an identical retry).
   */
  record Accept<E>(List<E> events, String outcome) implements Decision<E> {
    public Accept {
      events = List.copyOf(events);
    }
  }

  /** Refused; nothing changes. */
  record Reject<E>(Rejection rejection) implements Decision<E> {}

  @SafeVarargs
  static <E> Decision<E> accept(String outcome, E... events) {
    return new Accept<>(List.of(events), outcome);
  }

  static <E> Decision<E> accept(String outcome, List<? extends E> events) {
    return new Accept<>(List.copyOf(events), outcome);
  }

  static <E> Decision<E> reject(Rejection rejection) {
    return new Reject<>(rejection);
  }

  static <E> Decision<E> invalid(String problem) {
    return reject(Rejection.invalid(List.of(problem)));
  }

  static <E> Decision<E> invalid(List<String> problems) {
    return reject(Rejection.invalid(problems));
  }

  static <E> Decision<E> conflict(String problem) {
    return reject(Rejection.conflict(problem));
  }
}
