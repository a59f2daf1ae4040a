package io.liftguard.api.dto;

import io.liftguard.fleet.domain.FleetAggregate;
import java.time.Instant;
import java.util.List;

/** Fleet aggregates by {@code groupBy}, one entry per group, as of {@code asOf}. */
public record FleetAggregates(String groupBy, List<FleetAggregate> groups, Instant asOf) {}
