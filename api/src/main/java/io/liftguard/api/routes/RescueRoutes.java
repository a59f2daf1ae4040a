package io.liftguard.api.routes;

import static io.liftguard.api.http.RouteSupport.body;
import static io.liftguard.api.http.RouteSupport.number;
import static io.liftguard.api.http.RouteSupport.recordId;
import static io.liftguard.api.http.RouteSupport.safely;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.parameterOptional;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathEnd;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;
import static org.apache.pekko.http.javadsl.server.Directives.post;
import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import io.liftguard.api.ApiSettings;
import io.liftguard.api.dto.RescueRequests;
import io.liftguard.api.dto.RescueView;
import io.liftguard.api.http.ApiException;
import io.liftguard.api.http.Json;
import io.liftguard.api.http.Responses;
import io.liftguard.kernel.domain.Rejection;
import io.liftguard.kernel.entity.RejectedException;
import io.liftguard.rescue.RescueDesk;
import io.liftguard.rescue.domain.AlarmSource;
import io.liftguard.rescue.domain.RescueAccess;
import io.liftguard.rescue.domain.RescueCase;
import io.liftguard.rescue.domain.RescueRules;
import io.liftguard.rescue.domain.RescueSettings;
import io.liftguard.rescue.domain.RescueStep;
import io.liftguard.twin.ElevatorFleet;
import io.liftguard.twin.domain.ElevatorId;
import io.liftguard.twin.domain.access.Principal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code /api/v1/rescues}: the 96333 rescue centre's cases. The centre (and admins) list the open
 * cases with their running clocks, open a case for a call, and record each step; a regulator reads
 * its district's cases.
 */
public final class RescueRoutes {
  private static final Pattern CALL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private final RescueDesk desk;
  private final ElevatorFleet fleet;
  private final RescueSettings clocks;
  private final ApiSettings settings;
  private final Clock clock;

  public RescueRoutes(
      RescueDesk desk,
      ElevatorFleet fleet,
      RescueSettings clocks,
      ApiSettings settings,
      Clock clock) {
    this.desk = desk;
    this.fleet = fleet;
    this.clocks = clocks;
    this.settings = settings;
    this.clock = clock;
  }

  // spotless:off  the route tree keeps its hand layout: google-java-format stacks every nested lambda
  public Route routes(Principal p) {
    return pathPrefix("rescues", () -> concat(
        pathEnd(() -> concat(get(() -> list(p)), post(() -> phoneAlarm(p)))),
        pathPrefix(segment(), id -> concat(
            pathEnd(() -> get(() -> read(p, id))),
            path("steps", () -> post(() -> step(p, id)))))));
  }
  // spotless:on

  private Route list(Principal p) {
    return parameterOptional(
        "limit",
        limit ->
            parameterOptional(
                "after",
                after ->
                    safely(
                        () -> {
                          require(p, RescueAccess.Action.READ);
                          int n = (int) number(limit, "limit", 100, 1, settings.maxPage());
                          return Responses.respond(
                              desk.reader()
                                  .openCases(
                                      RescueAccess.districtOf(p),
                                      after.map(a -> recordId(a, "after")).orElse(null),
                                      n),
                              page ->
                                  Responses.json(
                                      StatusCodes.OK,
                                      new Page(
                                          page.items().stream()
                                              .map(r -> RescueView.of(r, clocks, clock.instant()))
                                              .toList(),
                                          page.next())));
                        })));
  }

  /** The open cases, each with its clocks; {@code next} is the case id to continue after. */
  record Page(List<RescueView> items, String next) {}

