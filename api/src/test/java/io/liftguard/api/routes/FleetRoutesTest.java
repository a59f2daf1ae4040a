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
import io.liftguard.twin.domain.access.Principal;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;
import org.junit.AfterClass;
import org.junit.Test;

/**
 * Fleet search over an empty read model in an in-memory H2 database (migrated as the platform
 * migrates it): the answers' shape, and every parameter the routes refuse, naming it.
 */
public class FleetRoutesTest extends RouteTestBase {
  private static final ReadStore STORE = InMemoryReadModel.open("fleet-routes");
  private final FleetRoutes routes =
      new FleetRoutes(
          new FleetReader(
              STORE, Duration.ofMinutes(10), CLOCK, Executors.newSingleThreadExecutor()),
          ApiSettings.fromConfig(ConfigFactory.load()),
          CLOCK);

  @AfterClass
  public static void close() {
    STORE.close();
  }

  private Route as(Principal p) {
    return routes.routes(p);
  }

  @Test
  public void anEmptyFleetIsAnEmptyPage() throws Exception {
    var page =
        Json.MAPPER.readTree(
            get(as(JIANGJIN), "/fleet?brakeType=DRUM&sort=-faultRisk&limit=5")
                .assertStatusCode(StatusCodes.OK)
                .entityString());
    assertEquals(0, page.get("items").size());
    assertTrue(page.toString(), page.path("next").isMissingNode() || page.get("next").isNull());
  }

  @Test
  public void everyRefusedParameterIsNamedIn400() throws Exception {
    for (String[] c :
        new String[][] {
          {"/fleet?sort=colour", "sort"},
          {"/fleet?limit=0", "limit"},
          {"/fleet?after=not-a-cursor", "after"},
          {"/fleet?brakeType=WOODEN", "brakeType"},
          {"/fleet?nonsense=1", "nonsense"},
          {"/fleet/aggregates", "groupBy"},
          {"/fleet/aggregates?groupBy=colour", "groupBy"}
        }) {
      var r = get(as(JIANGJIN), c[0]).assertStatusCode(StatusCodes.BAD_REQUEST);
      assertTrue(c[0] + ": " + r.entityString(), error(r).get("message").asText().contains(c[1]));
    }
  }

  @Test
  public void aGatewayMayNotSearchTheFleet() throws Exception {
    var r = get(as(GATEWAY), "/fleet").assertStatusCode(StatusCodes.FORBIDDEN);
    assertEquals("forbidden", error(r).get("error").asText());
  }
}
