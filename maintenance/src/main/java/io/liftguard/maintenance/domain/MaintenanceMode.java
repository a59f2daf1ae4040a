package io.liftguard.maintenance.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * How a contract schedules visits: a fixed cycle (TSG T5002 asks for one every 15 days), or on
 * demand (按需维保) from the elevator's condition as its twin sees it, within a maximum interval.
 */
public sealed interface MaintenanceMode {
  /** The longest a contract may leave an elevator unvisited, on demand or not (an assumption). */
  int LONGEST_INTERVAL_DAYS = 90;

  /** Every problem with this mode; empty when it is usable. */
  List<String> problems();

  /** A visit every {@code intervalDays}, whatever the elevator's condition. */
  record Fixed(int intervalDays) implements MaintenanceMode {
    public static final Fixed TSG_T5002 = new Fixed(15);

    @Override
    public List<String> problems() {
      return interval("intervalDays", intervalDays);
    }
  }

  /**
   * A visit when {@code rules} call for one, and at the latest {@code maxIntervalDays} after the
   * last.
   */
  record OnDemand(int maxIntervalDays, OnDemandRules rules) implements MaintenanceMode {
    @Override
    public List<String> problems() {
      List<String> p = new ArrayList<>(interval("maxIntervalDays", maxIntervalDays));
      if (rules == null) {
        p.add("an on-demand contract needs its rules");
      } else {
        p.addAll(rules.problems());
        if (rules.frequentFaultIntervalDays() > maxIntervalDays) {
          p.add(
              "rules.frequentFaultIntervalDays ("
                  + rules.frequentFaultIntervalDays()
                  + ") must not exceed maxIntervalDays ("
                  + maxIntervalDays
                  + ")");
        }
      }
      return p;
    }
  }

  private static List<String> interval(String name, int days) {
    return days >= 1 && days <= LONGEST_INTERVAL_DAYS
        ? List.of()
        : List.of(name + " must be 1 to " + LONGEST_INTERVAL_DAYS + " days, not " + days);
  }
}
