package io.liftguard.api.routes;

import static io.liftguard.api.http.RouteSupport.area;
import static io.liftguard.api.http.RouteSupport.choice;
import static io.liftguard.api.http.RouteSupport.number;
import static io.liftguard.api.http.RouteSupport.safely;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.parameterOptional;
import static org.apache.pekko.http.javadsl.server.Directives.path;

import io.liftguard.api.ApiSettings;
import io.liftguard.api.http.Responses;
import io.liftguard.api.http.RouteSupport;
import io.liftguard.regulation.SupervisionReader;
import io.liftguard.regulation.domain.ActionRules;
import io.liftguard.regulation.domain.Area;
import io.liftguard.twin.domain.TwinRules;
import io.liftguard.twin.domain.access.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /api/v1/actions?scope=city|district|street&id=&kind=&limit=&after=}: which elevators
 * of an area need a regulator's action today and why ({@link ActionRules}): overdue inspection,
 * failed inspection, overdue maintenance, 三无, high risk, over 15 years without a safety assessment,
 * drum brake not rectified. The most urgent first; every kind counted over the whole area.
 * Regulators (a district's only its own), the rescue centre, admins.
 */
public final class ActionRoutes {
  private final SupervisionReader reader;
  private final ApiSettings settings;
  private final Clock clock;

  public ActionRoutes(SupervisionReader reader, ApiSettings settings, Clock clock) {
    this.reader = reader;
    this.settings = settings;
    this.clock = clock;
  }

  /** The answer: the area, the day, how many elevators each kind lists, and a page of elevators. */
  record Answer(
      String scope,
      String id,
      LocalDate date,
      Map<ActionRules.Kind, Long> counts,
      long elevators,
      List<ActionRules.Due> items,
      String next) {}

  // spotless:off  the route tree keeps its hand layout: google-java-format stacks every nested lambda
  public Route routes(Principal p) {
    return path("actions", () -> get(() ->
        parameterOptional("scope", scope -> parameterOptional("id", id -> parameterOptional("kind", kind ->
            parameterOptional("limit", limit -> parameterOptional("after", after ->
                safely(() -> actions(p, scope, id, kind, limit, after)))))))));
  }
  // spotless:on

  private CompletionStage<HttpResponse> actions(
      Principal p,
      Optional<String> scope,
      Optional<String> id,
      Optional<String> kind,
      Optional<String> limit,
      Optional<String> after) {
    Area area = area(p, scope, id, "action lists");
    ActionRules.Kind only = choice(kind, "kind", ActionRules.Kind.class);
    int n = (int) number(limit, "limit", 100, 1, settings.maxPage());
    String from = after.map(RouteSupport::elevatorId).orElse(null);
    LocalDate today = TwinRules.today(clock.instant());
    return Responses.respond(
        reader.facts(area),
        facts -> {
          List<ActionRules.Due> due = ActionRules.due(facts, today, only);
          Map<ActionRules.Kind, Long> counts = new EnumMap<>(ActionRules.Kind.class);
          for (ActionRules.Kind k : ActionRules.Kind.values()) {
            counts.put(k, 0L);
          }
          due.forEach(d -> d.actions().forEach(a -> counts.merge(a.kind(), 1L, Long::sum)));
          int start = 0;
          for (int i = 0; from != null && i < due.size(); i++) {
            if (due.get(i).elevatorId().equals(from)) {
              start = i + 1;
              break;
            }
          }
          int end = Math.min(due.size(), start + n);
          String next = end < due.size() ? due.get(end - 1).elevatorId() : null;
          return Responses.json(
              StatusCodes.OK,
              new Answer(
                  area.level().name().toLowerCase(Locale.ROOT),
                  area.id(),
                  today,
                  counts,
                  due.size(),
                  due.subList(start, end),
                  next));
        });
  }
}
