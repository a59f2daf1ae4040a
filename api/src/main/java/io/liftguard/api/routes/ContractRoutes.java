package io.liftguard.api.routes;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.getFromResource;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathEndOrSingleSlash;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;
import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import io.liftguard.api.http.OpenApiDocument;
import io.liftguard.api.http.Responses;
import io.liftguard.api.metrics.PlatformMetrics;
import java.util.List;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * What machines read about the API without a token: {@code GET /api/v1/openapi.json} (the contract)
 * and {@code GET /metrics} (Prometheus' text format). Both name routes and counts, never an
 * elevator.
 */
public final class ContractRoutes {
  private final OpenApiDocument contract;
  private final PlatformMetrics metrics;

  public ContractRoutes(OpenApiDocument contract, PlatformMetrics metrics) {
    this.contract = contract;
    this.metrics = metrics;
  }

  /** A file of Swagger UI's: one path segment, no leading dot. */
  private static final java.util.regex.Pattern ASSET =
      java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  /** Where the swagger-ui webjar keeps its files, for the version on the classpath. */
  static final String SWAGGER_UI =
      "META-INF/resources/webjars/swagger-ui/" + webjarVersion("swagger-ui");

  static String webjarVersion(String webjar) {
    String file = "META-INF/maven/org.webjars/" + webjar + "/pom.properties";
    try (var in = ContractRoutes.class.getClassLoader().getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException(
            "the " + webjar + " webjar is not on the classpath (" + file + ")");
      }
      var properties = new java.util.Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  // spotless:off  the route tree keeps its hand layout: google-java-format stacks every nested lambda
  public Route routes() {
    return concat(
        path("metrics", () -> get(() -> complete(HttpResponse.create()
            .withEntity(HttpEntities.create(ContentTypes.TEXT_PLAIN_UTF8, metrics.scrape()))))),
        pathPrefix("api", () -> concat(
            pathPrefix("v1", () -> path("openapi.json", () -> get(() ->
                complete(HttpResponse.create().withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON,
                    contract.json())))))),
            // The contract for people: Swagger UI (org.webjars:swagger-ui) reading openapi.json.
            pathPrefix("docs", () -> concat(
                pathEndOrSingleSlash(() -> get(() -> getFromResource("api-docs/index.html"))),
                pathPrefix("assets", () -> path(segment(ASSET), file -> get(() -> concat(
                    getFromResource(SWAGGER_UI + "/" + file),
                    complete(Responses.error(StatusCodes.NOT_FOUND, "not_found", "no such file", List.of())))))))))));
  }
  // spotless:on
}
