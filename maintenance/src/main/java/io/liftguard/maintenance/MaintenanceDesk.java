package io.liftguard.maintenance;

import io.liftguard.kernel.domain.Rejection;
import io.liftguard.kernel.entity.EntityClient;
import io.liftguard.kernel.entity.RejectedException;
import io.liftguard.kernel.store.StoreHealth;
import io.liftguard.maintenance.domain.Certificate;
import io.liftguard.maintenance.domain.CertificateRecord;
import io.liftguard.maintenance.domain.Contract;
import io.liftguard.maintenance.domain.ContractHistory;
import io.liftguard.maintenance.domain.Due;
import io.liftguard.maintenance.domain.MaintenanceMode;
import io.liftguard.maintenance.domain.Performance;
import io.liftguard.maintenance.domain.Schedule;
import io.liftguard.maintenance.domain.VisitRecord;
import io.liftguard.maintenance.domain.VisitTier;
import io.liftguard.twin.ElevatorFleet;
import io.liftguard.twin.domain.MaintainerOnSite;
import io.liftguard.twin.domain.MaintenanceVisit;
import io.liftguard.twin.domain.TwinRules;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * The maintenance companies' desk: contracts and certificates (sharded entities), the work list
 * from the read model and each contract's schedule, and a maintainer's check-in and check-out at
 * the car, which the twin records once the certificate and the contract allow it.
 */
public final class MaintenanceDesk {
  private final EntityClient<ContractEntity.Command> contracts;
  private final EntityClient<CertificateEntity.Command> certificates;
  private final MaintenanceReader reader;
  private final ElevatorFleet fleet;
  private final Clock clock;

  public MaintenanceDesk(
      ActorSystem<?> system,
      MaintenanceReader reader,
      ElevatorFleet fleet,
      StoreHealth storeHealth,
      Clock clock) {
    this.contracts = EntityClient.of(system, ContractEntity.TYPE_KEY, storeHealth);
    this.certificates = EntityClient.of(system, CertificateEntity.TYPE_KEY, storeHealth);
    this.reader = reader;
    this.fleet = fleet;
    this.clock = clock;
  }

  public MaintenanceReader reader() {
    return reader;
  }

  public CompletionStage<ContractHistory> sign(Contract contract, String by) {
    return contracts.write(contract.id(), r -> new ContractEntity.Sign(contract, by, r));
  }

  public CompletionStage<ContractHistory> contract(String id) {
    return contracts.read(id, ContractEntity.Get::new);
  }

  public CompletionStage<CertificateRecord> issue(Certificate certificate, String by) {
    return certificates.write(
        certificate.number(), r -> new CertificateEntity.Issue(certificate, by, r));
  }

  public CompletionStage<CertificateRecord> certificate(String number) {
    return certificates.read(number, CertificateEntity.Get::new);
  }

  /**
   * A contract's quality targets against what was done in a month (seed 004: the cycle, the targets
   * and the actual work made public): {@code actual} the counts, {@code lines} each target with its
   * actual and whether it was met (null: nothing to measure yet).
   */
  public record ContractPerformance(
      String contractId,
      int version,
      String mode,
      int intervalDays,
      LocalDate from,
      LocalDate to,
      Performance actual,
      List<Performance.Line> lines) {}

  /** The performance of contract {@code history}'s version in force over {@code month}. */
  public CompletionStage<ContractPerformance> performance(
      ContractHistory history, YearMonth month, LocalDate today) {
    Contract k = history.current();
    int interval =
        k.mode() instanceof MaintenanceMode.Fixed f
            ? f.intervalDays()
            : ((MaintenanceMode.OnDemand) k.mode()).maxIntervalDays();
    LocalDate from = month.atDay(1);
    LocalDate to = month.plusMonths(1).atDay(1);
    return reader
        .performance(k.id(), from, to, today, k.targets().responseMinutes(), interval)
        .thenApply(
            p ->
                new ContractPerformance(
                    k.id(),
                    k.version(),
                    modeName(k.mode()),
                    interval,
                    from,
                    to.minusDays(1),
                    p,
                    p.against(k.targets())));
  }

