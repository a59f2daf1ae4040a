package io.liftguard.api.access;

import io.liftguard.api.http.ApiException;
import io.liftguard.kernel.domain.Rejection;
import io.liftguard.kernel.entity.RejectedException;
import io.liftguard.twin.ElevatorFleet;
import io.liftguard.twin.ElevatorTwin;
import io.liftguard.twin.domain.access.AccessPolicy;
import io.liftguard.twin.domain.access.Action;
import io.liftguard.twin.domain.access.ElevatorScope;
import io.liftguard.twin.domain.access.Principal;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.StatusCodes;

/**
 * Applies {@link AccessPolicy} to requests, in this order: a role that may never take the action
 * gets 403 (checked before the elevator is looked up, so it reveals nothing); an elevator outside
 * the caller's scope answers exactly like one that does not exist (404, same message), so no tenant
 * can learn another's register by probing ids.
 */
public final class Access {
  private Access() {}

  /**
   * The twin, if {@code p} may take {@code action} on it; else a failed stage with the 404 or 403
   * to answer.
   */
  public static CompletionStage<ElevatorTwin.TwinView> authorize(
      ElevatorFleet fleet, Principal p, Action action, String elevatorId) {
    return fleet
        .find(elevatorId)
        .thenApply(
            found -> {
              ElevatorTwin.TwinView view =
                  found.orElseThrow(
                      () -> new RejectedException(Rejection.notRegistered(elevatorId)));
              check(p, action, ElevatorScope.of(view.state().register()));
              return view;
            });
  }

  /** Throws the 404 or 403 unless {@code p} may take {@code action} on {@code e}. */
  public static void check(Principal p, Action action, ElevatorScope e) {
    switch (AccessPolicy.decide(p, action, e)) {
      case ALLOW -> {}
      case HIDDEN -> throw new RejectedException(Rejection.notRegistered(e.id()));
      case FORBIDDEN -> throw forbidden(p, action, "elevator '" + e.id() + "'");
    }
  }

  /** Throws a 403 unless the role of {@code p} may take {@code action} at all. */
  public static void require(Principal p, Action action) {
    if (AccessPolicy.decide(p, action) != AccessPolicy.Outcome.ALLOW) {
      throw forbidden(p, action, "this platform");
    }
  }

  /** {@link #require}, then hands back {@code value} (for use inside expressions). */
  public static <T> T required(Principal p, Action action, T value) {
    require(p, action);
    return value;
  }

  public static ApiException forbidden(Principal p, Action action, String target) {
    return new ApiException(
        StatusCodes.FORBIDDEN,
        "forbidden",
        "principal '"
            + p.id()
            + "' ("
            + p.role().wireName()
            + ") may not "
            + action
            + " on "
            + target,
        List.of());
  }
}
