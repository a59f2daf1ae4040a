package io.liftguard.twin.domain.risk;

import io.liftguard.twin.domain.EventType;
import io.liftguard.twin.domain.IntegrityChecks;
import io.liftguard.twin.domain.TwinEvent;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which reported faults the model's recalibration counts: the equipment faults the platform has
 * reason to believe happened, not every report. The rule:
 *
 * <ol>
 *   <li>An <b>equipment fault</b> is a raised event of a type in the FAULT category, or {@link
 *       EventType#ABNORMAL_VIBRATION} (an alarm by category, but the terminal raises it on the
 *       traction machine's own vibration: a fault of the equipment, as the model's fault label
 *       counts it). Entrapments, passenger alarms, e-bikes in the car and service modes are not.
 *   <li>It is <b>believed</b> when the elevator's terminal raised it ({@link
 *       TwinEvent.FaultRaised#byTerminal()}: the terminal's report is its own evidence), and when a
 *       person reported it unless the integrity checks flag it as reported without evidence
 *       (无故障报故障, {@link IntegrityChecks.Kind#FAULT_WITHOUT_EVIDENCE}): the terminal, reporting
 *       around it, never left normal service nor opened a safety or door-lock circuit. A person's
 *       report the terminal bears out, or that no reading around it contradicts (no terminal, a
 *       terminal that was silent), counts. A report recorded before the reporter's role was kept is
 *       judged as a person's.
 *   <li>It counts in the period its {@code occurredAt} falls in, {@code [from, to)}.
 * </ol>
 */
public final class FaultCounting {
  private FaultCounting() {}

  /** The event types the rule counts as equipment faults. */
  public static boolean isEquipmentFault(EventType type) {
    return type.category() == EventType.Category.FAULT || type == EventType.ABNORMAL_VIBRATION;
  }

  /**
   * The equipment faults raised in {@code [from, to)} that {@code history} (one elevator's events,
   * in order, from far enough before {@code from} to hold the readings the check looks at) gives
   * reason to believe.
   */
  public static List<TwinEvent.FaultRaised> believed(
      List<TwinEvent> history, Instant from, Instant to, IntegrityChecks.Settings settings) {
    Set<String> unfounded = new HashSet<>();
    for (IntegrityChecks.Flag f : IntegrityChecks.check(history, settings)) {
      if (f.kind() == IntegrityChecks.Kind.FAULT_WITHOUT_EVIDENCE) {
        unfounded.add(f.subject());
      }
    }
    return history.stream()
        .filter(TwinEvent.FaultRaised.class::isInstance)
        .map(TwinEvent.FaultRaised.class::cast)
        .filter(f -> isEquipmentFault(f.eventType()))
        .filter(f -> !f.occurredAt().isBefore(from) && f.occurredAt().isBefore(to))
        .filter(f -> !unfounded.contains(f.eventId()))
        .toList();
  }
}
