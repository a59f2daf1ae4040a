package io.liftguard.api.routes;

import static io.liftguard.api.http.RouteSupport.body;
import static io.liftguard.api.http.RouteSupport.elevatorId;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;
import static org.apache.pekko.http.javadsl.server.Directives.post;
import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import io.liftguard.api.ApiSettings;
import io.liftguard.api.access.Access;
import io.liftguard.api.dto.WriteResult;
import io.liftguard.api.http.Json;
import io.liftguard.api.http.Responses;
import io.liftguard.twin.ElevatorFleet;
import io.liftguard.twin.domain.Complaint;
import io.liftguard.twin.domain.InspectionResult;
import io.liftguard.twin.domain.MaintenanceVisit;
import io.liftguard.twin.domain.Rectification;
import io.liftguard.twin.domain.ReportedEvent;
import io.liftguard.twin.domain.SafetyAssessment;
import io.liftguard.twin.domain.access.Action;
import io.liftguard.twin.domain.access.Principal;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * What is reported about one elevator besides telemetry, each persisted before the 201: {@code
 * /events} (faults, alarms, entrapments, service modes), {@code /maintenance} (visits) and {@code
 * /inspections} (periodic inspection results), {@code /complaints}, {@code /rectifications} (the
 * drum-brake campaign status) and {@code /safety-assessments} (an assessment body's result). A
 * retry with the same reporter id (or the same campaign status again) answers 200 "duplicate".
 */
public final class ElevatorRecordRoutes {
  private final ElevatorFleet fleet;
  private final ApiSettings settings;

  public ElevatorRecordRoutes(ElevatorFleet fleet, ApiSettings settings) {
    this.fleet = fleet;
    this.settings = settings;
  }

  // spotless:off  the route tree keeps its hand layout: google-java-format stacks every nested lambda
  public Route routes(Principal p) {
    // The fleet's methods are named inside lambdas, not bound here: a route is built per request.
    return pathPrefix("elevators", () -> pathPrefix(segment(), id ->
        concat(
            path("events", () -> post(() -> record(p, id, Action.REPORT_EVENT, ReportedEvent.class,
                (e, r, by) -> fleet.reportEvent(e, r, by, p.role())))),
            path("maintenance", () -> post(() -> record(p, id, Action.RECORD_MAINTENANCE, MaintenanceVisit.class,
                (e, r, by) -> fleet.recordMaintenance(e, r, by)))),
            path("inspections", () -> post(() -> record(p, id, Action.RECORD_INSPECTION, InspectionResult.class,
                (e, r, by) -> fleet.recordInspection(e, r, by)))),
            path("complaints", () -> post(() -> record(p, id, Action.FILE_COMPLAINT, Complaint.class,
                (e, r, by) -> fleet.fileComplaint(e, r, by)))),
            path("rectifications", () -> post(() -> record(p, id, Action.RECORD_SUPERVISION, Rectification.class,
                (e, r, by) -> fleet.recordRectification(e, r, by)))),
            path("safety-assessments", () -> post(() -> record(p, id, Action.RECORD_SUPERVISION,
                SafetyAssessment.class, (e, r, by) -> fleet.recordAssessment(e, r, by)))))));
  }
  // spotless:on

  /** A write by principal {@code by} on one elevator. */
  @FunctionalInterface
  interface Write<T> {
    CompletionStage<String> apply(String elevatorId, T record, String by);
  }

  private <T> Route record(
      Principal p, String rawId, Action action, Class<T> type, Write<T> write) {
    return body(
        settings.maxBodyBytes(),
        text -> {
          String id = elevatorId(rawId);
          Access.require(p, action);
          T record = Json.read(text, type);
          CompletionStage<String> written =
              Access.authorize(fleet, p, action, id)
                  .thenCompose(allowed -> write.apply(id, record, p.id()));
          return Responses.respond(
              written,
              outcome ->
                  Responses.json(
                      "duplicate".equals(outcome) ? StatusCodes.OK : StatusCodes.CREATED,
                      new WriteResult(id, outcome)));
        });
  }
}
