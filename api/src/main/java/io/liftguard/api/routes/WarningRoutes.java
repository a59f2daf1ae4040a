package io.liftguard.api.routes;

import static io.liftguard.api.http.RouteSupport.area;
import static io.liftguard.api.http.RouteSupport.number;
import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.completeOK;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.optionalHeaderValueByName;
import static org.apache.pekko.http.javadsl.server.Directives.parameterOptional;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;

import io.liftguard.api.ApiSettings;
import io.liftguard.api.http.Json;
import io.liftguard.api.http.Responses;
import io.liftguard.regulation.WarningReader;
import io.liftguard.regulation.domain.Area;
import io.liftguard.twin.domain.access.Principal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.NotUsed;
import org.apache.pekko.http.javadsl.marshalling.sse.EventStreamMarshalling;
import org.apache.pekko.http.javadsl.model.sse.ServerSentEvent;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.stream.javadsl.Source;

/**
 * {@code GET /api/v1/warnings/stream}: live warnings as server-sent events (risk band rising,
 * condition drift, the car moving with a door open, rescue escalations), each with its number as
 * the event id. A client that reconnects with {@code Last-Event-ID} (or {@code ?after=}) gets every
 * warning after that one, none lost or repeated: they are rows of the read database written by a
 * projection, polled every {@link #POLL}. Scoped like the KPIs: a regulator with a district gets
 * its district by default; {@code scope=&id=} as elsewhere.
 */
public final class WarningRoutes {
  static final Duration POLL = Duration.ofMillis(500);
  static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
  private final WarningReader reader;
  private final ApiSettings settings;

  public WarningRoutes(WarningReader reader, ApiSettings settings) {
    this.reader = reader;
    this.settings = settings;
  }

  // spotless:off  the route tree keeps its hand layout: google-java-format stacks every nested lambda
  public Route routes(Principal p) {
    return pathPrefix("warnings", () -> path("stream", () -> get(() ->
        parameterOptional("scope", scope -> parameterOptional("id", id -> parameterOptional("after", after ->
            optionalHeaderValueByName("Last-Event-ID", last -> {
              try {
                Area area = area(p, scope, id, "warnings");
                long from = number(last.isPresent() ? last : after, last.isPresent() ? "Last-Event-ID" : "after", 0, 0,
                    Long.MAX_VALUE);
                return completeOK(stream(area, from), EventStreamMarshalling.toEventStream());
              } catch (RuntimeException e) {
                return complete(Responses.fromFailure(e));
              }
            })))))));
  }
  // spotless:on

  private Source<ServerSentEvent, NotUsed> stream(Area area, long from) {
    AtomicLong seen = new AtomicLong(from);
    int page = settings.maxPage();
    Source<ServerSentEvent, NotUsed> warnings =
        Source.tick(Duration.ZERO, POLL, "poll")
            .mapAsync(
                1,
                tick ->
                    reader
                        .after(area, seen.get(), page)
                        .thenApply(
                            rows -> {
                              rows.forEach(r -> seen.set(r.id()));
                              return rows;
                            }))
            .mapConcat(rows -> rows)
            .map(WarningRoutes::event)
            .mapMaterializedValue(cancellable -> NotUsed.getInstance());
    return warnings.keepAlive(KEEP_ALIVE, ServerSentEvent::heartbeat);
  }

  private static ServerSentEvent event(WarningReader.Numbered r) {
    return ServerSentEvent.create(
        new String(Json.write(r.warning()), StandardCharsets.UTF_8),
        Optional.of(r.warning().kind().name()),
        Optional.of(Long.toString(r.id())),
        OptionalInt.empty());
  }
}
