package io.liftguard.api.routes;

import static io.liftguard.api.routes.Principals.CLOCK;
import static io.liftguard.api.routes.Principals.GATEWAY;
import static io.liftguard.api.routes.Principals.PICC;
import static org.junit.Assert.assertTrue;

import io.liftguard.kernel.readside.ReadStore;
import io.liftguard.twin.risk.RiskCalibration;
import io.liftguard.twin.risk.RiskModels;
import io.liftguard.twin.risk.ServingModel;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.junit.AfterClass;
import org.junit.Test;

/** The model's calibration report over a read model with no closed period yet. */
public class RiskCalibrationRoutesTest extends RouteTestBase {
  private static final ReadStore STORE = InMemoryReadModel.open("calibration-routes");
  private final RiskCalibrationRoutes routes =
      new RiskCalibrationRoutes(
          new RiskCalibration(
              STORE,
              new ServingModel(RiskModels.loadDefault()),
              Duration.ofDays(30),
              Duration.ofDays(1),
              CLOCK),
          Executors.newSingleThreadExecutor());

  @AfterClass
  public static void close() {
    STORE.close();
  }

  @Test
  public void theReportAnswersAndItsWindowIsChecked() throws Exception {
    get(routes.routes(PICC), "/risk-calibration").assertStatusCode(StatusCodes.OK);
    var r =
        get(routes.routes(PICC), "/risk-calibration?periods=0")
            .assertStatusCode(StatusCodes.BAD_REQUEST);
    assertTrue(error(r).get("message").asText().contains("periods"));
    get(routes.routes(GATEWAY), "/risk-calibration").assertStatusCode(StatusCodes.FORBIDDEN);
  }
}
