package io.liftguard.api.routes;

import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.liftguard.api.http.Json;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.testkit.JUnitRouteTest;
import org.apache.pekko.http.javadsl.testkit.TestRouteResult;

/**
 * A routes class under Pekko HTTP's route testkit: requests through the route, no server, no
 * platform. Pekko HTTP 1.3's testkit is JUnit 4 (run by the vintage engine).
 */
abstract class RouteTestBase extends JUnitRouteTest {
  /** Not the platform's configuration as it is: its actor system ends the JVM when it stops. */
  @Override
  public Config additionalConfig() {
    return ConfigFactory.parseString("pekko.coordinated-shutdown.exit-jvm = off");
  }

  /**
   * For routes whose facades need cluster sharding or membership: a one-node cluster of its own.
   */
  static Config withOneNodeCluster(Config config) {
    return ConfigFactory.parseString(
            "pekko.actor.provider = cluster\npekko.remote.artery.canonical.port = 0")
        .withFallback(config);
  }

  TestRouteResult get(Route route, String path) {
    return testRoute(route).run(HttpRequest.GET(path));
  }

  TestRouteResult post(Route route, String path, String json) {
    return testRoute(route)
        .run(HttpRequest.POST(path).withEntity(ContentTypes.APPLICATION_JSON, json));
  }

  /** The API's JSON error body: error, message, details. */
  static JsonNode error(TestRouteResult r) throws Exception {
    JsonNode body = Json.MAPPER.readTree(r.entityString());
    assertTrue(body.toString(), body.has("error") && body.has("message") && body.has("details"));
    return body;
  }
}
