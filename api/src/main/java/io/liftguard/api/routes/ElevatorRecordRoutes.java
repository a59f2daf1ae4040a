package io.liftguard.api.routes;

import static io.liftguard.api.http.RouteSupport.body;
import static io.liftguard.api.http.RouteSupport.elevatorId;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;
import static org.apache.pekko.http.javadsl.server.Directives.post;
import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import io.liftguard.api.ApiSettings;
import io.liftguard.api.dto.WriteResult;
import io.liftguard.api.http.Json;
import io.liftguard.api.http.Responses;
import io.liftguard.twin.ElevatorFleet;
import io.liftguard.twin.domain.InspectionResult;
import io.liftguard.twin.domain.MaintenanceVisit;
import io.liftguard.twin.domain.ReportedEvent;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * What is reported about one elevator besides telemetry, each persisted before the 201:
 * {@code /events} (faults, alarms, entrapments, service modes), {@code /maintenance} (visits) and
 * {@code /inspections} (periodic inspection results). A retry with the same reporter id answers 200 "duplicate".
 */
public final class ElevatorRecordRoutes {
  private final ElevatorFleet fleet;
  private final ApiSettings settings;

  public ElevatorRecordRoutes(ElevatorFleet fleet, ApiSettings settings) {
    this.fleet = fleet;
    this.settings = settings;
  }

  public Route routes() {
    return pathPrefix("api", () -> pathPrefix("v1", () -> pathPrefix("elevators", () -> pathPrefix(segment(), id ->
        concat(
            path("events", () -> post(() -> record(id, ReportedEvent.class, fleet::reportEvent))),
            path("maintenance", () -> post(() -> record(id, MaintenanceVisit.class, fleet::recordMaintenance))),
            path("inspections", () -> post(() -> record(id, InspectionResult.class, fleet::recordInspection))))))));
  }

  private <T> Route record(String rawId, Class<T> type, BiFunction<String, T, CompletionStage<String>> write) {
    return body(settings.maxBodyBytes(), text -> {
      String id = elevatorId(rawId);
      T record = Json.read(text, type);
      return Responses.respond(write.apply(id, record), outcome -> Responses.json(
          "duplicate".equals(outcome) ? StatusCodes.OK : StatusCodes.CREATED, new WriteResult(id, outcome)));
    });
  }
}
