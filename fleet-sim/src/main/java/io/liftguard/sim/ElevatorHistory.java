package io.liftguard.sim;

import java.util.List;

/**
 * The simulated life of one elevator: its events in time order and, per month, the true mean daily fault hazard
 * and the hazard on its first day (the ground truth a prediction made at the month's start is scored against:
 * the mean is lowered by repairs after the month's own faults), faults and entrapments, and what the
 * platform could observe that month ({@code observed[month][Observed.*]}).
 */
public record ElevatorHistory(
    SimElevator elevator, List<SimEvent> events, double[] monthlyMeanHazard, double[] monthStartHazard,
    int[] monthlyFaults, int[] monthlyEntrapments, double[][] observed) {

  /** Indices into {@link #observed()}: what IoT terminals and records show, with sensor noise. */
  public static final class Observed {
    /** Mean trips per day (trip counter). */
    public static final int TRIPS_PER_DAY = 0;
    /** Door close time at month end, s (noisy, with a per-unit sensor bias). */
    public static final int DOOR_CLOSE_S = 1;
    /** Car vibration at month end, m/s². */
    public static final int VIBRATION = 2;
    /** Brake temperature at month end, °C. */
    public static final int BRAKE_TEMP_C = 3;
    /** Maintenance visits recorded this month (real or faked: the record cannot tell). */
    public static final int VISITS_RECORDED = 4;
    /** Due visits that did not happen this month. */
    public static final int VISITS_SKIPPED = 5;
    /** Days since the last recorded visit, at month end. */
    public static final int DAYS_SINCE_VISIT = 6;
    /** 1 if an inspection failed this month. */
    public static final int INSPECTION_FAILED = 7;
    public static final int COUNT = 8;

    private Observed() {}
  }
}
