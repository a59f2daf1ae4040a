package io.liftguard.insurance;

import io.liftguard.insurance.domain.Claim;
import io.liftguard.insurance.domain.ProductTerms;
import io.liftguard.insurance.domain.RatingInputs;
import io.liftguard.kernel.domain.Rejection;
import io.liftguard.kernel.entity.RejectedException;
import io.liftguard.kernel.readside.ProjectionLags;
import io.liftguard.kernel.readside.Projections;
import io.liftguard.kernel.readside.ReadStore;
import io.liftguard.twin.TwinSettings;
import io.liftguard.twin.domain.Concern;
import io.liftguard.twin.domain.EventType;
import io.liftguard.twin.domain.TwinEvent;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.javadsl.AtLeastOnceProjection;
import org.apache.pekko.projection.javadsl.Handler;

/**
 * Twin events that matter to cover, one instance per twin tag: an entrapment on a covered elevator
 * opens a claim (first notice of loss, the twin event as evidence), and a risk assessment re-rates
 * the elevator's active policies if its band changed. The policies covering an elevator come from
 * the insurance read model, which follows the policies' own events: an event seen before that model
 * shows a policy just bound is caught up by the policy's next review ({@link PolicyReviewer}),
 * which opens the claims of every entrapment since the cover began and re-rates a changed band. At
 * least once with idempotent commands, so in effect exactly once: the claim's id is derived from
 * the twin event ({@link Claim#automaticId}), and a policy that has it answers "duplicate", so a
 * replay or a restart never opens a second claim for one entrapment.
 */
public final class CoverEventsProjection {
  public static final String NAME = "insurance-cover-events";

  /** Who the automatic changes are recorded under. */
  public static final String PRINCIPAL = "insurance-projection";

  private CoverEventsProjection() {}

  public static void init(
      ActorSystem<?> system,
      ReadStore store,
      TwinSettings twins,
      PolicyBook book,
      Executor blocking,
      ProjectionLags lags) {
    Projections.<TwinEvent>run(
        system,
        NAME,
        twins.allTags(Concern.COVER),
        lags,
        tag -> projection(system, store, book, blocking, tag));
  }

  static AtLeastOnceProjection<Offset, EventEnvelope<TwinEvent>> projection(
      ActorSystem<?> system, ReadStore store, PolicyBook book, Executor blocking, String tag) {
    return Projections.atLeastOnce(
        system, store, NAME, tag, () -> new CoverHandler(book, blocking));
  }

  /**
   * Opens the automatic claim for entrapment {@code eventId} under {@code cover}, unless the
   * product pays nothing per entrapment. A loss outside the policy's cover (before it was bound,
   * after it ended) is not its claim: the policy's refusal is taken as the answer. Also used by the
   * review, which catches up on any entrapment this projection saw before the insurance read model
   * showed the policy.
   */
  static CompletionStage<?> openClaim(
      PolicyBook book,
      InsuranceReader.Cover cover,
      String elevatorId,
      String eventId,
      EventType type,
      Instant occurredAt,
      String reportedBy) {
    ProductTerms terms = book.catalog().terms(cover.productVersion());
    if (terms.entrapmentCompensation().signum() == 0) {
      return CompletableFuture.completedFuture(
          null); // the pension fund pays nothing per entrapment
    }
    Claim claim =
        new Claim(
            Claim.automaticId(elevatorId, eventId),
            elevatorId,
            Claim.Source.AUTOMATIC,
            type.name(),
            occurredAt,
            List.of(elevatorId + "/" + eventId),
            Claim.Status.OPENED,
            terms.entrapmentCompensation(),
            type.chineseName() + " reported by " + reportedBy,
            occurredAt,
            occurredAt);
    return book.openClaim(cover.policyId(), claim, PRINCIPAL)
        .exceptionally(
            failure -> {
              Throwable cause = RejectedException.cause(failure);
              if (cause instanceof RejectedException r
                  && r.rejection().code() != Rejection.Code.NOT_REGISTERED) {
                return null;
              }
              throw new CompletionException(cause);
            });
  }

  static final class CoverHandler extends Handler<EventEnvelope<TwinEvent>> {
    private static final CompletionStage<Done> DONE =
        CompletableFuture.completedFuture(Done.getInstance());
    private final PolicyBook book;
    private final Executor blocking;

    CoverHandler(PolicyBook book, Executor blocking) {
      this.book = book;
      this.blocking = blocking;
    }

    @Override
    public CompletionStage<Done> process(EventEnvelope<TwinEvent> envelope) {
      TwinEvent event = envelope.event();
      String elevatorId = PersistenceId.extractEntityId(envelope.persistenceId());
      if (event instanceof TwinEvent.FaultRaised f
          && f.eventType().category() == EventType.Category.ENTRAPMENT) {
        return covers(elevatorId)
            .thenCompose(
                covers ->
                    all(
                        covers.stream()
                            .map(
                                c ->
                                    openClaim(
                                        book,
                                        c,
                                        elevatorId,
                                        f.eventId(),
                                        f.eventType(),
                                        f.occurredAt(),
                                        f.recordedBy()))
                            .toList()));
      }
      if (event instanceof TwinEvent.RiskAssessed r) {
        RatingInputs.Risk risk = RatingInputs.Risk.of(r.risk());
        return covers(elevatorId)
            .thenCompose(
                covers ->
                    all(
                        covers.stream()
                            .map(c -> book.riskChanged(c.policyId(), elevatorId, risk, PRINCIPAL))
                            .toList()));
      }
      return DONE;
    }

    private CompletionStage<List<InsuranceReader.Cover>> covers(String elevatorId) {
      return CompletableFuture.supplyAsync(
          () -> {
            try {
              return book.reader().coversNow(elevatorId);
            } catch (SQLException e) {
              throw new CompletionException(e);
            }
          },
          blocking);
    }

    private static CompletionStage<Done> all(List<? extends CompletionStage<?>> stages) {
      return CompletableFuture.allOf(
              stages.stream()
                  .map(CompletionStage::toCompletableFuture)
                  .toArray(CompletableFuture[]::new))
          .thenApply(v -> Done.getInstance());
    }
  }
}