  static String modeName(MaintenanceMode mode) {
    return mode instanceof MaintenanceMode.Fixed ? "fixed" : "on-demand";
  }

  /** What a maintainer sends at the car. */
  public record CheckIn(
      String visitId,
      String elevatorId,
      String certificate,
      MaintenanceVisit.Kind kind,
      Instant at) {}

  /**
   * Checks a maintainer of {@code company} in at the car: refused (nothing recorded) when the
   * certificate is unknown, expired or another company's, or no contract of the company covers the
   * elevator that day; else the twin records it, which holds its intelligent alarm.
   */
  public CompletionStage<String> checkIn(CheckIn in, String company, String by) {
    Instant at = in.at() == null ? clock.instant() : in.at();
    LocalDate day = TwinRules.today(at);
    CompletionStage<Optional<Contract>> contract =
        reader
            .coveringContract(company, in.elevatorId(), day)
            .thenCompose(
                id ->
                    id.isEmpty()
                        ? CompletableFuture.completedFuture(Optional.<Contract>empty())
                        : contract(id.get()).thenApply(h -> Optional.ofNullable(h.current())));
    // Both asked at once; the check-in waits for the two answers.
    CompletionStage<CertificateRecord> certificate = certificate(in.certificate());
    return certificate.thenCompose(
        cert ->
            contract.thenCompose(
                k -> {
                  VisitRecord record =
                      new VisitRecord(
                          in.visitId(),
                          in.elevatorId(),
                          null,
                          in.certificate(),
                          at,
                          null,
                          Map.of(),
                          false);
                  List<String> refusals =
                      record.refusals(cert.current(), k.orElse(null), company, TwinRules.CALENDAR);
                  if (!refusals.isEmpty()) {
                    return CompletableFuture.failedFuture(
                        new RejectedException(Rejection.invalid(refusals)));
                  }
                  MaintainerOnSite visit =
                      new MaintainerOnSite(
                          in.visitId(),
                          company,
                          cert.current().holder(),
                          in.certificate(),
                          in.kind() == null ? MaintenanceVisit.Kind.ROUTINE : in.kind(),
                          at,
                          false);
                  return fleet.checkIn(in.elevatorId(), visit, by);
                }));
  }

  /**
   * A check-out's outcome ("checked-out", or "duplicate" for a retry) and what the integrity checks
   * flag in the visit (no inspection mode seen, shorter than its tier's minimum): questions to the
   * company, not refusals.
   */
  public record CheckedOut(String outcome, List<String> flags) {}

  /**
   * The maintainer of {@code visitId} checks out at {@code at} (null: now) from a visit of {@code
   * tier} (null: half-monthly); the twin records the visit. The flags are judged on the check-in as
   * the twin held it just before (a reading arriving in between may still show inspection mode to
   * the twin's own record).
   */
  public CompletionStage<CheckedOut> checkOut(
      String elevatorId, String visitId, Instant at, String notes, VisitTier tier, String by) {
    Instant end = at == null ? clock.instant() : at;
    return fleet
        .get(elevatorId)
        .thenCompose(
            view -> {
              MaintainerOnSite on = view.state().onSite();
              return fleet
                  .checkOut(elevatorId, visitId, end, notes, by)
                  .thenApply(
                      outcome ->
                          new CheckedOut(
                              outcome,
                              on == null
                                      || !on.visitId().equals(visitId)
                                      || !outcome.equals("checked-out")
                                  ? List.of()
                                  : new VisitRecord(
                                          visitId,
                                          elevatorId,
                                          tier == null ? VisitTier.HALF_MONTHLY : tier,
                                          on.certificate(),
                                          on.since(),
                                          end,
                                          Map.of(),
                                          on.inspectionSeen())
                                      .flags()));
            });
  }

