package io.liftguard.sim;

import io.liftguard.twin.domain.BrakeType;
import io.liftguard.twin.domain.BuildingType;
import io.liftguard.twin.domain.ConditionWatch;
import io.liftguard.twin.domain.EventType;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Simulates one elevator day by day. Components (door system, brake, traction, controller) wear
 * with use and age; the daily fault probability grows with age, use, wear and overdue maintenance
 * and falls after good maintenance; a fault may entrap passengers and always brings a repair. The
 * model's constants are assumptions chosen to give plausible shapes (documented inline); only the
 * overall level is calibrated (see {@link SimConfig}).
 */
final class ElevatorLife {
  /**
   * Trips per day by building type (BuildingType order). Assumption: busiest are stations and
   * hospitals.
   */
  private static final double[] TRIPS_PER_DAY = {300, 450, 700, 800, 250, 900, 400};

  private static final int MAINTENANCE_INTERVAL_DAYS = 15; // TSG T5002

  private final SimConfig config;
  private final SimElevator e;
  private final SimConfig.Company company;
  private final SplittableRandom r;
  private final int[] monthOfDay;
  private final DayOfWeek[] dayOfWeek;

  double doorWear;
  double brakeWear;
  double tractionWear;
  double controllerWear;
  int daysSinceMaintenance;

  /** Drift since the last real visit, in reference days (the condition model, SimConfig.Upkeep). */
  double adjustment;

  /** What a platform has seen since the last visit on record: faults, a drift warning. */
  int faultsSinceVisit;

  boolean warnedSinceVisit;

  int nextInspectionDay;
  ConditionWatch watch = ConditionWatch.EMPTY;
  final double sensorBias;
  private final double usageBase;

  /** The last day of the building's current renovation works (-1: none). */
  private int renovatingUntil = -1;

  ElevatorLife(SimConfig config, SimElevator e, int[] monthOfDay, DayOfWeek[] dayOfWeek) {
    this.config = config;
    this.e = e;
    this.company = e.company() < 0 ? null : config.companies().get(e.company());
    this.r = new SplittableRandom(config.seed() * 7_919L + 31L * e.index() + 17);
    this.monthOfDay = monthOfDay;
    this.dayOfWeek = dayOfWeek;
    // Wear accumulated before the start: older elevators start more worn, with spread between
    // units.
    double base = Math.min(0.8, e.ageYears() / 30.0) * (0.6 + 0.8 * r.nextDouble());
    doorWear = base;
    brakeWear = base * (e.brakeType() == BrakeType.DRUM ? 1.3 : 1.0);
    tractionWear = base * 0.8;
    controllerWear = base * 0.7;
    daysSinceMaintenance = r.nextInt(MAINTENANCE_INTERVAL_DAYS);
    nextInspectionDay = r.nextInt(365);
    sensorBias = 0.1 * r.nextGaussian();
    usageBase = TRIPS_PER_DAY[e.buildingType().ordinal()] * Math.exp(0.3 * r.nextGaussian());
    adjustment = daysSinceMaintenance * usageBase / REFERENCE_TRIPS;
  }

  /** Trips a day of the reference elevator: the hazard's use and the adjustment's drift unit. */
  private static final double REFERENCE_TRIPS = 400.0;

  /** One simulated day's outcome, for callers that step day by day (the real-time driver). */
  record Day(double usage, double hazard, boolean faulted, boolean trapped) {}

  /** Simulates day {@code day}, appending what happened to {@code events}. */
  Day step(int day, List<SimEvent> events) {
    double usage = usageBase * weekFactor(dayOfWeek[day]) * Math.exp(0.15 * r.nextGaussian());
    wear(usage, day);
    adjustment += usage / REFERENCE_TRIPS;
    maintain(day, events);
    inspect(day, events);
    monitor(day, sensorBias, events);
    double h = hazard(usage);
    boolean faulted = r.nextDouble() < h;
    faultsSinceVisit += faulted ? 1 : 0;
    boolean trapped = faulted && fault(day, usage, events);
    trapped |= misuse(day, usage, events);
    trapped |= powerCut(day, usage, events);
    if (company != null
        && company.fraudulent()
        && r.nextDouble() < config.falseReportsPerYear() / 365.0) {
      events.add(
          new SimEvent(
              e.index(), day, r.nextInt(1440), SimEvent.Kind.FALSE_REPORT, randomFault(), 0));
    }
    return new Day(usage, h, faulted, trapped);
  }

