package io.liftguard.api.http;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.extractUri;
import static org.apache.pekko.http.javadsl.server.Directives.handleRejections;
import static org.apache.pekko.http.javadsl.server.Directives.withRequestTimeoutResponse;

import io.liftguard.api.ApiSettings;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/** Binds the routes and unbinds them when the platform shuts down. */
public final class HttpServer {
  private HttpServer() {}

  /**
   * The answer to a request still unanswered after {@code pekko.http.server.request-timeout}: JSON
   * too.
   */
  private static HttpResponse timedOut(HttpRequest request) {
    return Responses.retryAfter(
        Responses.error(
            StatusCodes.SERVICE_UNAVAILABLE,
            "timeout",
            "the platform did not answer in time; the request may or may not have been applied,"
                + " retry it",
            List.of()),
        Duration.ofSeconds(1));
  }

  /**
   * Refuses a query that gives a parameter more than once ({@code ?limit=1&limit=1000}): which one
   * counts would be a guess, as for a JSON key given twice.
   */
  static Route onceEachParameter(Supplier<Route> inner) {
    return extractUri(
        uri -> {
          List<String> twice =
              uri.query().toMultiMap().entrySet().stream()
                  .filter(e -> e.getValue().size() > 1)
                  .map(Map.Entry::getKey)
                  .sorted()
                  .toList();
          return twice.isEmpty()
              ? inner.get()
              : complete(
                  Responses.error(
                      StatusCodes.BAD_REQUEST,
                      "invalid_input",
                      "query parameter(s) " + twice + " given more than once",
                      List.of()));
        });
  }

  /**
   * Serves {@code routes}, tried in order, each request observed by {@code requests} (metrics,
   * request log).
   */
  public static CompletionStage<ServerBinding> start(
      ActorSystem<?> system, ApiSettings settings, RequestMetrics requests, Route... routes) {
    Route all =
        requests.observe(
            () ->
                withRequestTimeoutResponse(
                    HttpServer::timedOut,
                    () ->
                        handleRejections(
                            Responses.rejectionHandler(),
                            () ->
                                onceEachParameter(
                                    () ->
                                        concat(
                                            routes[0],
                                            Arrays.copyOfRange(routes, 1, routes.length))))));
    return Http.get(system)
        .newServerAt(settings.host(), settings.port())
        .bind(all)
        .thenApply(
            binding -> {
              binding.addToCoordinatedShutdown(Duration.ofSeconds(10), system);
              InetSocketAddress at = binding.localAddress();
              system
                  .log()
                  .info(
                      "LiftGuard HTTP API listening on http://{}:{}/",
                      at.getHostString(),
                      at.getPort());
              return binding;
            });
  }
}