  /**
   * The day the next contract visit of each of {@code elevatorIds} is due on {@code today} (an
   * elevator under no contract is left out): what the insurer's "+ service" review asks so it does
   * not send a safety check where a visit is coming anyway.
   */
  public CompletionStage<Map<String, LocalDate>> visitsDue(
      java.util.Collection<String> elevatorIds, LocalDate today) {
    return reader
        .coveredElevators(elevatorIds, today)
        .thenCompose(
            covered ->
                contractsOf(covered)
                    .thenApply(
                        contracts -> {
                          Map<String, LocalDate> due = new HashMap<>();
                          for (WorkOrder o : workList(covered, contracts, today, Show.ALL)) {
                            due.put(o.elevatorId(), o.dueBy());
                          }
                          return due;
                        }));
  }

  /** The version in force of every contract {@code covered} names. */
  private CompletionStage<Map<String, Contract>> contractsOf(
      List<MaintenanceReader.Covered> covered) {
    Map<String, Contract> byId = new java.util.concurrent.ConcurrentHashMap<>();
    CompletableFuture<Void> all = CompletableFuture.completedFuture(null);
    for (String id :
        covered.stream().map(MaintenanceReader.Covered::contractId).distinct().toList()) {
      all =
          all.thenCombine(
              contract(id).toCompletableFuture(),
              (v, h) -> {
                byId.put(id, h.current());
                return null;
              });
    }
    return all.thenApply(v -> byId);
  }

  /** One line of a company's work list. */
  public record WorkOrder(
      String elevatorId,
      String contractId,
      String mode,
      LocalDate dueBy,
      Due.Status status,
      long daysOverdue,
      List<String> reasons,
      String onSite) {}

  /** What the work list shows: what is due, overdue, on site now, or everything. */
  public enum Show {
    DUE,
    OVERDUE,
    OPEN,
    ALL
  }

  /**
   * The work list of {@code company} on {@code today}: every elevator under its contracts with its
   * next visit and why, most urgent first; {@code show} keeps what is due (today or before),
   * overdue, or checked in now.
   */
  public CompletionStage<List<WorkOrder>> workList(String company, LocalDate today, Show show) {
    return reader
        .covered(company, today)
        .thenCompose(
            covered ->
                contractsOf(covered).thenApply(byId -> workList(covered, byId, today, show)));
  }

  static List<WorkOrder> workList(
      List<MaintenanceReader.Covered> covered,
      Map<String, Contract> contracts,
      LocalDate today,
      Show show) {
    List<Due> due = new ArrayList<>();
    Map<String, MaintenanceReader.Covered> byElevator = new HashMap<>();
    for (MaintenanceReader.Covered c : covered) {
      Contract k = contracts.get(c.contractId());
      if (k == null) {
        continue; // the read model is ahead of the entity: not possible, kept safe
      }
      due.add(Schedule.due(k.mode(), c.condition(), today));
      byElevator.put(c.condition().elevatorId(), c);
    }
    due.sort(Schedule.mostUrgentFirst());
    List<WorkOrder> out = new ArrayList<>();
    for (Due d : due) {
      MaintenanceReader.Covered c = byElevator.get(d.elevatorId());
      Due.Status status = d.status(today);
      boolean keep =
          switch (show) {
            case DUE -> status != Due.Status.SCHEDULED;
            case OVERDUE -> status == Due.Status.OVERDUE;
            case OPEN -> c.onSite() != null;
            case ALL -> true;
          };
      if (keep) {
        Contract k = contracts.get(c.contractId());
        out.add(
            new WorkOrder(
                d.elevatorId(),
                c.contractId(),
                modeName(k.mode()),
                d.dueBy(),
                status,
                d.daysOverdue(today),
                d.reasons(),
                c.onSite()));
      }
    }
    return out;
  }
}
