package io.liftguard.api.dto;

/**
 * The answer to a telemetry post.
 *
 * @param accepted readings mirrored into live state
 * @param stale readings older than the live state, acknowledged but not applied
 * @param elevatorsPersisted elevators whose newest live state is in the journal now
 * @param elevatorsCoalesced elevators whose newest live state is held in memory, persisted within
 *     the flush interval
 */
public record TelemetryAck(
    int readings, int accepted, int stale, int elevatorsPersisted, int elevatorsCoalesced) {}
