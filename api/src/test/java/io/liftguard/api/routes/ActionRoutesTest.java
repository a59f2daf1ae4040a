package io.liftguard.api.routes;

import static io.liftguard.api.routes.Principals.CLOCK;
import static io.liftguard.api.routes.Principals.GATEWAY;
import static io.liftguard.api.routes.Principals.JIANGJIN;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.liftguard.api.ApiSettings;
import io.liftguard.api.http.Json;
import io.liftguard.kernel.readside.ReadStore;
import io.liftguard.regulation.SupervisionReader;
import java.util.concurrent.Executors;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.junit.AfterClass;
import org.junit.Test;

/** Action lists and the drum-brake campaign over an empty read model. */
public class ActionRoutesTest extends RouteTestBase {
  private static final ReadStore STORE = InMemoryReadModel.open("action-routes");
  private final SupervisionReader reader =
      new SupervisionReader(STORE, Executors.newSingleThreadExecutor());
  private final ApiSettings settings = ApiSettings.fromConfig(ConfigFactory.load());
  private final ActionRoutes actions = new ActionRoutes(reader, settings, CLOCK);
  private final CampaignRoutes campaign = new CampaignRoutes(reader, settings);

  @AfterClass
  public static void close() {
    STORE.close();
  }

  @Test
  public void anEmptyDistrictHasNothingToAct() throws Exception {
    var answer =
        Json.MAPPER.readTree(
            get(actions.routes(JIANGJIN), "/actions")
                .assertStatusCode(StatusCodes.OK)
                .entityString());
    assertEquals("Jiangjin", answer.get("id").asText());
    assertEquals(0, answer.get("items").size());
  }

  @Test
  public void anUnknownKindOrLimitIsNamedIn400() throws Exception {
    var kind =
        get(actions.routes(JIANGJIN), "/actions?kind=colour")
            .assertStatusCode(StatusCodes.BAD_REQUEST);
    assertTrue(error(kind).get("message").asText().contains("kind"));
    var limit =
        get(actions.routes(JIANGJIN), "/actions?limit=0").assertStatusCode(StatusCodes.BAD_REQUEST);
    assertTrue(error(limit).get("message").asText().contains("limit"));
  }

  @Test
  public void theCampaignAnswersItsPageAndRefusesAnUnknownStatus() throws Exception {
    get(campaign.routes(JIANGJIN), "/campaigns/drum-brake").assertStatusCode(StatusCodes.OK);
    var status =
        get(campaign.routes(JIANGJIN), "/campaigns/drum-brake?status=colour")
            .assertStatusCode(StatusCodes.BAD_REQUEST);
    assertTrue(error(status).get("message").asText().contains("status"));
  }

  @Test
  public void aGatewaySeesNoActionList() {
    get(actions.routes(GATEWAY), "/actions").assertStatusCode(StatusCodes.FORBIDDEN);
    get(campaign.routes(GATEWAY), "/campaigns/drum-brake").assertStatusCode(StatusCodes.FORBIDDEN);
  }
}
