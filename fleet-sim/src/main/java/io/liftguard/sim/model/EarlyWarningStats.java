package io.liftguard.sim.model;

import io.liftguard.sim.ElevatorHistory;
import io.liftguard.sim.SimEvent;
import io.liftguard.twin.domain.ConditionWatch;
import io.liftguard.twin.domain.EventType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * How early the condition monitor's warnings come: for faults of the component a signal watches
 * (door close time: door faults; vibration: traction faults), whether a warning of that signal
 * preceded the fault since the component's last fault, and by how many days; and how many warnings
 * were followed by such a fault within 90 days.
 */
final class EarlyWarningStats {
  private static final Set<EventType> DOOR =
      Set.of(
          EventType.DOOR_CLOSE_FAILURE,
          EventType.DOOR_OPEN_FAILURE,
          EventType.DOOR_LOCK_CIRCUIT_BREAK);
  private static final Set<EventType> TRACTION =
      Set.of(EventType.ABNORMAL_VIBRATION, EventType.OVERSPEED, EventType.TOP_OVERTRAVEL);

  private final List<Integer> leadDays = Collections.synchronizedList(new ArrayList<>());
  private long faults;
  private long warned;
  private long warnings;
  private long warningsFollowed;

  synchronized void add(ElevatorHistory h) {
    for (ConditionWatch.Kind kind : ConditionWatch.Kind.values()) {
      Set<EventType> group = kind == ConditionWatch.Kind.DOOR_CLOSE_TIME ? DOOR : TRACTION;
      int lastWarning = -1;
      List<Integer> warningDays = new ArrayList<>();
      List<Integer> faultDays = new ArrayList<>();
      for (SimEvent e : h.events()) {
        if (e.kind() == SimEvent.Kind.EARLY_WARNING && (int) e.value() == kind.ordinal()) {
          lastWarning = e.day();
          warningDays.add(e.day());
        } else if (e.kind() == SimEvent.Kind.FAULT && group.contains(e.faultType())) {
          faults++;
          faultDays.add(e.day());
          if (lastWarning >= 0) {
            warned++;
            leadDays.add(e.day() - lastWarning);
          }
          lastWarning = -1; // the repair renews the component and the monitor starts afresh
        }
      }
      warnings += warningDays.size();
      for (int w : warningDays) {
        if (faultDays.stream().anyMatch(f -> f >= w && f <= w + 90)) {
          warningsFollowed++;
        }
      }
    }
  }

  String summary() {
    List<Integer> sorted = new ArrayList<>(leadDays);
    Collections.sort(sorted);
    double median = sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
    return String.format(
        java.util.Locale.ROOT,
        "Early warnings (EWMA on door close time and vibration): %.1f %% of the %,d door and"
            + " traction faults were preceded by a warning, median lead time %.0f days; %.1f %% of"
            + " the %,d warnings were followed by such a fault within 90 days.%n%n",
        faults == 0 ? 0 : 100.0 * warned / faults,
        faults,
        median,
        warnings == 0 ? 0 : 100.0 * warningsFollowed / warnings,
        warnings);
  }
}
