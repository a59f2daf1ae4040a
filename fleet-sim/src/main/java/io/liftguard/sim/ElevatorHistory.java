package io.liftguard.sim;

import java.util.List;

/**
 * The simulated life of one elevator: its events in time order and, per month, the true mean daily
 * fault hazard and the hazard on its first day (the ground truth a prediction made at the month's
 * start is scored against: the mean is lowered by repairs after the month's own faults), faults and
 * entrapments. What the platform observes of it is what {@link LiveElevator} reports.
 */
public record ElevatorHistory(
    SimElevator elevator,
    List<SimEvent> events,
    double[] monthlyMeanHazard,
    double[] monthStartHazard,
    int[] monthlyFaults,
    int[] monthlyEntrapments) {}
