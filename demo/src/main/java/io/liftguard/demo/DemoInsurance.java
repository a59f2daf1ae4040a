package io.liftguard.demo;

import io.liftguard.insurance.PolicyBook;
import io.liftguard.insurance.domain.Product;
import io.liftguard.insurance.domain.Term;
import io.liftguard.twin.domain.RegisterData;
import io.liftguard.twin.domain.TwinRules;
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
 * The demo city's cover: two demo insurers each insure the elevators the register names them for,
 * one policy per using unit (PICC Chongqing sells "insurance + service", Ping An P&C liability; the
 * third insurer of the register insures nothing here). Quotes and binds through the same policy
 * book the API uses, as soon as the read model holds the elevators, so a newcomer sees premiums,
 * their factors and claims within minutes. An elevator covered already (a restart on the same data)
 * is not insured twice.
 */
public final class DemoInsurance {
  /** The demo insurers and the product each sells. */
  public static final Map<String, Product> INSURERS =
      Map.of(
          "PICC Chongqing", Product.INSURANCE_SERVICE,
          "Ping An P&C", Product.LIABILITY);

  private static final Duration RETRY = Duration.ofSeconds(5);

  private DemoInsurance() {}

  /**
   * The quotes that insure the demo city: per demo insurer, per using unit, for a year from {@code
   * today}.
   */
  public static List<PolicyBook.QuoteSpec> plan(List<RegisterData> register, LocalDate today) {
    Map<String, Map<String, List<String>>> byInsurerAndUnit = new TreeMap<>();
    for (RegisterData r : register) {
      if (INSURERS.containsKey(r.insurer())) {
        byInsurerAndUnit
            .computeIfAbsent(r.insurer(), k -> new TreeMap<>())
            .computeIfAbsent(r.usingUnit(), k -> new ArrayList<>())
            .add(r.registrationCode());
      }
    }
    List<PolicyBook.QuoteSpec> specs = new ArrayList<>();
    byInsurerAndUnit.forEach(
        (insurer, units) ->
            units.forEach(
                (unit, elevators) ->
                    specs.add(
                        new PolicyBook.QuoteSpec(
                            insurer,
                            unit,
                            INSURERS.get(insurer),
                            List.copyOf(elevators),
                            new Term(today, today.plusYears(1))))));
    return specs;
  }

  /** Messages of the demo insurance actor. */
  public sealed interface Message {}

  private enum Next implements Message {
    INSTANCE
  }

  private record Insured(boolean ok) implements Message {}

  /**
   * Insures the demo city, its policies bound with rating periods of {@code ratingPeriod}
   * (simulated time).
   */
  public static Behavior<Message> create(
      PolicyBook book, List<RegisterData> register, Duration ratingPeriod, Clock clock) {
    return Behaviors.setup(
        ctx ->
            Behaviors.withTimers(
                timers -> {
                  List<PolicyBook.QuoteSpec> pending =
                      new ArrayList<>(plan(register, TwinRules.today(clock.instant())));
                  ctx.getLog()
                      .info(
                          "demo insurance: {} policies to quote and bind once the read model holds"
                              + " the demo city",
                          pending.size());
                  timers.startSingleTimer(Next.INSTANCE, RETRY);
                  return Behaviors.receive(Message.class)
                      .onMessageEquals(
                          Next.INSTANCE,
                          () -> {
                            // One at a time, in order; one that fails (its elevators not projected
                            // yet) is tried again later.
                            ctx.pipeToSelf(
                                insure(book, pending.get(0), ratingPeriod),
                                (v, failure) -> new Insured(failure == null));
                            return Behaviors.same();
                          })
                      .onMessage(
                          Insured.class,
                          m -> {
                            if (m.ok()) {
                              pending.remove(0);
                              if (pending.isEmpty()) {
                                ctx.getLog().info("demo insurance: the demo city is insured");
                                return Behaviors.stopped();
                              }
                              ctx.getSelf().tell(Next.INSTANCE);
                            } else {
                              timers.startSingleTimer(Next.INSTANCE, RETRY);
                            }
                            return Behaviors.same();
                          })
                      .build();
                }));
  }

  private static CompletionStage<?> insure(
      PolicyBook book, PolicyBook.QuoteSpec spec, Duration ratingPeriod) {
    return book.reader()
        .covers(spec.elevators().get(0))
        .thenCompose(
            covers ->
                covers.isEmpty()
                    ? book.quote(spec, row -> true, DemoCity.PRINCIPAL)
                        .thenCompose(q -> book.bind(q.policyId(), ratingPeriod, DemoCity.PRINCIPAL))
                    : CompletableFuture.completedFuture(null));
  }
}
