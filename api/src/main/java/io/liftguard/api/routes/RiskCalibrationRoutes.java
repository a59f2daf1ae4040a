package io.liftguard.api.routes;

import static io.liftguard.api.http.RouteSupport.number;
import static io.liftguard.api.http.RouteSupport.safely;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.parameterOptional;
import static org.apache.pekko.http.javadsl.server.Directives.path;

import io.liftguard.api.access.Access;
import io.liftguard.api.http.Responses;
import io.liftguard.twin.domain.access.Action;
import io.liftguard.twin.domain.access.Principal;
import io.liftguard.twin.risk.RiskCalibration;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /api/v1/risk-calibration?periods=12}: the risk model's calibration to this fleet,
 * predicted against observed faults and entrapments by decile of predicted risk and by district
 * over the last counted periods, and the recalibrations the platform serves. Fleet-level
 * statistics, no elevator named: anyone who may list elevators.
 */
public final class RiskCalibrationRoutes {
  private final RiskCalibration calibration;
  private final Executor blocking;

  public RiskCalibrationRoutes(RiskCalibration calibration, Executor blocking) {
    this.calibration = calibration;
    this.blocking = blocking;
  }

  // spotless:off  the route tree keeps its hand layout: google-java-format stacks every nested lambda
  public Route routes(Principal p) {
    return path("risk-calibration", () -> get(() ->
        parameterOptional("periods", periods -> safely(() -> {
          Access.require(p, Action.LIST_ELEVATORS);
          int n = (int) number(periods, "periods", 12, 1, 120);
          return Responses.respond(CompletableFuture.supplyAsync(() -> {
            try {
              return calibration.report(n);
            } catch (SQLException e) {
              throw new CompletionException(e);
            }
          }, blocking), report -> Responses.json(StatusCodes.OK, report));
        }))));
  }
  // spotless:on
}