  /** The whole simulated life, with its monthly ground truth. */
  ElevatorHistory run() {
    int months = monthOfDay[monthOfDay.length - 1] + 1;
    double[] hazardSum = new double[months];
    double[] startHazard = new double[months];
    int[] daysInMonth = new int[months];
    int[] faults = new int[months];
    int[] entrapments = new int[months];
    List<SimEvent> events = new ArrayList<>();
    for (int day = 0; day < config.days(); day++) {
      int month = monthOfDay[day];
      Day d = step(day, events);
      if (daysInMonth[month] == 0) {
        startHazard[month] = d.hazard();
      }
      hazardSum[month] += d.hazard();
      daysInMonth[month]++;
      faults[month] += d.faulted() ? 1 : 0;
      entrapments[month] += d.trapped() ? 1 : 0;
    }
    double[] meanHazard = new double[months];
    for (int m = 0; m < months; m++) {
      meanHazard[m] = daysInMonth[m] == 0 ? 0 : hazardSum[m] / daysInMonth[m];
    }
    return new ElevatorHistory(e, events, meanHazard, startHazard, faults, entrapments);
  }

  /**
   * Today's door close time and vibration as the terminal reports them, through the condition
   * monitor.
   */
  private void monitor(int day, double sensorBias, List<SimEvent> events) {
    double door = 2.8 + 2.5 * doorWear + sensorBias + 0.15 * r.nextGaussian();
    double vibration = 0.08 + 0.5 * tractionWear + 0.03 * Math.abs(r.nextGaussian());
    watch = watch.update(door, vibration);
    ConditionWatch.Kind due = watch.due();
    if (due != null) {
      watch = watch.warned(due);
      warnedSinceVisit = true;
      events.add(
          new SimEvent(e.index(), day, 12 * 60, SimEvent.Kind.EARLY_WARNING, null, due.ordinal()));
    }
  }

  private double weekFactor(DayOfWeek d) {
    boolean weekend = d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
    return switch (e.buildingType()) {
      case OFFICE, SCHOOL -> weekend ? 0.25 : 1.2;
      case MALL, SCENIC_SPOT -> weekend ? 1.4 : 0.85;
      default -> 1.0; // homes, hospitals and stations run every day
    };
  }

  private void wear(double usage, int day) {
    double aging = 1 + e.ageYears() / 15.0;
    // Per-trip wear: a door opens and closes twice per trip; ~0.2 of door life per year at 300
    // trips/day.
    doorWear += usage * 1.8e-6 * aging;
    brakeWear += usage * 1.1e-6 * aging * (e.brakeType() == BrakeType.DRUM ? 1.5 : 1.0);
    tractionWear += usage * 0.9e-6 * aging;
    controllerWear += 1.5e-4 * aging;
  }

  private void maintain(int day, List<SimEvent> events) {
    daysSinceMaintenance++;
    if (company == null || !visitDue()) {
      return;
    }
    double x = r.nextDouble();
    if (x < company.skipProbability()) {
      events.add(new SimEvent(e.index(), day, 600, SimEvent.Kind.MAINTENANCE_SKIPPED, null, 0));
      daysSinceMaintenance -= 3; // the company comes back a few days later
    } else if (x < company.skipProbability() + company.fakeProbability()) {
      events.add(new SimEvent(e.index(), day, 600, SimEvent.Kind.MAINTENANCE_FAKED, null, 0));
      daysSinceMaintenance =
          0; // recorded as done, so the schedule moves on; the elevator gains nothing
      faultsSinceVisit = 0;
      warnedSinceVisit = false;
    } else {
      doorWear *= 1 - company.wearReset();
      brakeWear *= 1 - company.wearReset();
      tractionWear *= 1 - company.wearReset() / 2;
      events.add(
          new SimEvent(
              e.index(), day, 540 + r.nextInt(480), SimEvent.Kind.MAINTENANCE_DONE, null, 0));
      daysSinceMaintenance = 0;
      adjustment = 0;
      faultsSinceVisit = 0;
      warnedSinceVisit = false;
    }
  }

  /** Whether the company's policy sends a visit today (SimConfig.Upkeep). */
  private boolean visitDue() {
    SimConfig.Upkeep u = config.upkeep();
    if (u.policy() instanceof SimConfig.Upkeep.Fixed f) {
      return daysSinceMaintenance >= f.days();
    }
    SimConfig.Upkeep.OnDemand d = (SimConfig.Upkeep.OnDemand) u.policy();
    return daysSinceMaintenance >= d.maxDays()
        || faultsSinceVisit >= d.faults()
        || d.onDriftWarning() && warnedSinceVisit
        || d.onUsage() && adjustment >= u.tolerance();
  }

