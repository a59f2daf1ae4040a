package io.liftguard.api.routes;

import static io.liftguard.api.routes.Principals.ADMIN;
import static io.liftguard.api.routes.Principals.GATEWAY;
import static org.junit.Assert.assertTrue;

import io.liftguard.api.imports.ImportJobs;
import java.time.Clock;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.junit.Test;

/**
 * An import job's progress: an unknown job, or another's, is 404 (its existence not told); a bad id
 * 400.
 */
public class ImportRoutesTest extends RouteTestBase {
  private ImportRoutes routes() {
    return new ImportRoutes(new ImportJobs(Adapter.toTyped(system()), Clock.systemUTC()));
  }

  @Test
  public void unknownOrAnothersJobIs404AndABadId400() throws Exception {
    var unknown =
        get(routes().routes(ADMIN), "/imports/job-1").assertStatusCode(StatusCodes.NOT_FOUND);
    assertTrue(error(unknown).toString().contains("job-1"));
    get(routes().routes(ADMIN), "/imports/a%20b").assertStatusCode(StatusCodes.BAD_REQUEST);
    get(routes().routes(GATEWAY), "/imports/job-1").assertStatusCode(StatusCodes.NOT_FOUND);
  }
}
