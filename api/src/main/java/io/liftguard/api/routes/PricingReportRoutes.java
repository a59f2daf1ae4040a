package io.liftguard.api.routes;

import static io.liftguard.api.http.RouteSupport.safely;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.path;

import io.liftguard.api.access.Access;
import io.liftguard.api.http.Responses;
import io.liftguard.insurance.PricingReport;
import io.liftguard.twin.domain.access.Action;
import io.liftguard.twin.domain.access.Principal;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /api/v1/pricing-report}: the pricing validation's ordered Lorenz curves and Gini
 * indices per simulated city (LiftGuard and age-band premiums against flat pricing; {@code
 * docs/pricing-report.md}). Simulated cities, no elevator named: anyone who may list elevators.
 */
public final class PricingReportRoutes {
  private final PricingReport report;

  public PricingReportRoutes(PricingReport report) {
    this.report = report;
  }

  // spotless:off  the route tree keeps its hand layout: google-java-format stacks every nested lambda
  public Route routes(Principal p) {
    return path("pricing-report", () -> get(() -> safely(() -> {
      Access.require(p, Action.LIST_ELEVATORS);
      return CompletableFuture.completedFuture(Responses.json(StatusCodes.OK, report.document()));
    })));
  }
  // spotless:on
}
