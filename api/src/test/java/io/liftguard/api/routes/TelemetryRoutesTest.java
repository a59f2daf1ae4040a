package io.liftguard.api.routes;

import static io.liftguard.api.routes.Principals.GATEWAY;
import static io.liftguard.api.routes.Principals.PICC;
import static org.junit.Assert.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.liftguard.api.ApiSettings;
import io.liftguard.twin.domain.access.Principal;
import java.time.Clock;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;
import org.junit.Test;

/**
 * What the telemetry route refuses before any twin is asked (no fleet here: a request that got that
 * far would fail the test). Accepted readings: ApiContract, against the whole platform.
 */
public class TelemetryRoutesTest extends RouteTestBase {
  private final ApiSettings settings = ApiSettings.fromConfig(ConfigFactory.load());
  private final TelemetryRoutes telemetry = new TelemetryRoutes(null, settings, Clock.systemUTC());

  private Route as(Principal p) {
    return telemetry.routes(p);
  }

  @Test
  public void aBodyThatIsNeitherAReadingNorABatchIs400() throws Exception {
    for (String[] c :
        new String[][] {
          {"\"reading\"", "expected a reading"},
          {"[]", "the batch is empty"},
          {"{not json", ""},
          {
            "[{\"elevatorId\":\"JJ-1\",\"timestamp\":\"2026-12-07T02:00:00Z\",\"colour\":\"red\"}]",
            "colour"
          }
        }) {
      var r = post(as(GATEWAY), "/telemetry", c[0]).assertStatusCode(StatusCodes.BAD_REQUEST);
      assertTrue(c[0] + ": " + r.entityString(), error(r).toString().contains(c[1]));
    }
  }

  @Test
  public void aBatchOverTheLimitIs400SayingTheLimit() throws Exception {
    StringBuilder batch = new StringBuilder("[");
    for (int i = 0; i <= settings.maxBatch(); i++) {
      batch
          .append(i == 0 ? "" : ",")
          .append("{\"elevatorId\":\"JJ-1\",\"timestamp\":\"2026-12-07T02:00:00Z\"}");
    }
    var r = post(as(GATEWAY), "/telemetry", batch.append("]").toString());
    r.assertStatusCode(StatusCodes.BAD_REQUEST);
    assertTrue(error(r).get("message").asText().contains("at most " + settings.maxBatch()));
  }

  @Test
  public void onlyGatewaysAndThoseWhoMayWriteTelemetryPost() throws Exception {
    var r = post(as(PICC), "/telemetry", "[]").assertStatusCode(StatusCodes.FORBIDDEN);
    assertTrue(error(r).get("error").asText().equals("forbidden"));
  }

  @Test
  public void onlyPostIsServed() {
    get(as(GATEWAY), "/telemetry").assertStatusCode(StatusCodes.METHOD_NOT_ALLOWED);
  }
}