  private void inspect(int day, List<SimEvent> events) {
    if (day != nextInspectionDay) {
      return;
    }
    double failP = Math.min(0.6, 0.02 + 0.25 * meanWear() + (e.safetyCircuitBypassed() ? 0.3 : 0));
    if (r.nextDouble() < failP) {
      events.add(new SimEvent(e.index(), day, 600, SimEvent.Kind.INSPECTION_FAILED, null, 0));
      repair(day, events, -1);
      nextInspectionDay = day + 30;
    } else {
      events.add(new SimEvent(e.index(), day, 600, SimEvent.Kind.INSPECTION_PASSED, null, 0));
      nextInspectionDay = day + 365;
    }
  }

  double meanWear() {
    return (doorWear + brakeWear + tractionWear + controllerWear) / 4;
  }

  /** The true daily fault probability: the ground truth a prediction is scored against. */
  double hazard(double usage) {
    double age = Math.exp(0.04 * e.ageYears()); // 30 years: x3.3
    double use = Math.sqrt(usage / 400.0);
    double wear = 1 + 3 * Math.min(1.5, meanWear());
    SimConfig.Upkeep u = config.upkeep();
    double overdue =
        u.condition()
            ? 1 + u.slope() * Math.min(40, Math.max(0, adjustment - u.tolerance()))
            : 1
                + 0.04
                    * Math.min(40, Math.max(0, daysSinceMaintenance - MAINTENANCE_INTERVAL_DAYS));
    double brake = e.brakeType() == BrakeType.DRUM ? 1.25 : 1.0;
    double threeNo = e.threeNo() ? 1.5 : 1.0;
    return Math.min(
        0.2, config.baseDailyFaultHazard() * age * use * wear * overdue * brake * threeNo);
  }

  /**
   * A fault: which component, whether it entraps, the rescue and the repair. True when passengers
   * were trapped.
   */
  private boolean fault(int day, double usage, List<SimEvent> events) {
    int minute = HourlyTraffic.busyMinute(r, e.buildingType());
    double[] weights = {doorWear + 0.2, brakeWear + 0.1, tractionWear + 0.1, controllerWear + 0.1};
    int component = CityGenerator.pick(r, weights);
    EventType type =
        switch (component) {
          case 0 ->
              pickOf(
                  EventType.DOOR_CLOSE_FAILURE,
                  EventType.DOOR_OPEN_FAILURE,
                  EventType.DOOR_LOCK_CIRCUIT_BREAK);
          case 1 ->
              pickOf(
                  EventType.BRAKE_SYSTEM_FAULT,
                  EventType.STOP_OUTSIDE_DOOR_ZONE,
                  EventType.BOTTOM_OVERTRAVEL);
          case 2 ->
              pickOf(EventType.ABNORMAL_VIBRATION, EventType.OVERSPEED, EventType.TOP_OVERTRAVEL);
          default ->
              pickOf(
                  EventType.FLOOR_POSITION_LOST,
                  EventType.SAFETY_CIRCUIT_BREAK,
                  EventType.POWER_LOSS);
        };
    events.add(new SimEvent(e.index(), day, minute, SimEvent.Kind.FAULT, type, 0));
    // Passengers are trapped when the car stops with people inside: likelier for stops between
    // floors, busier cars.
    double trappedP =
        switch (component) {
              case 0 -> 0.25;
              case 1 -> 0.45;
              case 2 -> 0.15;
              default -> 0.35;
            }
            * Math.min(1.5, Math.sqrt(usage / 400.0))
            * config.causes().equipmentTrapScale();
    boolean trapped = r.nextDouble() < trappedP;
    if (trapped) {
      EventType where =
          component == 0 ? EventType.ENTRAPMENT_AT_LANDING : EventType.ENTRAPMENT_BETWEEN_FLOORS;
      entrapment(day, minute, where, SimEvent.Cause.EQUIPMENT, events);
    }
    repair(day, events, component);
    return trapped;
  }

  /**
   * Misuse factor by building type (BuildingType order): household garbage, renovation debris and
   * forced loading are a residential cause, children make schools the likeliest of the rest.
   * Calibrated with {@link HourlyTraffic}'s residential peaks so that ~71 % of entrapments are in
   * homes, as 96333 bulletins publish (docs/simulator.md).
   */
  private static final double[] MISUSE_BY_BUILDING = {1.0, 0.05, 0.1, 0.1, 0.15, 0.1, 0.1};

