package io.liftguard.api.routes;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;
import org.junit.Test;

/**
 * The pages' static files, served from the jar without a token (the pages ask the API with one).
 */
public class PageRoutesTest extends RouteTestBase {
  private final Route routes = new PageRoutes().routes();

  @Test
  public void theRootRedirectsToThePages() {
    var r = get(routes, "/").assertStatusCode(StatusCodes.FOUND);
    assertEquals("/pages/", r.response().getHeader("Location").get().value());
  }

  @Test
  public void thePagesAndTheirScriptsAreServed() {
    String index = get(routes, "/pages/").assertStatusCode(StatusCodes.OK).entityString();
    assertTrue(index.contains("<html"));
    get(routes, "/pages/city.html").assertStatusCode(StatusCodes.OK);
  }

  @Test
  public void aPageThatDoesNotExistIs404InJson() throws Exception {
    var r = get(routes, "/pages/nothing.html").assertStatusCode(StatusCodes.NOT_FOUND);
    assertEquals("not_found", error(r).get("error").asText());
  }
}
