package io.liftguard.api.routes;

import static org.junit.Assert.assertEquals;

import com.typesafe.config.Config;
import io.liftguard.api.http.Json;
import io.liftguard.kernel.readside.ProjectionLags;
import io.liftguard.kernel.store.StoreHealth;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;
import org.junit.Test;

/**
 * /health: STARTING until the node is up, UP, STORE_UNAVAILABLE while the store does not answer.
 */
public class HealthRoutesTest extends RouteTestBase {
  /** A one-node cluster of its own, on a free port: /health reports the node's membership. */
  @Override
  public Config additionalConfig() {
    return withOneNodeCluster(super.additionalConfig());
  }

  private final StoreHealth store =
      StoreHealth.manual(
          Clock.systemUTC(),
          new StoreHealth.Settings(
              Duration.ofMillis(500), 2, Duration.ofSeconds(1), Duration.ofSeconds(2)));

  private Route routes() {
    return new HealthRoutes(
            Adapter.toTyped(system()),
            "h2",
            store,
            new ProjectionLags(Clock.systemUTC()),
            "fleet",
            Instant.now(),
            Clock.systemUTC())
        .routes();
  }

  private String status(int code) throws Exception {
    var r = get(routes(), "/health");
    assertEquals(code, r.response().status().intValue());
    return Json.MAPPER.readTree(r.entityString()).get("status").asText();
  }

  @Test
  public void startingThenUpThenStoreUnavailable() throws Exception {
    assertEquals("STARTING", status(503));
    Cluster cluster = Cluster.get(Adapter.toTyped(system()));
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (cluster.selfMember().status() != MemberStatus.up() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertEquals("UP", status(200));
    store.probed(false);
    store.probed(false);
    assertEquals("STORE_UNAVAILABLE", status(503));
    get(routes(), "/health").assertStatusCode(StatusCodes.SERVICE_UNAVAILABLE);
  }
}
