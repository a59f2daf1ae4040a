package io.liftguard.api.routes;

import static io.liftguard.api.routes.Principals.ADMIN;
import static io.liftguard.api.routes.Principals.CLOCK;
import static io.liftguard.api.routes.Principals.GATEWAY;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.liftguard.api.ApiSettings;
import io.liftguard.api.access.AuthSettings;
import io.liftguard.api.access.TokenService;
import io.liftguard.api.http.Json;
import io.liftguard.twin.domain.access.Principal;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.junit.Test;

/**
 * Credentials: an admin mints one that verifies; others may not; whoever asks learns who they are.
 */
public class AccessRoutesTest extends RouteTestBase {
  private final AuthSettings auth = AuthSettings.fromConfig(ConfigFactory.load());
  private final TokenService tokens =
      new TokenService("0123456789abcdef0123456789abcdef".getBytes(), auth, CLOCK);
  private final AccessRoutes routes =
      new AccessRoutes(null, tokens, auth, ApiSettings.fromConfig(ConfigFactory.load()), CLOCK);

  @Test
  public void anAdminMintsACredentialThatVerifiesAsThePrincipalAsked() throws Exception {
    var r =
        post(
                routes.routes(ADMIN),
                "/credentials",
                "{\"principal\":{\"id\":\"rescue-96333\",\"role\":\"rescue-centre\"},\"ttlDays\":90}")
            .assertStatusCode(StatusCodes.CREATED);
    Principal minted = tokens.verify(Json.MAPPER.readTree(r.entityString()).get("token").asText());
    assertEquals("rescue-96333", minted.id());
  }

  @Test
  public void aGatewayMintsNothingAndABadRequestIsNamed() throws Exception {
    post(routes.routes(GATEWAY), "/credentials", "{}").assertStatusCode(StatusCodes.FORBIDDEN);
    var ttl =
        post(
                routes.routes(ADMIN),
                "/credentials",
                "{\"principal\":{\"id\":\"x\",\"role\":\"admin\"},\"ttlDays\":100000}")
            .assertStatusCode(StatusCodes.BAD_REQUEST);
    assertTrue(error(ttl).get("message").asText().contains("ttlDays"));
  }

  @Test
  public void anyoneLearnsWhoTheyAre() throws Exception {
    var me =
        Json.MAPPER.readTree(
            get(routes.routes(GATEWAY), "/credentials/me")
                .assertStatusCode(StatusCodes.OK)
                .entityString());
    assertEquals("gw", me.get("id").asText());
    assertEquals("gateway", me.get("role").asText());
  }
}
