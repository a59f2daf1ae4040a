package io.liftguard.api.routes;

import static io.liftguard.api.routes.Principals.CLOCK;
import static io.liftguard.api.routes.Principals.GATEWAY;
import static io.liftguard.api.routes.Principals.JIANGJIN;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.liftguard.api.ApiSettings;
import io.liftguard.api.http.Json;
import io.liftguard.kernel.readside.ReadStore;
import io.liftguard.kernel.store.StoreHealth;
import io.liftguard.rescue.RescueDesk;
import io.liftguard.rescue.RescueReader;
import io.liftguard.rescue.domain.RescueSettings;
import io.liftguard.twin.domain.access.Principal;
import io.liftguard.twin.domain.access.Role;
import io.liftguard.twin.domain.access.Scope;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.junit.AfterClass;
import org.junit.Test;

/** Rescue cases: the open list from an empty read model, and what a phone alarm must carry. */
public class RescueRoutesTest extends RouteTestBase {
  private static final ReadStore STORE = InMemoryReadModel.open("rescue-routes");
  private static final Principal CENTRE = new Principal("c96333", Role.RESCUE_CENTRE, Scope.NONE);

  /** The desk's entity client needs cluster sharding: a node of its own, on a free port. */
  @Override
  public Config additionalConfig() {
    return withOneNodeCluster(super.additionalConfig());
  }

  @AfterClass
  public static void close() {
    STORE.close();
  }

  private RescueRoutes routes() {
    RescueDesk desk =
        new RescueDesk(
            Adapter.toTyped(system()),
            new RescueReader(STORE, Executors.newSingleThreadExecutor()),
            StoreHealth.manual(
                CLOCK,
                new StoreHealth.Settings(
                    Duration.ofMillis(500), 2, Duration.ofSeconds(1), Duration.ofSeconds(2))));
    return new RescueRoutes(
        desk, null, RescueSettings.DEFAULT, ApiSettings.fromConfig(ConfigFactory.load()), CLOCK);
  }

  @Test
  public void noOpenCaseIsAnEmptyPageForTheCentreAndADistrict() throws Exception {
    for (Principal p : new Principal[] {CENTRE, JIANGJIN}) {
      var page =
          Json.MAPPER.readTree(
              get(routes().routes(p), "/rescues").assertStatusCode(StatusCodes.OK).entityString());
      assertEquals(0, page.get("items").size());
    }
  }

  @Test
  public void aPhoneAlarmWithoutItsFieldsIs400NamingEach() throws Exception {
    var r =
        post(routes().routes(CENTRE), "/rescues", "{\"callId\":\"a b\"}")
            .assertStatusCode(StatusCodes.BAD_REQUEST);
    String details = error(r).get("details").toString();
    assertTrue(details, details.contains("elevatorId is required") && details.contains("callId"));
  }

  @Test
  public void aGatewayHandlesNoCase() {
    get(routes().routes(GATEWAY), "/rescues").assertStatusCode(StatusCodes.FORBIDDEN);
    post(routes().routes(GATEWAY), "/rescues", "{}").assertStatusCode(StatusCodes.FORBIDDEN);
  }
}
