package io.liftguard.api.dto;

import io.liftguard.fleet.domain.FleetRow;
import java.time.Instant;
import java.util.List;

/**
 * A page of fleet search results from the read model; pass {@code next} as {@code after} for the
 * following page (null at the end). {@code asOf}: the time overdue, online and ages were evaluated
 * for.
 */
public record FleetPage(List<FleetRow> items, String next, Instant asOf) {}
