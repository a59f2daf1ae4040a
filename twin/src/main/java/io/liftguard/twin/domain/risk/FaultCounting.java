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
 *       person reported it and the terminal bore it out. The integrity checks flag a person's
 *       report the terminal contradicts (无故障报故障, {@link
 *       IntegrityChecks.Kind#FAULT_WITHOUT_EVIDENCE}: the terminal, reporting around it, never left
 *       normal service nor opened a safety or door-lock circuit); {@link #believed} leaves those
 *       out. A report recorded before the reporter's role was kept is judged as a person's.
 *   <li>It counts in the period its {@code occurredAt} falls in, {@code [from, to)}.
 *   <li>A person's report no reading could check (no terminal, a terminal that was silent), or that
 *       the terminal contradicted, counts with the probability its reporter's record and the
 *       terminals' miss rate give it ({@link Reporters}): all of an honest reporter's, little of
 *       one the terminals contradict far more often than they miss real faults. An elevator-period
 *       counts as faulted with the probability that one or more of its faults is real ({@link
 *       #anyReal}).
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
     * How likely the fault is real: 1 when the terminal raised it or bore it out; when it
     * contradicted it, or nothing could check it, as its reporter's record and the terminals' miss
     * rate say ({@link Reporters#weight}).
     */
    public double weight(Reporters reporters) {
      if (evidence == null || evidence == IntegrityChecks.Evidence.SHOWN) {
        return 1;
      }
      return reporters.weight(fault.recordedBy(), evidence);
    }
  }

  /**
   * A reporter's record on the reports a terminal could check: how many it bore out and how many it
   * contradicted, read with a prior of {@value #PRIOR_SHOWN} borne out to {@value
   * #PRIOR_CONTRADICTED} contradicted (a reporter without a record is believed at 0.9).
   */
  public record ReporterRecord(long shown, long contradicted) {
    public static final ReporterRecord NONE = new ReporterRecord(0, 0);

    /** The share of its checkable reports the terminal contradicted, with the prior. */
    public double contradictedShare() {
      return (contradicted + PRIOR_CONTRADICTED)
          / (shown + contradicted + PRIOR_SHOWN + PRIOR_CONTRADICTED);
    }

    long checked() {
      return shown + contradicted;
    }

    ReporterRecord plus(IntegrityChecks.Evidence e) {
      return new ReporterRecord(
          shown + (e == IntegrityChecks.Evidence.SHOWN ? 1 : 0),
          contradicted + (e == IntegrityChecks.Evidence.CONTRADICTED ? 1 : 0));
    }
  }

  static final double PRIOR_SHOWN = 9;
  static final double PRIOR_CONTRADICTED = 1;

  /** A reporter's record counts toward the terminals' miss rate from this many checked reports. */
  static final int MIN_CHECKED = 30;

  /**
   * Every reporter's record, and what they say together about the terminals: a terminal misses some
   * real faults (it was between readings, its signal stayed normal), so it contradicts a share
   * {@code missRate} of an honest reporter's real reports. That share is estimated as the lowest
   * contradicted share among reporters with {@value #MIN_CHECKED}+ checked reports: it assumes one
   * of them is honest (a city of fraudulent companies only would be believed too much), and errs
   * low, towards believing fewer reports (the pooled lower half was tried: a city with three
   * fraudulent companies of four then counted 1.56 faults for every one that happened). With no
   * such reporter it is 0: a contradicted report is then never believed.
   *
   * <p>A reporter whose contradicted share is {@code c} then files false reports in the share
   * {@code q = (c - missRate) / (1 - missRate)} (a false report is always contradicted), so its
   * report is real with probability {@code 1 - q} where nothing could check it, and {@code (1 - q)
   * missRate / c} where the terminal contradicted it: an honest reporter's reports all count, a
   * reporter the terminals contradict far more often than they miss is believed little anywhere.
   */
  public record Reporters(Map<String, ReporterRecord> records, double missRate) {
    public static Reporters of(Map<String, ReporterRecord> records) {
      double missRate =
          records.values().stream()
              .filter(r -> r.checked() >= MIN_CHECKED)
              .mapToDouble(r -> (double) r.contradicted() / r.checked())
              .min()
              .orElse(0);
      return new Reporters(Map.copyOf(records), missRate);
    }

    /**
     * How likely a report of {@code reporter} with {@code evidence} (NONE or CONTRADICTED) is real.
     */
    public double weight(String reporter, IntegrityChecks.Evidence evidence) {
      double c = records.getOrDefault(reporter, ReporterRecord.NONE).contradictedShare();
      double honest = Math.min(1, Math.max(0, (1 - c) / (1 - missRate)));
      return evidence == IntegrityChecks.Evidence.CONTRADICTED
          ? Math.min(1, honest * missRate / c)
          : honest;
    }
  }

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
   * weighed by {@link Judged#weight}.
   */
  public static double anyReal(List<Judged> faults, Reporters reporters) {
    double none = 1;
    for (Judged j : faults) {
      none *= 1 - j.weight(reporters);
    }
    return 1 - none;
  }
}
