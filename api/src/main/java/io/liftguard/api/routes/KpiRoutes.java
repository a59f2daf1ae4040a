package io.liftguard.api.routes;

import static io.liftguard.api.http.RouteSupport.area;
import static io.liftguard.api.http.RouteSupport.safely;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.parameterOptional;
import static org.apache.pekko.http.javadsl.server.Directives.path;

import io.liftguard.api.http.Responses;
import io.liftguard.api.http.RouteSupport;
import io.liftguard.regulation.KpiReader;
import io.liftguard.regulation.domain.Area;
import io.liftguard.regulation.domain.Kpi;
import io.liftguard.regulation.domain.KpiRules;
import io.liftguard.rescue.domain.RescueSettings;
import io.liftguard.twin.domain.TwinRules;
import io.liftguard.twin.domain.access.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /api/v1/kpis?scope=city|district|street&id=&month=yyyy-mm}: the five KPIs of the
 * safe-elevator plan for a scope and month (this month by default), each with numerator,
 * denominator, target, met or not, and the elevators that pull it down. For regulators (a
 * district's only its own), the rescue centre and admins.
 */
public final class KpiRoutes {
  private final KpiReader reader;
  private final RescueSettings clocks;
  private final Clock clock;

  public KpiRoutes(KpiReader reader, RescueSettings clocks, Clock clock) {
    this.reader = reader;
    this.clocks = clocks;
    this.clock = clock;
  }

  /** The answer: the scope and month asked for, when it was computed, and the KPIs. */
  record Answer(String scope, String id, YearMonth month, Instant asOf, List<Kpi> kpis) {}

  // spotless:off  the route tree keeps its hand layout: google-java-format stacks every nested lambda
  public Route routes(Principal p) {
    return path("kpis", () -> get(() ->
        parameterOptional("scope", scope -> parameterOptional("id", id -> parameterOptional("month", month ->
            safely(() -> kpis(p, scope, id, month)))))));
  }
  // spotless:on

  private CompletionStage<HttpResponse> kpis(
      Principal p, Optional<String> rawScope, Optional<String> id, Optional<String> rawMonth) {
    Area scope = area(p, rawScope, id, "KPIs");
    YearMonth month =
        RouteSupport.month(rawMonth, "month", YearMonth.from(TwinRules.today(clock.instant())));
    Instant now = clock.instant();
    return Responses.respond(
        reader.facts(scope, month),
        facts ->
            Responses.json(
                StatusCodes.OK,
                new Answer(
                    scope.level().name().toLowerCase(Locale.ROOT),
                    scope.id(),
                    month,
                    now,
                    KpiRules.compute(
                        facts, clocks.acknowledgeWithin(), clocks.arriveWithin(), now))));
  }
}
