package io.liftguard.api.routes;

import static io.liftguard.api.routes.Principals.GATEWAY;
import static io.liftguard.api.routes.Principals.PICC;
import static org.junit.Assert.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.liftguard.api.ApiSettings;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.junit.Test;

/**
 * What the record routes (events, visits, inspections, complaints, supervision) refuse before a
 * twin is asked; recorded ones run against the platform in ApiContract and SupervisionContract.
 */
public class ElevatorRecordRoutesTest extends RouteTestBase {
  private final ElevatorRecordRoutes routes =
      new ElevatorRecordRoutes(null, ApiSettings.fromConfig(ConfigFactory.load()));

  @Test
  public void aBadElevatorIdIsNamedIn400() throws Exception {
    var r =
        post(routes.routes(GATEWAY), "/elevators/a%20b/events", "{}")
            .assertStatusCode(StatusCodes.BAD_REQUEST);
    assertTrue(error(r).get("message").asText().contains("elevator id"));
  }

  @Test
  public void aBodyWithAnUnknownFieldIsNamedIn400() throws Exception {
    var r =
        post(routes.routes(GATEWAY), "/elevators/JJ-1/events", "{\"eventId\":\"e-1\",\"colour\":1}")
            .assertStatusCode(StatusCodes.BAD_REQUEST);
    assertTrue(error(r).toString(), error(r).toString().contains("colour"));
  }

  @Test
  public void whoMayRecordWhatIsCheckedByRole() {
    post(routes.routes(GATEWAY), "/elevators/JJ-1/inspections", "{}")
        .assertStatusCode(StatusCodes.FORBIDDEN);
    post(routes.routes(PICC), "/elevators/JJ-1/maintenance", "{}")
        .assertStatusCode(StatusCodes.FORBIDDEN);
    post(routes.routes(GATEWAY), "/elevators/JJ-1/rectifications", "{}")
        .assertStatusCode(StatusCodes.FORBIDDEN);
  }
}
