package io.liftguard.insurance;

import io.liftguard.insurance.domain.Claim;
import io.liftguard.kernel.timer.Rounds;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Reviews every active policy every {@code review-interval}, on one node of the cluster (a cluster
 * singleton): each policy gets what the read model says of its elevators and closes the rating
 * periods that have ended (re-rating at each end), lapses at the end of its term and schedules the
 * "+ service" checks that are due. One round at a time; the policies decide what is due from the
 * clock, so a late or repeated round changes nothing twice.
 */
public final class PolicyReviewer {
  /** Who the review's changes are recorded under. */
  public static final String PRINCIPAL = "policy-review";

  private static final int PAGE = 100;

  private PolicyReviewer() {}

  public static void init(
      ActorSystem<?> system, PolicyBook book, Underwriter underwriter, InsuranceSettings settings) {
    Rounds.onceInCluster(
        system,
        "policy-reviewer",
        Rounds.every(
            "policy review",
            settings.reviewInterval(),
            settings.reviewInterval(),
            () -> round(book, underwriter, null, 0)));
  }

  /**
   * Reviews the active policies after {@code after}, a page at a time; completes with how many were
   * reviewed.
   */
  static CompletionStage<Integer> round(
      PolicyBook book, Underwriter underwriter, String after, int done) {
    return book.reader()
        .activePolicies(after, PAGE)
        .thenCompose(
            ids -> {
              CompletionStage<Integer> chain = CompletableFuture.completedFuture(done);
              for (String id : ids) {
                chain = chain.thenCompose(n -> review(book, underwriter, id).thenApply(v -> n + 1));
              }
              return ids.size() < PAGE
                  ? chain
                  : chain.thenCompose(n -> round(book, underwriter, ids.get(ids.size() - 1), n));
            });
  }

  /**
   * One policy's review: first the claims of entrapments since its cover began that it does not
   * hold yet (those the cover-events projection saw before the insurance read model showed the
   * policy), then the review itself.
   */
  static CompletionStage<?> review(PolicyBook book, Underwriter underwriter, String policyId) {
    return book.get(policyId)
        .thenCompose(
            state -> {
              List<String> elevators = List.copyOf(state.elevators().keySet());
              Instant until = state.closedAt() != null ? state.closedAt() : state.term().endsAt();
              InsuranceReader.Cover cover =
                  new InsuranceReader.Cover(
                      policyId,
                      state.insurer(),
                      state.policyholder(),
                      state.product().wireName(),
                      state.productVersion(),
                      state.status().name(),
                      state.annualPremium());
              return book.reader()
                  .entrapments(elevators, state.coverFrom(), until)
                  .thenCompose(
                      traps -> {
                        CompletionStage<?> opened = CompletableFuture.completedFuture(null);
                        for (InsuranceReader.Entrapment t : traps) {
                          if (!state
                              .claims()
                              .containsKey(Claim.automaticId(t.elevatorId(), t.eventId()))) {
                            opened =
                                opened.thenCompose(
                                    v ->
                                        CoverEventsProjection.openClaim(
                                            book,
                                            cover,
                                            t.elevatorId(),
                                            t.eventId(),
                                            t.type(),
                                            t.occurredAt(),
                                            t.recordedBy()));
                          }
                        }
                        return opened;
                      })
                  .thenCompose(v -> underwriter.statuses(elevators));
            })
        .thenCompose(statuses -> book.review(policyId, statuses, PRINCIPAL));
  }
}
