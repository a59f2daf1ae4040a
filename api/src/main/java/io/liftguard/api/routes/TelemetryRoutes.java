package io.liftguard.api.routes;

import static io.liftguard.api.http.RouteSupport.body;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.post;

import com.fasterxml.jackson.databind.JsonNode;
import io.liftguard.api.ApiSettings;
import io.liftguard.api.access.Access;
import io.liftguard.api.dto.TelemetryAck;
import io.liftguard.api.http.ApiException;
import io.liftguard.api.http.Json;
import io.liftguard.api.http.Responses;
import io.liftguard.kernel.domain.Rejection;
import io.liftguard.kernel.entity.RejectedException;
import io.liftguard.twin.ElevatorFleet;
import io.liftguard.twin.ElevatorTwin;
import io.liftguard.twin.domain.Reading;
import io.liftguard.twin.domain.access.Action;
import io.liftguard.twin.domain.access.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code POST /api/v1/telemetry}: one reading or a JSON array of readings from a gateway, each
 * naming its elevator. A batch is all or nothing: every reading is validated and every elevator
 * checked to be registered before any twin is touched.
 */
public final class TelemetryRoutes {
  private final ElevatorFleet fleet;
  private final ApiSettings settings;
  private final Clock clock;

  public TelemetryRoutes(ElevatorFleet fleet, ApiSettings settings, Clock clock) {
    this.fleet = fleet;
    this.settings = settings;
    this.clock = clock;
  }

  // spotless:off  the route tree keeps its hand layout: google-java-format stacks every nested lambda
  public Route routes(Principal p) {
    return path("telemetry", () -> post(() ->
        body(settings.maxBodyBytes(), text -> {
          Access.require(p, Action.WRITE_TELEMETRY);
          Map<String, List<Reading>> byElevator = validated(parse(Json.tree(text)));
          return Responses.respond(record(p, byElevator), ack -> Responses.json(StatusCodes.ACCEPTED, ack));
        })));
  }
  // spotless:on

  private List<Reading> parse(JsonNode tree) {
    if (tree.isObject()) {
      return List.of(Json.convert(tree, Reading.class, ""));
    }
    if (!tree.isArray()) {
      throw ApiException.badRequest(
          "expected a reading (JSON object) or a batch of readings (JSON array)");
    }
    if (tree.isEmpty()) {
      throw ApiException.badRequest("the batch is empty");
    }
    if (tree.size() > settings.maxBatch()) {
      throw ApiException.badRequest(
          "the batch has "
              + tree.size()
              + " readings; at most "
              + settings.maxBatch()
              + " are allowed per request");
    }
    List<Reading> readings = Json.convertEach(tree, Reading.class);
    return readings;
  }

  private Map<String, List<Reading>> validated(List<Reading> readings) {
    Instant now = clock.instant();
    List<String> problems = new ArrayList<>();
    Map<String, List<Reading>> byElevator = new LinkedHashMap<>();
    for (int i = 0; i < readings.size(); i++) {
      Reading r = readings.get(i);
      String prefix = readings.size() == 1 ? "" : "[" + i + "] ";
      r.problems(now, fleet.settings().timeWindow()).forEach(p -> problems.add(prefix + p));
      byElevator.computeIfAbsent(r.elevatorId(), k -> new ArrayList<>()).add(r);
    }
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
    return byElevator;
  }

  /**
   * Elevators that are not registered, or not bound to the caller, are refused together with a 404
   * naming them (the two cases answer alike, so a gateway cannot probe the register); nothing is
   * applied then. Whether the caller may write an elevator's telemetry is decided by its twin alone
   * (TwinState.acceptsTelemetryFrom). Readings for one elevator take one ask: its twin checks the
   * caller and applies them. A batch over several elevators first asks every twin whether the
   * caller may write (a boolean, not the twin's state), then applies, so that a refused elevator
   * refuses the batch before any reading is applied; a store outage while applying can still leave
   * part of a batch applied (docs/api.md).
   */
  private CompletionStage<TelemetryAck> record(Principal p, Map<String, List<Reading>> byElevator) {
    if (byElevator.size() == 1) {
      var only = byElevator.entrySet().iterator().next();
      return fleet
          .recordReadings(only.getKey(), only.getValue(), p)
          .exceptionally(
              failure -> {
                Throwable cause = RejectedException.cause(failure);
                if (cause instanceof RejectedException r
                    && r.rejection().code() == Rejection.Code.NOT_REGISTERED) {
                  throw notRegistered(List.of(only.getKey()));
                }
                throw new CompletionException(cause);
              })
          .thenApply(a -> ack(byElevator, List.of(a)));
    }
    List<CompletableFuture<Boolean>> checks = new ArrayList<>();
    List<String> ids = new ArrayList<>(byElevator.keySet());
    for (String id : ids) {
      checks.add(fleet.acceptsTelemetry(id, p).toCompletableFuture());
    }
    return CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new))
        .thenCompose(
            x -> {
              List<String> unknown = new ArrayList<>();
              for (int i = 0; i < ids.size(); i++) {
                if (!checks.get(i).join()) {
                  unknown.add(ids.get(i));
                }
              }
              if (!unknown.isEmpty()) {
                throw notRegistered(unknown);
              }
              List<CompletableFuture<ElevatorTwin.ReadingsAck>> acks = new ArrayList<>();
              byElevator.forEach(
                  (id, rs) -> acks.add(fleet.recordReadings(id, rs, p).toCompletableFuture()));
              return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                  .thenApply(
                      y -> ack(byElevator, acks.stream().map(CompletableFuture::join).toList()));
            });
  }

  private static RejectedException notRegistered(List<String> ids) {
    return new RejectedException(
        new Rejection(
            Rejection.Code.NOT_REGISTERED,
            "not registered: "
                + String.join(", ", ids)
                + "; no reading of this request was applied",
            ids));
  }

  private static TelemetryAck ack(
      Map<String, List<Reading>> byElevator, List<ElevatorTwin.ReadingsAck> acks) {
    int accepted = 0, stale = 0, persisted = 0;
    for (ElevatorTwin.ReadingsAck a : acks) {
      accepted += a.accepted();
      stale += a.stale();
      persisted += a.persisted() ? 1 : 0;
    }
    int readings = byElevator.values().stream().mapToInt(List::size).sum();
    return new TelemetryAck(readings, accepted, stale, persisted, acks.size() - persisted);
  }
}
