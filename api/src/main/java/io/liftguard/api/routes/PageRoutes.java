package io.liftguard.api.routes;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.getFromResource;
import static org.apache.pekko.http.javadsl.server.Directives.getFromResourceDirectory;
import static org.apache.pekko.http.javadsl.server.Directives.pathEndOrSingleSlash;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;
import static org.apache.pekko.http.javadsl.server.Directives.pathSingleSlash;
import static org.apache.pekko.http.javadsl.server.Directives.redirect;
import static org.apache.pekko.http.javadsl.server.Directives.respondWithHeaders;

import io.liftguard.api.http.Responses;
import java.util.List;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.Uri;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The pages ({@code /pages/}: sign-in, city overview, twin, insurer portfolio), static files from
 * the {@code liftguard-web} jar. They hold no data: each page asks the API with the viewer's own
 * token, so it shows only what that token's scope covers. Scripts only from this origin
 * (Content-Security-Policy).
 */
public final class PageRoutes {
  private static final List<org.apache.pekko.http.javadsl.model.HttpHeader> HEADERS =
      List.of(
          RawHeader.create(
              "Content-Security-Policy",
              "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src"
                  + " 'self' data:"),
          RawHeader.create("X-Content-Type-Options", "nosniff"),
          RawHeader.create("Referrer-Policy", "no-referrer"));

  // spotless:off  the route tree keeps its hand layout: google-java-format stacks every nested lambda
  public Route routes() {
    // The method inside the path: a request no route answers must not be told "405, only GET" by this class.
    return concat(
        pathSingleSlash(() -> get(() -> redirect(Uri.create("/pages/"), StatusCodes.FOUND))),
        pathPrefix("pages", () -> get(() -> respondWithHeaders(HEADERS, () -> concat(
            pathEndOrSingleSlash(() -> getFromResource("web/index.html")),
            getFromResourceDirectory("web"),
            complete(Responses.error(StatusCodes.NOT_FOUND, "not_found", "no such page", List.of())))))));
  }
  // spotless:on
}
