package io.liftguard.sim;

import io.liftguard.twin.domain.BrakeType;
import io.liftguard.twin.domain.BuildingType;
import io.liftguard.twin.domain.DriveType;

/**
 * One simulated elevator's static facts (what the register says, plus the hidden truth: a bypassed
 * safety circuit) at the start of the simulation.
 *
 * @param company index into {@link SimConfig#companies()}, or -1 for a 三无 elevator with no company
 */
public record SimElevator(
    int index,
    String id,
    String district,
    BuildingType buildingType,
    double ageYears,
    DriveType driveType,
    BrakeType brakeType,
    boolean threeNo,
    int company,
    int floors,
    boolean safetyCircuitBypassed) {}