  private Route phoneAlarm(Principal p) {
    return body(
        settings.maxBodyBytes(),
        text -> {
          require(p, RescueAccess.Action.HANDLE);
          RescueRequests.PhoneAlarm a = Json.read(text, RescueRequests.PhoneAlarm.class);
          List<String> problems = new ArrayList<>();
          if (a.elevatorId() == null) {
            problems.add("elevatorId is required");
          } else {
            ElevatorId.problem(a.elevatorId())
                .ifPresent(x -> problems.add(x.replace("registrationCode", "elevatorId")));
          }
          if (a.callId() == null || !CALL_ID.matcher(a.callId()).matches()) {
            problems.add(
                "callId (the centre's call record) is required: 1-64 letters, digits, '.', '_' or"
                    + " '-'");
          }
          problems.addAll(detailProblems(a.detail()));
          if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
          }
          String caseId = RescueDesk.caseIdFor(a.elevatorId(), "call-" + a.callId());
          // The district from the twin itself: the fleet read model may not have a just-registered
          // elevator yet.
          CompletionStage<RescueCase> opened =
              fleet
                  .find(a.elevatorId())
                  .thenCompose(
                      twin -> {
                        if (twin.isEmpty()) {
                          throw new RejectedException(Rejection.notRegistered(a.elevatorId()));
                        }
                        String district = twin.get().state().register().district();
                        return desk.open(
                            caseId,
                            new RescueRules.Opening(
                                a.elevatorId(),
                                district,
                                AlarmSource.PHONE,
                                null,
                                a.alarmAt() == null ? clock.instant() : a.alarmAt(),
                                a.detail()),
                            p.id());
                      });
          return Responses.respond(
              opened.thenCompose(this::withHistory), v -> Responses.json(StatusCodes.CREATED, v));
        });
  }

  private Route read(Principal p, String rawId) {
    return safely(
        () ->
            Responses.respond(
                visible(p, rawId, RescueAccess.Action.READ).thenCompose(this::withHistory),
                v -> Responses.json(StatusCodes.OK, v)));
  }

  private Route step(Principal p, String rawId) {
    return body(
        settings.maxBodyBytes(),
        text -> {
          require(p, RescueAccess.Action.HANDLE);
          RescueRequests.StepBody b = Json.read(text, RescueRequests.StepBody.class);
          RescueStep step = step(b.step());
          List<String> problems = detailProblems(b.detail());
          if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
          }
          return Responses.respond(
              visible(p, rawId, RescueAccess.Action.HANDLE)
                  .thenCompose(c -> desk.record(c.caseId(), step, b.at(), b.detail(), p.id()))
                  .thenCompose(this::withHistory),
              v -> Responses.json(StatusCodes.OK, v));
        });
  }

  private CompletionStage<RescueView> withHistory(RescueCase c) {
    return desk.history(c.caseId()).thenApply(h -> RescueView.of(c, h, clocks, clock.instant()));
  }

  /**
   * The case, if {@code p} may take {@code action} on it: 403 for a role that never may, 404 if not
   * visible.
   */
  private CompletionStage<RescueCase> visible(
      Principal p, String rawId, RescueAccess.Action action) {
    require(p, action);
    String id = recordId(rawId, "rescue case id");
    return desk.get(id)
        .thenApply(
            c -> {
              if (!RescueAccess.sees(p, c.district())) {
                throw new RejectedException(
                    new Rejection(
                        Rejection.Code.NOT_REGISTERED,
                        "rescue case '" + id + "' does not exist",
                        List.of()));
              }
              return c;
            });
  }

  private static RescueStep step(String raw) {
    String allowed = "acknowledged, dispatched, arrived, released or closed";
    if (raw == null) {
      throw ApiException.badRequest("step is required: " + allowed);
    }
    try {
      RescueStep s = RescueStep.valueOf(raw.trim().toUpperCase(Locale.ROOT));
      if (s != RescueStep.ALARM) {
        return s;
      }
    } catch (IllegalArgumentException e) {
      // answered below
    }
    throw ApiException.badRequest("step '" + raw + "' is not one of " + allowed);
  }

  private static List<String> detailProblems(String detail) {
    return detail != null && detail.length() > 512
        ? List.of("detail must be at most 512 characters")
        : List.of();
  }

  private static void require(Principal p, RescueAccess.Action action) {
    if (!RescueAccess.roleMay(p.role(), action)) {
      throw new ApiException(
          StatusCodes.FORBIDDEN,
          "forbidden",
          "principal '"
              + p.id()
              + "' ("
              + p.role().wireName()
              + ") may not "
              + action.name().toLowerCase(Locale.ROOT)
              + " rescue cases",
          List.of());
    }
  }
}
