package io.liftguard.kernel.entity;

import io.liftguard.kernel.domain.Rejection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.pattern.StatusReply;

/**
 * An entity (a twin, a policy) refused a command; {@link #rejection()} says why. Nothing was
 * changed.
 */
public final class RejectedException extends RuntimeException {
  private final Rejection rejection;

  public RejectedException(Rejection rejection) {
    super(rejection.message(), null, false, false);
    this.rejection = rejection;
  }

  public Rejection rejection() {
    return rejection;
  }

  /**
   * The failure behind a {@link CompletionException} (what a stage's handler receives), or {@code
   * failure} itself.
   */
  public static Throwable cause(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }

  /**
   * The failure of an ask with status as the caller should see it: an entity's {@link Rejection}
   * (sent as a {@link StatusReply} error text) becomes a {@code RejectedException}; anything else
   * is passed on unwrapped.
   */
  public static <T> CompletionStage<T> fromAskFailure(Throwable failure) {
    Throwable cause = cause(failure);
    if (cause instanceof StatusReply.ErrorMessage error) {
      try {
        return CompletableFuture.failedFuture(
            new RejectedException(Rejection.fromStatusText(error.getMessage())));
      } catch (IllegalArgumentException notARejection) {
        return CompletableFuture.failedFuture(cause);
      }
    }
    return CompletableFuture.failedFuture(cause);
  }
}
