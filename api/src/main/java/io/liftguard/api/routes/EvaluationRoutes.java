package io.liftguard.api.routes;

import static io.liftguard.api.http.RouteSupport.anyArea;
import static io.liftguard.api.http.RouteSupport.area;
import static io.liftguard.api.http.RouteSupport.choice;
import static io.liftguard.api.http.RouteSupport.number;
import static io.liftguard.api.http.RouteSupport.safely;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.parameterOptional;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;

import io.liftguard.api.http.Responses;
import io.liftguard.regulation.QualityReader;
import io.liftguard.regulation.domain.Area;
import io.liftguard.regulation.domain.QualityRules;
import io.liftguard.twin.domain.TwinRules;
import io.liftguard.twin.domain.access.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The quality evaluation ({@link QualityRules}) over the last {@code months} (12 by default, at
 * most 60) of an area:
 *
 * <ul>
 *   <li>{@code GET /api/v1/ratings/maintenance-companies}: each company's stars and the measures
 *       behind them;
 *   <li>{@code GET /api/v1/quality/products?by=manufacturer|model}: failure rate per elevator-year
 *       with its 95 % interval, compared with the fleet, and service life;
 *   <li>{@code GET /api/v1/disclosure}: the public lists (most complaints, most failures, first
 *       inspections failed), no personal data, readable by every principal.
 * </ul>
 *
 * Ratings and product quality: regulators (a district's only its own), the rescue centre and
 * admins.
 */
public final class EvaluationRoutes {
  private final QualityReader reader;
  private final Clock clock;

  public EvaluationRoutes(QualityReader reader, Clock clock) {
    this.reader = reader;
    this.clock = clock;
  }

  /** Every answer: the area, the window, and what was asked for. */
  record Answer<T>(String scope, String id, Instant from, Instant to, T result) {}

  /** Groupings of product quality. */
  enum By {
    MANUFACTURER,
    MODEL
  }

  // spotless:off  the route tree keeps its hand layout: google-java-format stacks every nested lambda
  public Route routes(Principal p) {
    return parameterOptional("scope", scope ->
        parameterOptional("id", id -> parameterOptional("months", months -> concat(
            pathPrefix("ratings", () -> path("maintenance-companies", () -> get(() -> safely(() ->
                answer(area(p, scope, id, "ratings"), months, QualityRules::ratings))))),
            pathPrefix("quality", () -> path("products", () -> get(() -> parameterOptional("by", by -> safely(() -> {
              boolean byModel = choice(by, "by", By.class) == By.MODEL;
              LocalDate today = TwinRules.today(clock.instant());
              return answer(area(p, scope, id, "product quality"), months,
                  r -> QualityRules.products(r, byModel, today));
            }))))),
            path("disclosure", () -> get(() -> parameterOptional("limit", limit -> safely(() -> {
              int n = (int) number(limit, "limit", 20, 1, 200);
              return answer(anyArea(p, scope, id), months, r -> QualityRules.disclosure(r, n));
            }))))))));
  }
  // spotless:on

  private <T> CompletionStage<HttpResponse> answer(
      Area area, Optional<String> months, Function<List<QualityRules.ElevatorRecord>, T> evaluate) {
    Instant to = clock.instant();
    Instant from =
        TwinRules.today(to)
            .minusMonths(number(months, "months", 12, 1, 60))
            .atStartOfDay(TwinRules.CALENDAR)
            .toInstant();
    return Responses.respond(
        reader.records(area, from, to),
        records ->
            Responses.json(
                StatusCodes.OK,
                new Answer<>(
                    area.level().name().toLowerCase(Locale.ROOT),
                    area.id(),
                    from,
                    to,
                    evaluate.apply(records))));
  }
}
