package io.liftguard.insurance;

import io.liftguard.fleet.domain.FleetRow;
import io.liftguard.insurance.domain.Claim;
import io.liftguard.insurance.domain.ClaimsExperience;
import io.liftguard.insurance.domain.PolicyEvent;
import io.liftguard.insurance.domain.PolicyRules;
import io.liftguard.insurance.domain.PolicyState;
import io.liftguard.insurance.domain.Product;
import io.liftguard.insurance.domain.ProductTerms;
import io.liftguard.insurance.domain.RatingInputs;
import io.liftguard.insurance.domain.Term;
import io.liftguard.kernel.domain.Rejection;
import io.liftguard.kernel.entity.EntityClient;
import io.liftguard.kernel.entity.RejectedException;
import io.liftguard.kernel.store.StoreHealth;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.pattern.StatusReply;

/**
 * The policies of the platform, as the API, the projections and the reviewer use them: prices
 * quotes from the read model, and asks the sharded {@link PolicyEntity}s. Writes fail at once while
 * the store is unavailable; an entity's refusal comes back as a {@link RejectedException}.
 */
public final class PolicyBook {
  private final EntityClient<PolicyEntity.Command> policies;
  private final ProductCatalog catalog;
  private final InsuranceSettings settings;
  private final Underwriter underwriter;
  private final InsuranceReader reader;

  public PolicyBook(
      ActorSystem<?> system,
      ProductCatalog catalog,
      InsuranceSettings settings,
      Underwriter underwriter,
      InsuranceReader reader,
      StoreHealth storeHealth) {
    this.policies = EntityClient.of(system, PolicyEntity.TYPE_KEY, storeHealth);
    this.catalog = catalog;
    this.settings = settings;
    this.underwriter = underwriter;
    this.reader = reader;
  }

  public ProductCatalog catalog() {
    return catalog;
  }

  public InsuranceReader reader() {
    return reader;
  }

  /** A quote to price: who insures whom, which product, which elevators, for which term. */
  public record QuoteSpec(
      String insurer, String policyholder, Product product, List<String> elevators, Term term) {}

  /**
   * Prices and records a quote. {@code visible} says whether the caller may see an elevator's row:
   * one it may not see is answered exactly like one that is not registered (404).
   */
  public CompletionStage<PolicyState> quote(
      QuoteSpec spec, Predicate<FleetRow> visible, String by) {
    return quote(spec, visible, by, null);
  }

  /**
   * Quotes the renewal of {@code policy}: the same insurer, policyholder, product (its current
   * version) and elevators, from the end of its term for as long, priced now with every elevator's
   * experience so far. Binding the quote renews the policy.
   */
  public CompletionStage<PolicyState> renew(
      PolicyState policy, Predicate<FleetRow> visible, String by) {
    requireRenewable(policy);
    QuoteSpec spec =
        new QuoteSpec(
            policy.insurer(),
            policy.policyholder(),
            policy.product(),
            List.copyOf(policy.elevators().keySet()),
            PolicyRules.renewalTerm(policy));
    return quote(spec, visible, by, policy.policyId());
  }

  private CompletionStage<PolicyState> quote(
      QuoteSpec spec, Predicate<FleetRow> visible, String by, String renews) {
    ProductTerms terms = catalog.current(spec.product());
    return underwriter
        .rows(spec.elevators())
        .thenCompose(
            rows -> {
              for (String id : spec.elevators()) {
                FleetRow row = rows.get(id);
                if (row == null || !visible.test(row)) {
                  throw new RejectedException(Rejection.notRegistered(id));
                }
              }
              return underwriter
                  .inputs(spec.elevators().stream().map(rows::get).toList())
                  .thenCombine(
                      reader.experience(spec.elevators()),
                      (inputs, experience) -> {
                        List<PolicyRules.Rated> rated = new ArrayList<>();
                        for (String id : spec.elevators()) {
                          rated.add(
                              new PolicyRules.Rated(
                                  inputs.get(id),
                                  experience.getOrDefault(id, ClaimsExperience.NONE)));
                        }
                        return rated;
                      });
            })
        .thenCompose(
            rated -> {
              String id =
                  "P"
                      + UUID.randomUUID()
                          .toString()
                          .replace("-", "")
                          .substring(0, 16)
                          .toUpperCase(Locale.ROOT);
              PolicyRules.QuoteRequest request =
                  new PolicyRules.QuoteRequest(
                      id,
                      spec.insurer(),
                      spec.policyholder(),
                      terms,
                      spec.term(),
                      rated,
                      settings.quoteValidity(),
                      renews);
              return write(id, r -> new PolicyEntity.Quote(request, by, r));
            });
  }