  /**
   * Misuse: debris blocking doors, forced loading, overloading, doors held. Likelier with use, in
   * homes, and during renovation works in the building (debris and forced loading, which also bend
   * the doors).
   */
  private boolean misuse(int day, double usage, List<SimEvent> events) {
    SimConfig.EntrapmentCauses c = config.causes();
    if (day > renovatingUntil) {
      double perYear =
          c.renovationsPerYear()
              * (e.buildingType() == BuildingType.RESIDENTIAL ? 1 : 0.3)
              * (e.ageYears() + day / 365.0 < 3 ? 4 : 1);
      if (r.nextDouble() < perYear / 365) {
        renovatingUntil = day + 30 + r.nextInt(60);
      }
    }
    boolean renovating = day <= renovatingUntil;
    double p =
        c.misuseDailyRate()
            * MISUSE_BY_BUILDING[e.buildingType().ordinal()]
            * Math.sqrt(usage / 400.0)
            * (renovating ? c.renovationMisuseFactor() : 1);
    if (r.nextDouble() >= p) {
      return false;
    }
    if (renovating) {
      doorWear += 0.02; // forced loading bends door panels and sills
    }
    entrapment(
        day,
        HourlyTraffic.busyMinute(r, e.buildingType()),
        r.nextDouble() < 0.8
            ? EventType.ENTRAPMENT_AT_LANDING
            : EventType.ENTRAPMENT_BETWEEN_FLOORS,
        SimEvent.Cause.MISUSE,
        events);
    return true;
  }

  /**
   * A grid power cut in the elevator's district (the same for every elevator there) may trap its
   * passengers.
   */
  private boolean powerCut(int day, double usage, List<SimEvent> events) {
    int minute = PowerCuts.minute(config, e.district(), day);
    if (minute < 0
        || r.nextDouble()
            >= config.causes().powerCutTrapProbability()
                * Math.min(2.5, usage / 400.0)
                * HourlyTraffic.relative(e.buildingType(), minute)) {
      return false;
    }
    entrapment(day, minute, EventType.ENTRAPMENT_BETWEEN_FLOORS, SimEvent.Cause.EXTERNAL, events);
    return true;
  }

  /** Passengers trapped, with the rescue the 96333 centre dispatches. */
  private void entrapment(
      int day, int minute, EventType where, SimEvent.Cause cause, List<SimEvent> events) {
    events.add(
        new SimEvent(e.index(), day, minute, SimEvent.Kind.ENTRAPMENT, where, cause.ordinal()));
    // The rescue centre dispatches a rescuer (lognormal, mean meanRescueDispatchMin), who then
    // travels (lognormal, sigma 0.5); together the configured mean arrival time after the alarm.
    double dispatch =
        Math.exp(Math.log(config.meanRescueDispatchMin()) - 0.125 + 0.5 * r.nextGaussian());
    double travelMean = Math.max(1, config.meanRescueArrivalMin() - config.meanRescueDispatchMin());
    double arrival = dispatch + Math.exp(Math.log(travelMean) - 0.125 + 0.5 * r.nextGaussian());
    events.add(
        new SimEvent(e.index(), day, minute, SimEvent.Kind.RESCUE_DISPATCHED, where, dispatch));
    events.add(new SimEvent(e.index(), day, minute, SimEvent.Kind.RESCUE_ARRIVED, where, arrival));
  }

  /**
   * A repair renews the failed component (wear x0.4), or after a failed inspection all of them a
   * little (x0.7).
   */
  private void repair(int day, List<SimEvent> events, int component) {
    doorWear *= component == 0 ? 0.4 : component < 0 ? 0.7 : 1;
    brakeWear *= component == 1 ? 0.4 : component < 0 ? 0.7 : 1;
    tractionWear *= component == 2 ? 0.4 : component < 0 ? 0.7 : 1;
    controllerWear *= component == 3 ? 0.4 : component < 0 ? 0.7 : 1;
    events.add(
        new SimEvent(e.index(), day, 8 * 60 + r.nextInt(11 * 60), SimEvent.Kind.REPAIR, null, 0));
    if (component == 0 || component == 2 || component < 0) {
      watch = watch.reset();
    }
  }

  private EventType pickOf(EventType a, EventType b, EventType c) {
    int i = r.nextInt(3);
    return i == 0 ? a : i == 1 ? b : c;
  }

  private EventType randomFault() {
    return pickOf(
        EventType.DOOR_CLOSE_FAILURE, EventType.BRAKE_SYSTEM_FAULT, EventType.SAFETY_CIRCUIT_BREAK);
  }
}
