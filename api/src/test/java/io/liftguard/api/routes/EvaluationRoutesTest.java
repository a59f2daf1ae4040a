package io.liftguard.api.routes;

import static io.liftguard.api.routes.Principals.CLOCK;
import static io.liftguard.api.routes.Principals.GATEWAY;
import static io.liftguard.api.routes.Principals.JIANGJIN;
import static org.junit.Assert.assertTrue;

import io.liftguard.kernel.readside.ReadStore;
import io.liftguard.regulation.QualityReader;
import java.util.concurrent.Executors;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;
import org.junit.AfterClass;
import org.junit.Test;

/** Ratings, product quality and disclosure over an empty read model. */
public class EvaluationRoutesTest extends RouteTestBase {
  private static final ReadStore STORE = InMemoryReadModel.open("evaluation-routes");
  private final EvaluationRoutes routes =
      new EvaluationRoutes(new QualityReader(STORE, Executors.newSingleThreadExecutor()), CLOCK);

  @AfterClass
  public static void close() {
    STORE.close();
  }

  private Route regulator() {
    return routes.routes(JIANGJIN);
  }

  @Test
  public void eachEvaluationAnswersForTheRegulatorsDistrict() {
    for (String path :
        new String[] {"/ratings/maintenance-companies", "/quality/products", "/disclosure"}) {
      String body = get(regulator(), path).assertStatusCode(StatusCodes.OK).entityString();
      assertTrue(path + ": " + body, body.contains("Jiangjin"));
    }
  }

  @Test
  public void aWindowOutOfRangeIsNamedIn400() throws Exception {
    var r =
        get(regulator(), "/ratings/maintenance-companies?months=0")
            .assertStatusCode(StatusCodes.BAD_REQUEST);
    assertTrue(error(r).get("message").asText().contains("months"));
  }

  @Test
  public void aGatewayReadsTheDisclosureButNoRatings() {
    get(routes.routes(GATEWAY), "/disclosure?scope=city").assertStatusCode(StatusCodes.OK);
    get(routes.routes(GATEWAY), "/ratings/maintenance-companies?scope=city")
        .assertStatusCode(StatusCodes.FORBIDDEN);
  }
}
