package io.liftguard.api.routes;

import static io.liftguard.api.routes.Principals.CLOCK;
import static io.liftguard.api.routes.Principals.GATEWAY;
import static io.liftguard.api.routes.Principals.JIANGJIN;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.liftguard.api.ApiSettings;
import io.liftguard.api.http.Json;
import io.liftguard.fleet.FleetReader;
import io.liftguard.kernel.readside.ReadStore;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.junit.AfterClass;
import org.junit.Test;

/**
 * The register's listing from an empty read model, and what the elevator routes refuse before a
 * twin is asked (no twins here: registrations and twins run against the platform in ApiContract).
 */
public class ElevatorRoutesTest extends RouteTestBase {
  private static final ReadStore STORE = InMemoryReadModel.open("elevator-routes");
  private final ElevatorRoutes routes =
      new ElevatorRoutes(
          null,
          new FleetReader(
              STORE, Duration.ofMinutes(10), CLOCK, Executors.newSingleThreadExecutor()),
          ApiSettings.fromConfig(ConfigFactory.load()),
          CLOCK,
          null,
          null,
          null,
          null,
          null,
          null);

  @AfterClass
  public static void close() {
    STORE.close();
  }

  @Test
  public void anEmptyRegisterListsNoId() throws Exception {
    var page =
        Json.MAPPER.readTree(
            get(routes.routes(JIANGJIN), "/elevators?limit=2")
                .assertStatusCode(StatusCodes.OK)
                .entityString());
    assertEquals(0, page.get("items").size());
  }

  @Test
  public void aBadIdOrRegistrationIsNamedIn400() throws Exception {
    var id =
        get(routes.routes(JIANGJIN), "/elevators/a%20b").assertStatusCode(StatusCodes.BAD_REQUEST);
    assertTrue(error(id).get("message").asText().contains("elevator id"));
    // The register data's own rules are the twin's (TwinRulesTest); the route refuses what is not
    // one.
    var register =
        post(routes.routes(JIANGJIN), "/elevators", "{\"registrationCode\":\"JJ-1\",\"colour\":1}")
            .assertStatusCode(StatusCodes.BAD_REQUEST);
    assertTrue(error(register).toString(), error(register).toString().contains("colour"));
  }

  @Test
  public void aGatewayListsNothingAndRegistersNothing() {
    get(routes.routes(GATEWAY), "/elevators").assertStatusCode(StatusCodes.FORBIDDEN);
    post(routes.routes(GATEWAY), "/elevators", "{}").assertStatusCode(StatusCodes.FORBIDDEN);
  }
}
