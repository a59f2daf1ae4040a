package io.liftguard.api.routes;

import static io.liftguard.api.routes.Principals.JIANGJIN;
import static org.junit.Assert.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.liftguard.api.ApiSettings;
import io.liftguard.kernel.readside.ReadStore;
import io.liftguard.regulation.WarningReader;
import java.util.concurrent.Executors;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.junit.AfterClass;
import org.junit.Test;

/** The live warnings stream refuses what it cannot serve before it starts streaming. */
public class WarningRoutesTest extends RouteTestBase {
  private static final ReadStore STORE = InMemoryReadModel.open("warning-routes");
  private final WarningRoutes routes =
      new WarningRoutes(
          new WarningReader(STORE, Executors.newSingleThreadExecutor()),
          ApiSettings.fromConfig(ConfigFactory.load()));

  @AfterClass
  public static void close() {
    STORE.close();
  }

  @Test
  public void aBadResumePointOrAnotherDistrictIsRefusedInJson() throws Exception {
    var last =
        get(routes.routes(JIANGJIN), "/warnings/stream?after=-5")
            .assertStatusCode(StatusCodes.BAD_REQUEST);
    assertTrue(error(last).get("message").asText().contains("after"));
    get(routes.routes(JIANGJIN), "/warnings/stream?scope=district&id=Yuzhong")
        .assertStatusCode(StatusCodes.FORBIDDEN);
  }
}
