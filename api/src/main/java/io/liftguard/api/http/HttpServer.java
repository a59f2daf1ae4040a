package io.liftguard.api.http;

import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.handleRejections;

import io.liftguard.api.ApiSettings;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.server.Route;

/** Binds the routes and unbinds them when the platform shuts down. */
public final class HttpServer {
  private HttpServer() {}

  /** Serves {@code routes}, tried in order, each request observed by {@code requests} (metrics, request log). */
  public static CompletionStage<ServerBinding> start(
      ActorSystem<?> system, ApiSettings settings, RequestMetrics requests, Route... routes) {
    Route all = requests.observe(() -> handleRejections(Responses.rejectionHandler(),
        () -> concat(routes[0], Arrays.copyOfRange(routes, 1, routes.length))));
    return Http.get(system)
        .newServerAt(settings.host(), settings.port())
        .bind(all)
        .thenApply(binding -> {
          binding.addToCoordinatedShutdown(Duration.ofSeconds(10), system);
          InetSocketAddress at = binding.localAddress();
          system.log().info("LiftGuard HTTP API listening on http://{}:{}/", at.getHostString(), at.getPort());
          return binding;
        });
  }
}
