package io.liftguard.sim;

import io.liftguard.twin.domain.BuildingType;

/**
 * City-wide totals of a run, and the KPIs of DOMAIN.md computed from them. Mutable; filled in
 * elevator order.
 */
public final class SimStats {
  private final int elevators;
  private final long[] monthlyEntrapments;
  private long elevatorDays;
  private long faults;
  private long entrapments;
  private final long[] entrapmentsByCause = new long[SimEvent.Cause.values().length];
  private final long[] entrapmentsByHour = new long[24];
  private final long[] entrapmentsByBuilding = new long[BuildingType.values().length];
  private long rescues;
  private long dispatches;
  private double dispatchSum;
  private double rescueArrivalSum;
  private long rescuesWithin30;
  private long inspections;
  private long inspectionsPassed;
  private long maintenanceDone;
  private long maintenanceSkipped;
  private long maintenanceFaked;
  private long falseReports;

  SimStats(int elevators, int months) {
    this.elevators = elevators;
    this.monthlyEntrapments = new long[months];
  }

  void add(ElevatorHistory h, int days) {
    elevatorDays += days;
    for (int m = 0; m < h.monthlyEntrapments().length; m++) {
      monthlyEntrapments[m] += h.monthlyEntrapments()[m];
    }
    for (SimEvent ev : h.events()) {
      switch (ev.kind()) {
        case FAULT -> faults++;
        case ENTRAPMENT -> {
          entrapments++;
          entrapmentsByCause[ev.cause().ordinal()]++;
          entrapmentsByHour[ev.minute() / 60]++;
          entrapmentsByBuilding[h.elevator().buildingType().ordinal()]++;
        }
        case RESCUE_ARRIVED -> {
          rescues++;
          rescueArrivalSum += ev.value();
          rescuesWithin30 += ev.value() <= 30 ? 1 : 0;
        }
        case INSPECTION_PASSED -> {
          inspections++;
          inspectionsPassed++;
        }
        case INSPECTION_FAILED -> inspections++;
        case MAINTENANCE_DONE -> maintenanceDone++;
        case MAINTENANCE_SKIPPED -> maintenanceSkipped++;
        case MAINTENANCE_FAKED -> maintenanceFaked++;
        case FALSE_REPORT -> falseReports++;
        case RESCUE_DISPATCHED -> {
          dispatches++;
          dispatchSum += ev.value();
        }
        case REPAIR, EARLY_WARNING -> {}
      }
    }
  }

  public long elevatorDays() {
    return elevatorDays;
  }

  public long faults() {
    return faults;
  }

  public long entrapments() {
    return entrapments;
  }

  /** The share of entrapments with {@code cause}. */
  public double entrapmentShare(SimEvent.Cause cause) {
    return entrapments == 0 ? 0 : (double) entrapmentsByCause[cause.ordinal()] / entrapments;
  }

  /** The share of entrapments in elevators of {@code type}'s buildings. */
  public double entrapmentShare(BuildingType type) {
    return entrapments == 0 ? 0 : (double) entrapmentsByBuilding[type.ordinal()] / entrapments;
  }

  /** The share of entrapments that began from {@code fromHour}:00 to {@code toHour}:00. */
  public double entrapmentShare(int fromHour, int toHour) {
    long n = 0;
    for (int h = fromHour; h < toHour; h++) {
      n += entrapmentsByHour[h];
    }
    return entrapments == 0 ? 0 : (double) n / entrapments;
  }

  /** 故障困人率: entrapments in the month / elevators in service, averaged over full months. */
  public double meanMonthlyEntrapmentRate() {
    double sum = 0;
    for (long m : monthlyEntrapments) {
      sum += (double) m / elevators;
    }
    return sum / monthlyEntrapments.length;
  }

  /** 救援到场时间: mean minutes from alarm to arrival. */
  public double meanRescueArrivalMinutes() {
    return rescues == 0 ? Double.NaN : rescueArrivalSum / rescues;
  }

  /** Mean minutes from alarm to dispatch. */
  public double meanRescueDispatchMinutes() {
    return dispatches == 0 ? Double.NaN : dispatchSum / dispatches;
  }

  /** 按时到达率: rescues arriving within 30 minutes / rescues. */
  public double onTimeArrivalRate() {
    return rescues == 0 ? Double.NaN : (double) rescuesWithin30 / rescues;
  }

  /** 检验合格率 as simulated (each inspection counted; re-inspections included). */
  public double inspectionPassRate() {
    return inspections == 0 ? Double.NaN : (double) inspectionsPassed / inspections;
  }

  public long maintenanceDone() {
    return maintenanceDone;
  }

  public long maintenanceSkipped() {
    return maintenanceSkipped;
  }

  public long maintenanceFaked() {
    return maintenanceFaked;
  }

  public long falseReports() {
    return falseReports;
  }

  @Override
  public String toString() {
    return String.format(
        "%,d elevator-days: %,d faults, %,d entrapments (monthly entrapment rate %.3f %%; misuse"
            + " %.1f %%, equipment %.1f %%, external %.1f %%; residential %.1f %%, 08-10 h %.1f %%,"
            + " 18-20 h %.1f %%), mean rescue dispatch %.1f min, arrival %.1f min (%.1f %% within"
            + " 30 min), inspection pass rate %.1f %%, maintenance done/skipped/faked %,d/%,d/%,d,"
            + " false fault reports %,d",
        elevatorDays,
        faults,
        entrapments,
        100 * meanMonthlyEntrapmentRate(),
        100 * entrapmentShare(SimEvent.Cause.MISUSE),
        100 * entrapmentShare(SimEvent.Cause.EQUIPMENT),
        100 * entrapmentShare(SimEvent.Cause.EXTERNAL),
        100 * entrapmentShare(BuildingType.RESIDENTIAL),
        100 * entrapmentShare(8, 10),
        100 * entrapmentShare(18, 20),
        meanRescueDispatchMinutes(),
        meanRescueArrivalMinutes(),
        100 * onTimeArrivalRate(),
        100 * inspectionPassRate(),
        maintenanceDone,
        maintenanceSkipped,
        maintenanceFaked,
        falseReports);
  }
}
