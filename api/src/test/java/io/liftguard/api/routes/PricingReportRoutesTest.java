package io.liftguard.api.routes;

import static org.junit.Assert.assertTrue;

import io.liftguard.api.http.Json;
import io.liftguard.insurance.PricingReport;
import io.liftguard.twin.domain.access.Principal;
import io.liftguard.twin.domain.access.Role;
import io.liftguard.twin.domain.access.Scope;
import java.util.List;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.junit.Test;

/** The pricing validation's report as the portfolio page reads it. */
public class PricingReportRoutesTest extends RouteTestBase {
  private final PricingReportRoutes routes = new PricingReportRoutes(PricingReport.load());

  @Test
  public void anInsurerReadsEveryCityWithItsCurves() throws Exception {
    Principal insurer =
        new Principal("ins", Role.INSURER, new Scope(null, "PICC", null, null, null));
    var doc =
        Json.MAPPER.readTree(
            get(routes.routes(insurer), "/pricing-report")
                .assertStatusCode(StatusCodes.OK)
                .entityString());
    assertTrue(doc.toString().length() > 1000);
    assertTrue(doc.toString(), doc.toString().contains("gini"));
  }

  @Test
  public void aGatewayMayNot() throws Exception {
    Principal gateway =
        new Principal("gw", Role.GATEWAY, new Scope(null, null, null, null, List.of("E")));
    get(routes.routes(gateway), "/pricing-report").assertStatusCode(StatusCodes.FORBIDDEN);
  }
}
