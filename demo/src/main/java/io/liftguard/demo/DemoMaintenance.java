package io.liftguard.demo;

import io.liftguard.maintenance.MaintenanceDesk;
import io.liftguard.maintenance.domain.Certificate;
import io.liftguard.maintenance.domain.Contract;
import io.liftguard.maintenance.domain.MaintenanceMode;
import io.liftguard.maintenance.domain.OnDemandRules;
import io.liftguard.maintenance.domain.QualityTargets;
import io.liftguard.twin.domain.RegisterData;
import io.liftguard.twin.domain.TwinRules;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * The demo city's maintenance: each maintenance company of the register holds one contract per
 * using unit it serves (every other one on demand within 45 days, the rest the 15-day cycle of TSG
 * T5002) and one maintainer's certificate, signed through the same desk the API uses, so a newcomer
 * signing in as the demo maintainer sees a work list with the reason for each visit. Signing again
 * after a restart changes nothing (the same terms are a retry).
 */
public final class DemoMaintenance {
  static final QualityTargets TARGETS =
      new QualityTargets(
          new BigDecimal("0.10"),
          new BigDecimal("1.0"),
          new BigDecimal("0.95"),
          30,
          new BigDecimal("0.95"));

  private static final Duration RETRY = Duration.ofSeconds(5);

  private DemoMaintenance() {}

  /** The contracts of the demo city from {@code today} for a year. */
  static List<Contract> contracts(List<RegisterData> register, LocalDate today) {
    Map<String, Map<String, List<String>>> byCompanyAndUnit = new TreeMap<>();
    for (RegisterData r : register) {
      if (r.maintenanceCompany() == null || r.usingUnit() == null) {
        continue; // no company ("three-no" elevators): no contract
      }
      byCompanyAndUnit
          .computeIfAbsent(r.maintenanceCompany(), k -> new TreeMap<>())
          .computeIfAbsent(r.usingUnit(), k -> new ArrayList<>())
          .add(r.registrationCode());
    }
    List<Contract> out = new ArrayList<>();
    byCompanyAndUnit.forEach(
        (company, units) -> {
          int n = 0;
          for (var unit : units.entrySet()) {
            boolean onDemand = n++ % 2 == 1;
            out.add(
                new Contract(
                    "DEMO-" + Integer.toHexString((company + "|" + unit.getKey()).hashCode()),
                    1,
                    unit.getKey(),
                    company,
                    unit.getValue(),
                    onDemand
                        ? new MaintenanceMode.OnDemand(45, OnDemandRules.DEFAULT)
                        : MaintenanceMode.Fixed.TSG_T5002,
                    TARGETS,
                    new BigDecimal(onDemand ? "3600.00" : "4800.00"),
                    today.minusDays(30),
                    today.plusDays(335)));
          }
        });
    return out;
  }

  /** One certificate per company, for its demo maintainer. */
  static List<Certificate> certificates(List<RegisterData> register, LocalDate today) {
    return register.stream()
        .map(RegisterData::maintenanceCompany)
        .filter(java.util.Objects::nonNull)
        .distinct()
        .sorted()
        .map(
            c ->
                new Certificate(
                    "DEMO-T-" + Integer.toHexString(c.hashCode()),
                    "Demo maintainer",
                    c,
                    today.minusYears(1),
                    today.plusYears(3)))
        .toList();
  }

  private enum Next {
    INSTANCE
  }

  /** Signs the demo city's contracts and issues its certificates; retried until they are in. */
  public static Behavior<Object> create(
      MaintenanceDesk desk, List<RegisterData> register, Clock clock) {
    return Behaviors.setup(
        ctx ->
            Behaviors.withTimers(
                timers -> {
                  LocalDate today = TwinRules.today(clock.instant());
                  List<Contract> contracts = contracts(register, today);
                  List<Certificate> certificates = certificates(register, today);
                  timers.startSingleTimer(Next.INSTANCE, RETRY);
                  return Behaviors.receive(Object.class)
                      .onMessageEquals(
                          Next.INSTANCE,
                          () -> {
                            ctx.pipeToSelf(
                                signAll(desk, contracts, certificates),
                                (v, failure) -> failure == null);
                            return Behaviors.same();
                          })
                      .onMessage(
                          Boolean.class,
                          ok -> {
                            if (ok) {
                              ctx.getLog()
                                  .info(
                                      "demo maintenance: {} contracts and {} certificates",
                                      contracts.size(),
                                      certificates.size());
                              return Behaviors.stopped();
                            }
                            timers.startSingleTimer(Next.INSTANCE, RETRY);
                            return Behaviors.same();
                          })
                      .build();
                }));
  }

  private static CompletionStage<Void> signAll(
      MaintenanceDesk desk, List<Contract> contracts, List<Certificate> certificates) {
    CompletableFuture<Void> all = CompletableFuture.completedFuture(null);
    for (Certificate c : certificates) {
      all = all.thenCompose(v -> desk.issue(c, DemoCity.PRINCIPAL).thenApply(r -> null));
    }
    for (Contract k : contracts) {
      all = all.thenCompose(v -> desk.sign(k, DemoCity.PRINCIPAL).thenApply(h -> null));
    }
    return all;
  }
}
