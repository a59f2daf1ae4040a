package io.liftguard.api.routes;

import static io.liftguard.api.routes.Principals.CLOCK;
import static io.liftguard.api.routes.Principals.PICC;
import static org.junit.Assert.assertTrue;

import io.liftguard.insurance.InsuranceReader;
import io.liftguard.kernel.readside.ReadStore;
import java.util.concurrent.Executors;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.junit.AfterClass;
import org.junit.Test;

/** An insurer's portfolio and bordereau over an empty book. */
public class InsurerRoutesTest extends RouteTestBase {
  private static final ReadStore STORE = InMemoryReadModel.open("insurer-routes");
  private final InsurerRoutes routes =
      new InsurerRoutes(new InsuranceReader(STORE, Executors.newSingleThreadExecutor()), CLOCK);

  @AfterClass
  public static void close() {
    STORE.close();
  }

  @Test
  public void anInsurerReadsItsOwnPortfolioAndBordereau() {
    get(routes.routes(PICC), "/insurers/PICC%20Chongqing/portfolio")
        .assertStatusCode(StatusCodes.OK);
    String csv =
        get(routes.routes(PICC), "/insurers/PICC%20Chongqing/bordereau?kind=claims")
            .assertStatusCode(StatusCodes.OK)
            .entityString();
    assertTrue(csv, csv.startsWith("claim_id,policy_id,elevator_id"));
  }

  @Test
  public void anotherInsurersBookIsRefusedAndABadWindowNamed() throws Exception {
    int other =
        get(routes.routes(PICC), "/insurers/Ping%20An/portfolio").response().status().intValue();
    assertTrue("another insurer's book: " + other, other == 403 || other == 404);
    var window =
        get(
                routes.routes(PICC),
                "/insurers/PICC%20Chongqing/portfolio?from=2027-01-01&to=2026-01-01")
            .assertStatusCode(StatusCodes.BAD_REQUEST);
    assertTrue(error(window).get("message").asText().contains("from"));
  }
}
