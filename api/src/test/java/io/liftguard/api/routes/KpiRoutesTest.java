package io.liftguard.api.routes;

import static io.liftguard.api.routes.Principals.CLOCK;
import static io.liftguard.api.routes.Principals.JIANGJIN;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.liftguard.api.http.Json;
import io.liftguard.kernel.readside.ReadStore;
import io.liftguard.regulation.KpiReader;
import io.liftguard.rescue.domain.RescueSettings;
import io.liftguard.twin.domain.access.Principal;
import io.liftguard.twin.domain.access.Role;
import io.liftguard.twin.domain.access.Scope;
import java.util.List;
import java.util.concurrent.Executors;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.junit.AfterClass;
import org.junit.Test;

/** The safe-elevator KPIs over an empty read model: their shape, scopes and refused parameters. */
public class KpiRoutesTest extends RouteTestBase {
  private static final ReadStore STORE = InMemoryReadModel.open("kpi-routes");
  private final KpiRoutes routes =
      new KpiRoutes(
          new KpiReader(STORE, Executors.newSingleThreadExecutor()), RescueSettings.DEFAULT, CLOCK);

  @AfterClass
  public static void close() {
    STORE.close();
  }

  @Test
  public void aRegulatorReadsItsOwnDistrictsFiveKpisByDefault() throws Exception {
    var answer =
        Json.MAPPER.readTree(
            get(routes.routes(JIANGJIN), "/kpis").assertStatusCode(StatusCodes.OK).entityString());
    assertEquals("Jiangjin", answer.get("id").asText());
    assertEquals(5, answer.get("kpis").size());
  }

  @Test
  public void anotherDistrictIsRefusedAndABadMonthNamed() throws Exception {
    var other = get(routes.routes(JIANGJIN), "/kpis?scope=district&id=Yuzhong");
    assertEquals(403, other.response().status().intValue());
    var month =
        get(routes.routes(JIANGJIN), "/kpis?month=2026-13")
            .assertStatusCode(StatusCodes.BAD_REQUEST);
    assertTrue(error(month).get("message").asText().contains("month"));
  }

  @Test
  public void aGatewayReadsNoKpi() throws Exception {
    Principal gateway =
        new Principal("gw", Role.GATEWAY, new Scope(null, null, null, null, List.of("E")));
    get(routes.routes(gateway), "/kpis").assertStatusCode(StatusCodes.FORBIDDEN);
  }
}
