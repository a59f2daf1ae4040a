package io.liftguard.twin;

import io.liftguard.twin.domain.Rejection;

/** A twin refused a command; {@link #rejection()} says why. Nothing was changed. */
public final class RejectedException extends RuntimeException {
  private final Rejection rejection;

  public RejectedException(Rejection rejection) {
    super(rejection.message(), null, false, false);
    this.rejection = rejection;
  }

  public Rejection rejection() {
    return rejection;
  }
}