  /**
   * Binds a quote. A renewal is bound, then the policy it renews is told (so that its term ends
   * renewed, not lapsed); when telling fails the bind answers the failure, and binding again tells
   * it again. A renewal of a policy that can no longer be renewed (cancelled, or renewed by
   * another) is refused before it is bound.
   */
  public CompletionStage<PolicyState> bind(String policyId, String by) {
    return bind(policyId, null, by);
  }

  /**
   * {@link #bind(String, String)} with rating periods of {@code ratingPeriod} (null: the configured
   * one): the demo city's policies live in simulated days, and no real policy is ever rated on
   * them.
   */
  public CompletionStage<PolicyState> bind(String policyId, Duration ratingPeriod, String by) {
    return get(policyId)
        .thenCompose(
            quote -> {
              if (quote.renews() == null) {
                return write(policyId, r -> new PolicyEntity.Bind(by, ratingPeriod, r));
              }
              return get(quote.renews())
                  .thenCompose(
                      renewed -> {
                        if (quote.status() == PolicyState.Status.ACTIVE
                            && renewed.renewedBy() == null) {
                          return tellRenewed(
                              quote, by); // bound before, but the renewed policy was not told
                        }
                        if (!policyId.equals(renewed.renewedBy())) {
                          requireRenewable(
                              renewed); // refused before the renewal is bound, not after
                        }
                        return write(policyId, r -> new PolicyEntity.Bind(by, ratingPeriod, r))
                            .thenCompose(bound -> tellRenewed(bound, by));
                      });
            });
  }

  private static void requireRenewable(PolicyState policy) {
    PolicyRules.notRenewable(policy)
        .ifPresent(
            problem -> {
              throw new RejectedException(Rejection.conflict(problem));
            });
  }

  private CompletionStage<PolicyState> tellRenewed(PolicyState successor, String by) {
    return write(successor.renews(), r -> new PolicyEntity.Renewed(successor.policyId(), by, r))
        .thenApply(renewed -> successor);
  }

  public CompletionStage<PolicyState> get(String policyId) {
    return policies.read(policyId, PolicyEntity.Get::new);
  }

  public CompletionStage<PolicyState> openClaim(String policyId, Claim claim, String by) {
    return write(policyId, r -> new PolicyEntity.OpenClaim(claim, by, r));
  }

  public CompletionStage<PolicyState> assessClaim(
      String policyId, String claimId, BigDecimal loss, String note, String by) {
    return write(policyId, r -> new PolicyEntity.AssessClaim(claimId, loss, note, by, r));
  }

  public CompletionStage<PolicyState> payClaim(
      String policyId, String claimId, String note, String by) {
    return write(policyId, r -> new PolicyEntity.PayClaim(claimId, note, by, r));
  }

  public CompletionStage<PolicyState> rejectClaim(
      String policyId, String claimId, String note, String by) {
    return write(policyId, r -> new PolicyEntity.RejectClaim(claimId, note, by, r));
  }

  public CompletionStage<PolicyState> completeServiceAction(
      String policyId, String actionId, String note, String by) {
    return write(policyId, r -> new PolicyEntity.CompleteServiceAction(actionId, note, by, r));
  }

  public CompletionStage<PolicyState> cancel(String policyId, String reason, String by) {
    return write(policyId, r -> new PolicyEntity.Cancel(reason, by, r));
  }

  public CompletionStage<PolicyState> riskChanged(
      String policyId, String elevatorId, RatingInputs.Risk risk, String by) {
    return write(policyId, r -> new PolicyEntity.RiskChanged(elevatorId, risk, by, r));
  }

  public CompletionStage<PolicyState> review(
      String policyId, Map<String, PolicyRules.ElevatorStatus> statuses, String by) {
    return write(policyId, r -> new PolicyEntity.Review(statuses, by, r));
  }

  /**
   * One premium as it was set: at the quote, or by a re-rating; {@code sequenceNr} orders them in
   * the journal.
   */
  public record PremiumEntry(long sequenceNr, PolicyEvent event) {}

  /**
   * Every premium the policy's events set, oldest first: the quote's, then each re-rating with all
   * its factors.
   */
  public CompletionStage<List<PremiumEntry>> premiumHistory(String policyId) {
    return policies.history(
        PolicyEntity.persistenceId(policyId),
        0,
        events ->
            events
                .filter(
                    e ->
                        e.event() instanceof PolicyEvent.PolicyQuoted
                            || e.event() instanceof PolicyEvent.PremiumRerated)
                .map(e -> new PremiumEntry(e.sequenceNr(), (PolicyEvent) e.event())));
  }

  private CompletionStage<PolicyState> write(
      String id, Function<ActorRef<StatusReply<PolicyState>>, PolicyEntity.Command> msg) {
    return policies.write(id, msg);
  }
}
