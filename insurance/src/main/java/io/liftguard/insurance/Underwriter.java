package io.liftguard.insurance;

import io.liftguard.fleet.FleetReader;
import io.liftguard.fleet.domain.FleetAggregate;
import io.liftguard.fleet.domain.FleetFilter;
import io.liftguard.fleet.domain.FleetRow;
import io.liftguard.fleet.domain.FleetScope;
import io.liftguard.fleet.domain.GroupBy;
import io.liftguard.insurance.domain.ClassRisk;
import io.liftguard.insurance.domain.PolicyRules;
import io.liftguard.insurance.domain.RatingInputs;
import io.liftguard.twin.domain.TwinRules;
import io.liftguard.twin.domain.risk.RiskModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Gathers what premiums are computed from, out of the fleet read model: each elevator's class and
 * its twin's last risk, the risk the model expects of its class, and its maintenance company's
 * overdue record against the city's (cached for {@code maintenance-records-ttl}: a company's share
 * hardly moves between two quotes).
 */
public final class Underwriter {
  private final FleetReader fleet;
  private final RiskModel model;
  private final Clock clock;
  private final Duration recordsTtl;
  private final ContractVisits visits;
  private volatile CompletionStage<Records> records;
  private volatile Instant recordsAt = Instant.MIN;

  /** Every company's overdue count, and the city's. */
  private record Records(
      Map<String, FleetAggregate> byCompany, long cityElevators, long cityOverdue) {}

  public Underwriter(FleetReader fleet, RiskModel model, Clock clock, Duration recordsTtl) {
    this(fleet, model, clock, recordsTtl, ContractVisits.NONE);
  }

  /** With {@code visits}: when each elevator's maintenance contract next sends a visit. */
  public Underwriter(
      FleetReader fleet, RiskModel model, Clock clock, Duration recordsTtl, ContractVisits visits) {
    this.fleet = fleet;
    this.model = model;
    this.clock = clock;
    this.recordsTtl = recordsTtl;
    this.visits = visits;
  }

  /** The read model's rows of {@code ids} (absent: not projected yet, or never registered). */
  public CompletionStage<Map<String, FleetRow>> rows(Collection<String> ids) {
    return fleet.rows(ids);
  }

  /** Rating inputs for each row. */
  public CompletionStage<Map<String, RatingInputs>> inputs(Collection<FleetRow> rows) {
    return records()
        .thenApply(
            r -> {
              LocalDate today = TwinRules.today(clock.instant());
              Map<String, RatingInputs> all = new LinkedHashMap<>();
              for (FleetRow row : rows) {
                all.put(row.elevatorId(), inputs(row, r, today));
              }
              return all;
            });
  }

  /**
   * What a policy review needs of each of {@code ids} the read model holds: fresh inputs and what
   * is overdue.
   */
  public CompletionStage<Map<String, PolicyRules.ElevatorStatus>> statuses(Collection<String> ids) {
    return rows(ids)
        .thenCompose(
            rows ->
                inputs(rows.values())
                    .thenCombine(
                        visits.due(ids, TwinRules.today(clock.instant())),
                        (inputs, due) -> {
                          Map<String, PolicyRules.ElevatorStatus> statuses = new HashMap<>();
                          rows.forEach(
                              (id, row) ->
                                  statuses.put(
                                      id,
                                      new PolicyRules.ElevatorStatus(
                                          inputs.get(id),
                                          row.maintenanceOverdue(),
                                          row.inspectionOverdue(),
                                          due.get(id))));
                          return statuses;
                        }));
  }

  private RatingInputs inputs(FleetRow row, Records r, LocalDate today) {
    RatingInputs.Risk risk = row.risk() == null ? null : RatingInputs.Risk.of(row.risk());
    RatingInputs.MaintenanceRecord maintenance = null;
    if (row.maintenanceCompany() != null && !row.maintenanceCompany().isBlank()) {
      FleetAggregate company = r.byCompany().get(row.maintenanceCompany());
      maintenance =
          new RatingInputs.MaintenanceRecord(
              row.maintenanceCompany(),
              company == null ? 0 : company.elevators(),
              company == null ? 0 : company.maintenanceOverdue(),
              r.cityElevators(),
              r.cityOverdue());
    }
    return new RatingInputs(
        row.elevatorId(),
        today,
        row.buildingType(),
        row.ageYears(),
        row.driveType(),
        row.brakeType(),
        risk,
        ClassRisk.of(model, row.buildingType(), row.ageYears(), row.brakeType()),
        maintenance);
  }

  private CompletionStage<Records> records() {
    Instant now = clock.instant();
    CompletionStage<Records> current = records;
    if (current == null || now.isAfter(recordsAt.plus(recordsTtl))) {
      synchronized (this) {
        if (records == null || now.isAfter(recordsAt.plus(recordsTtl))) {
          recordsAt = now;
          records =
              fleet
                  .aggregates(FleetScope.ALL, FleetFilter.NONE, GroupBy.MAINTENANCE_COMPANY)
                  .thenApply(
                      groups -> {
                        Map<String, FleetAggregate> byCompany = new HashMap<>();
                        long elevators = 0;
                        long overdue = 0;
                        for (FleetAggregate g : groups) {
                          if (g.key() != null) {
                            byCompany.put(g.key(), g);
                          }
                          elevators += g.elevators();
                          overdue += g.maintenanceOverdue();
                        }
                        return new Records(byCompany, elevators, overdue);
                      });
          // A failed query is not cached.
          records.whenComplete(
              (ok, failure) -> {
                if (failure != null) {
                  recordsAt = Instant.MIN;
                }
              });
        }
        current = records;
      }
    }
    return current;
  }
}
