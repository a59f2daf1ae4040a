package io.liftguard.sim;

import java.util.List;

/**
 * The simulated life of one elevator: its events in time order and, per month, the true mean daily fault hazard
 * (the ground truth a model's predicted probability is scored against), faults and entrapments.
 */
public record ElevatorHistory(
    SimElevator elevator, List<SimEvent> events, double[] monthlyMeanHazard, int[] monthlyFaults,
    int[] monthlyEntrapments) {}
