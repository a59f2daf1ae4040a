package io.liftguard.api.http;

import static org.apache.pekko.http.javadsl.server.Directives.extractRequest;
import static org.apache.pekko.http.javadsl.server.Directives.mapRequest;
import static org.apache.pekko.http.javadsl.server.Directives.mapResponse;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.AttributeKey;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.server.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Around every request: times it into {@code http.server.requests} (method, route template, status)
 * and, with the logger {@code io.liftguard.requests} at debug, logs one line per request with its
 * principal and status. The principal is known only once {@code AccessDirectives} has checked the
 * token, inside; it reports it through the request's {@link #PRINCIPAL} attribute, a holder this
 * directive puts there.
 */
public final class RequestMetrics {
  private static final Logger log = LoggerFactory.getLogger("io.liftguard.requests");

  @SuppressWarnings({"unchecked", "rawtypes"})
  public static final AttributeKey<AtomicReference<String>> PRINCIPAL =
      (AttributeKey) AttributeKey.create("liftguard-principal", AtomicReference.class);

  private final MeterRegistry registry;
  private final RouteTemplates templates;

  public RequestMetrics(MeterRegistry registry, RouteTemplates templates) {
    this.registry = registry;
    this.templates = templates;
  }

  public Route observe(Supplier<Route> inner) {
    return extractRequest(
        request -> {
          long started = System.nanoTime();
          AtomicReference<String> principal = new AtomicReference<>("-");
          return mapRequest(
              r -> r.addAttribute(PRINCIPAL, principal),
              () ->
                  mapResponse(
                      response -> {
                        completed(request, response, principal.get(), System.nanoTime() - started);
                        return response;
                      },
                      inner));
        });
  }

  private void completed(HttpRequest request, HttpResponse response, String principal, long nanos) {
    String path = request.getUri().path();
    int status = response.status().intValue();
    String route =
        templates
            .match(path)
            .orElse(status == 404 || path.startsWith("/api/") ? "unmatched" : "pages");
    String method = request.method().value();
    Timer.builder("http.server.requests")
        .description(
            "HTTP requests to the API by method, route template and status, until the response"
                + " starts")
        .tag("method", method)
        .tag("route", route)
        .tag("status", Integer.toString(status))
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(30))
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
    if (log.isDebugEnabled()) {
      long ms = TimeUnit.NANOSECONDS.toMillis(nanos);
      log.atDebug()
          .addKeyValue("method", method)
          .addKeyValue("path", path)
          .addKeyValue("route", route)
          .addKeyValue("status", status)
          .addKeyValue("principal", principal)
          .addKeyValue("ms", ms)
          .log("{} {} {} {} ms principal={}", method, path, status, ms, principal);
    }
  }
}
