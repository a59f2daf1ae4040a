package io.liftguard.api.routes;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.liftguard.api.http.Json;
import io.liftguard.api.http.OpenApiDocument;
import io.liftguard.api.metrics.PlatformMetrics;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;
import org.junit.Test;

/**
 * The served contract, its reference for people (/api/docs) and the metrics, without a platform.
 */
public class ContractRoutesTest extends RouteTestBase {
  private final Route routes =
      new ContractRoutes(OpenApiDocument.load(), PlatformMetrics.create()).routes();

  @Test
  public void theContractIsServedAsJsonWithEveryPath() throws Exception {
    var r = get(routes, "/api/v1/openapi.json").assertStatusCode(StatusCodes.OK);
    r.assertMediaType("application/json");
    var doc = Json.MAPPER.readTree(r.entityString());
    assertTrue(doc.get("openapi").asText().startsWith("3.1"));
    assertTrue(doc.get("paths").has("/api/v1/telemetry"));
  }

  @Test
  public void theApiReferencePageLoadsSwaggerUiFromTheWebjarAndPointsAtTheContract() {
    String page = get(routes, "/api/docs").assertStatusCode(StatusCodes.OK).entityString();
    assertTrue(
        page, page.contains("/api/v1/openapi.json") && page.contains("swagger-ui-bundle.js"));
    get(routes, "/api/docs/").assertStatusCode(StatusCodes.OK);
    String bundle =
        get(routes, "/api/docs/assets/swagger-ui-bundle.js")
            .assertStatusCode(StatusCodes.OK)
            .entityString();
    assertTrue(bundle.length() > 100_000);
    get(routes, "/api/docs/assets/swagger-ui.css").assertStatusCode(StatusCodes.OK);
  }

  @Test
  public void metricsAreServedAsPrometheusText() {
    var r = get(routes, "/metrics").assertStatusCode(StatusCodes.OK);
    assertEquals("text/plain", r.response().entity().getContentType().mediaType().toString());
  }

  @Test
  public void nothingElseIsHandledHere() {
    get(routes, "/api/docs/assets/no-such-file.js").assertStatusCode(StatusCodes.NOT_FOUND);
  }
}
