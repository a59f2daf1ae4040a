package io.liftguard.api.routes;

import static io.liftguard.api.routes.Principals.CLOCK;
import static io.liftguard.api.routes.Principals.GATEWAY;
import static io.liftguard.api.routes.Principals.PICC;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import io.liftguard.api.ApiSettings;
import io.liftguard.twin.domain.access.Principal;
import java.util.List;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.testkit.TestRouteResult;
import org.junit.Test;

/**
 * The policy routes without a server or a platform: what they answer before the policy book is
 * asked (the book is absent here, so a request that reached it would fail the test). The success
 * paths run against the whole platform in InsuranceContract.
 */
public class PolicyRoutesTest extends RouteTestBase {
  private final PolicyRoutes routes =
      new PolicyRoutes(null, ApiSettings.fromConfig(ConfigFactory.load()), CLOCK);

  private TestRouteResult post(Principal p, String path, String json) {
    return post(routes.routes(p), path, json);
  }

  @Test
  public void aQuoteWithEveryFieldWrongNamesEveryProblemIn400() throws Exception {
    TestRouteResult r =
        post(PICC, "/quotes", "{\"policyholder\":\" \",\"elevators\":[\"JJ-1\",\"JJ-1\"]}");
    r.assertStatusCode(StatusCodes.BAD_REQUEST).assertMediaType("application/json");
    JsonNode body = error(r);
    assertEquals("invalid_input", body.get("error").asText());
    String details = body.get("details").toString();
    for (String problem :
        List.of("product is required", "policyholder", "listed twice", "term is required")) {
      assertTrue(details, details.contains(problem));
    }
    assertEquals(4, body.get("details").size());
  }

  @Test
  public void aQuoteForAnotherInsurerIs403() throws Exception {
    TestRouteResult r =
        post(
            PICC,
            "/quotes",
            "{\"insurer\":\"Ping An\",\"policyholder\":\"X\",\"product\":\"liability\","
                + "\"elevators\":[\"JJ-1\"],\"term\":{\"start\":\"2027-01-01\",\"end\":\"2028-01-01\"}}");
    r.assertStatusCode(StatusCodes.FORBIDDEN);
    assertEquals("forbidden", error(r).get("error").asText());
  }

  @Test
  public void aGatewayMayNotQuote() throws Exception {
    TestRouteResult r = post(GATEWAY, "/quotes", "{}");
    r.assertStatusCode(StatusCodes.FORBIDDEN);
    assertTrue(error(r).get("message").asText().contains("underwrite"));
  }

  @Test
  public void aBodyThatIsNotJsonOrHasUnknownFieldsIs400() throws Exception {
    post(PICC, "/quotes", "{not json").assertStatusCode(StatusCodes.BAD_REQUEST);
    TestRouteResult unknown = post(PICC, "/quotes", "{\"premium\":1}");
    unknown.assertStatusCode(StatusCodes.BAD_REQUEST);
    assertTrue(error(unknown).toString(), error(unknown).toString().contains("premium"));
  }

  @Test
  public void aManualClaimWithoutItsFieldsIs400NamingEach() throws Exception {
    TestRouteResult r = post(PICC, "/policies/P1/claims", "{\"amount\":-1,\"claimId\":\"a b\"}");
    r.assertStatusCode(StatusCodes.BAD_REQUEST);
    String details = error(r).get("details").toString();
    for (String problem :
        List.of(
            "elevatorId is required",
            "cause is required",
            "occurredAt is required",
            "amount",
            "claimId must be")) {
      assertTrue(details, details.contains(problem));
    }
  }

  @Test
  public void bindingWithoutAQuoteIdIs400() throws Exception {
    TestRouteResult r = post(PICC, "/policies", "{}");
    r.assertStatusCode(StatusCodes.BAD_REQUEST);
    assertTrue(error(r).get("message").asText().contains("quoteId is required"));
  }

  @Test
  public void aPathTheRoutesDoNotServeIsNotHandled() {
    testRoute(routes.routes(PICC))
        .run(HttpRequest.GET("/api/v1/quotes"))
        .assertStatusCode(StatusCodes.NOT_FOUND);
  }
}
