package io.liftguard.twin.domain.risk;

import io.liftguard.twin.domain.EventType;
import io.liftguard.twin.domain.IntegrityChecks;
import io.liftguard.twin.domain.TwinEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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
 *   <li>A person's report no reading could check counts with its reporter's record ({@link
 *       ReporterRecord}): in the proportion of that reporter's checkable reports the terminal bore
 *       out. An elevator-period counts as faulted with the probability that one or more of its
 *       faults is real ({@link #anyReal}).
 * </ol>
 */
public final class FaultCounting {
  private FaultCounting() {}

  /** The event types the rule counts as equipment faults. */
  public static boolean isEquipmentFault(EventType type) {
    return type.category() == EventType.Category.FAULT || type == EventType.ABNORMAL_VIBRATION;
  }

  /**
   * An equipment fault and how the platform judges it: {@code evidence} is null when the terminal
   * raised it (its own evidence), else what the terminal's readings around the person's report say.
   */
  public record Judged(TwinEvent.FaultRaised fault, IntegrityChecks.Evidence evidence) {
    /**
     * How likely the fault is real: 1 when the terminal raised it or bore it out, 0 when it
     * contradicted it, the reporter's record ({@link ReporterRecord#weight}) when nothing could
     * check it.
     */
    public double weight(ReporterRecord reporter) {
      if (evidence == null || evidence == IntegrityChecks.Evidence.SHOWN) {
        return 1;
      }
      return evidence == IntegrityChecks.Evidence.CONTRADICTED ? 0 : reporter.weight();
    }
  }

  /**
   * A reporter's record on the reports a terminal could check: how many it bore out and how many it
   * contradicted. Its reports nothing could check are believed in the same proportion, with a prior
   * of {@value #PRIOR_SHOWN} borne out to {@value #PRIOR_CONTRADICTED} contradicted (a reporter
   * without a record is believed at 0.9): a company whose checkable reports the terminal
   * contradicts is not believed where it cannot be checked either.
   */
  public record ReporterRecord(long shown, long contradicted) {
    public static final ReporterRecord NONE = new ReporterRecord(0, 0);

    public double weight() {
      return (shown + PRIOR_SHOWN) / (shown + contradicted + PRIOR_SHOWN + PRIOR_CONTRADICTED);
    }

    ReporterRecord plus(IntegrityChecks.Evidence e) {
      return new ReporterRecord(
          shown + (e == IntegrityChecks.Evidence.SHOWN ? 1 : 0),
          contradicted + (e == IntegrityChecks.Evidence.CONTRADICTED ? 1 : 0));
    }
  }

  static final double PRIOR_SHOWN = 9;
  static final double PRIOR_CONTRADICTED = 1;

  /**
   * The equipment faults raised in {@code [from, to)} in {@code history} (one elevator's events, in
   * order, from far enough before {@code from} to hold the readings the check looks at), judged.
   */
  public static List<Judged> judged(
      List<TwinEvent> history, Instant from, Instant to, IntegrityChecks.Settings settings) {
    Map<String, IntegrityChecks.Evidence> evidence =
        IntegrityChecks.personReportEvidence(history, settings);
    return history.stream()
        .filter(TwinEvent.FaultRaised.class::isInstance)
        .map(TwinEvent.FaultRaised.class::cast)
        .filter(f -> isEquipmentFault(f.eventType()))
        .filter(f -> !f.occurredAt().isBefore(from) && f.occurredAt().isBefore(to))
        .map(
            f ->
                new Judged(
                    f,
                    f.byTerminal()
                        ? null
                        : evidence.getOrDefault(f.eventId(), IntegrityChecks.Evidence.NONE)))
        .toList();
  }

  /** The faults of {@code judged} the terminal did not contradict (whatever their weight). */
  public static List<TwinEvent.FaultRaised> believed(
      List<TwinEvent> history, Instant from, Instant to, IntegrityChecks.Settings settings) {
    return judged(history, from, to, settings).stream()
        .filter(j -> j.evidence() != IntegrityChecks.Evidence.CONTRADICTED)
        .map(Judged::fault)
        .toList();
  }

  /** Adds each checked person's report in {@code judged} to its reporter's record. */
  public static void addTo(Map<String, ReporterRecord> records, List<Judged> judged) {
    for (Judged j : judged) {
      if (j.evidence() == IntegrityChecks.Evidence.SHOWN
          || j.evidence() == IntegrityChecks.Evidence.CONTRADICTED) {
        records.merge(
            j.fault().recordedBy(),
            ReporterRecord.NONE.plus(j.evidence()),
            (a, b) -> a.plus(j.evidence()));
      }
    }
  }

  /**
   * The probability that one or more of {@code faults} (one elevator's, one period's) is real, each
   * weighed by {@link Judged#weight} with its reporter's record in {@code records}.
   */
  public static double anyReal(List<Judged> faults, Map<String, ReporterRecord> records) {
    double none = 1;
    for (Judged j : faults) {
      none *= 1 - j.weight(records.getOrDefault(j.fault().recordedBy(), ReporterRecord.NONE));
    }
    return 1 - none;
  }
}
