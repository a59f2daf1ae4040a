package io.liftguard.api.routes;

import static io.liftguard.api.http.RouteSupport.date;
import static io.liftguard.api.http.RouteSupport.safely;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.parameterMap;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;
import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import io.liftguard.api.http.ApiException;
import io.liftguard.api.http.Responses;
import io.liftguard.insurance.InsuranceReader;
import io.liftguard.insurance.domain.PolicyAccess;
import io.liftguard.twin.domain.TwinRules;
import io.liftguard.twin.domain.access.Principal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * An insurer's book: {@code GET /api/v1/insurers/{id}/portfolio?from=&to=} and the bordereau export
 * {@code GET /api/v1/insurers/{id}/bordereau?kind=policies|claims&from=&to=} (CSV). Dates are UTC
 * days, {@code to} exclusive; the default window is the last 365 days. Another insurer's book
 * answers 404.
 */
public final class InsurerRoutes {
  private static final Set<String> WINDOW = Set.of("from", "to");

  private final InsuranceReader reader;
  private final Clock clock;

  public InsurerRoutes(InsuranceReader reader, Clock clock) {
    this.reader = reader;
    this.clock = clock;
  }

  // spotless:off  the route tree keeps its hand layout: google-java-format stacks every nested lambda
  public Route routes(Principal p) {
    return pathPrefix("insurers", () -> pathPrefix(segment(), insurer ->
        concat(
            path("portfolio", () -> get(() -> portfolio(p, insurer))),
            path("bordereau", () -> get(() -> bordereau(p, insurer))))));
  }
  // spotless:on

  private Route portfolio(Principal p, String insurer) {
    return parameterMap(
        params ->
            safely(
                () -> {
                  book(p, insurer);
                  known(params, WINDOW);
                  Instant[] window = window(params);
                  return Responses.respond(
                      reader.portfolio(insurer, window[0], window[1], clock.instant()),
                      portfolio -> Responses.json(StatusCodes.OK, portfolio));
                }));
  }

  private Route bordereau(Principal p, String insurer) {
    return parameterMap(
        params ->
            safely(
                () -> {
                  book(p, insurer);
                  known(params, Set.of("from", "to", "kind"));
                  String rawKind = params.getOrDefault("kind", "policies");
                  InsuranceReader.BordereauKind kind =
                      switch (rawKind.toLowerCase(Locale.ROOT)) {
                        case "policies" -> InsuranceReader.BordereauKind.POLICIES;
                        case "claims" -> InsuranceReader.BordereauKind.CLAIMS;
                        default ->
                            throw ApiException.badRequest(
                                "query parameter 'kind' = '"
                                    + rawKind
                                    + "' is not one of [policies, claims]");
                      };
                  Instant[] window = window(params);
                  String file =
                      "bordereau-"
                          + insurer.replaceAll("[^A-Za-z0-9._-]", "_")
                          + "-"
                          + rawKind.toLowerCase(Locale.ROOT)
                          + "-"
                          + TwinRules.today(window[0])
                          + "-"
                          + TwinRules.today(window[1])
                          + ".csv";
                  return Responses.respond(
                      reader.bordereau(insurer, kind, window[0], window[1]),
                      csv ->
                          HttpResponse.create()
                              .withStatus(StatusCodes.OK)
                              .withEntity(
                                  HttpEntities.create(
                                      ContentTypes.TEXT_CSV_UTF8,
                                      csv.getBytes(StandardCharsets.UTF_8)))
                              .addHeader(
                                  RawHeader.create(
                                      "Content-Disposition",
                                      "attachment; filename=\"" + file + "\"")));
                }));
  }

  /** 403 for a role without books, 404 for another insurer's (as if it did not exist). */
  private static void book(Principal p, String insurer) {
    if (!PolicyAccess.roleMay(p.role(), PolicyAccess.Action.READ_PORTFOLIO)) {
      throw new ApiException(
          StatusCodes.FORBIDDEN,
          "forbidden",
          "principal '" + p.id() + "' (" + p.role().wireName() + ") may not read portfolios",
          List.of());
    }
    if (insurer.length() > 128 || !PolicyAccess.seesBook(p, insurer)) {
      throw new ApiException(
          StatusCodes.NOT_FOUND,
          "not_found",
          "insurer '" + insurer + "' has no book here",
          List.of());
    }
  }

  private static void known(Map<String, String> params, Set<String> allowed) {
    List<String> unknown =
        params.keySet().stream().filter(k -> !allowed.contains(k)).sorted().toList();
    if (!unknown.isEmpty()) {
      throw ApiException.badRequest(
          "unknown query parameter(s) "
              + unknown
              + "; known: "
              + allowed.stream().sorted().toList());
    }
  }

  /**
   * [from, to) from the query (days of the platform's calendar), by default the 365 days up to
   * tomorrow.
   */
  private Instant[] window(Map<String, String> params) {
    LocalDate today = TwinRules.today(clock.instant());
    LocalDate to = date(params.get("to"), "to", today.plusDays(1));
    LocalDate from = date(params.get("from"), "from", to.minusDays(365));
    if (!from.isBefore(to)) {
      throw ApiException.badRequest(
          "query parameter 'from' " + from + " must be before 'to' " + to);
    }
    if (Duration.between(from.atStartOfDay(), to.atStartOfDay()).toDays() > 3660) {
      throw ApiException.badRequest(
          "the window from " + from + " to " + to + " is longer than ten years");
    }
    return new Instant[] {
      from.atStartOfDay(TwinRules.CALENDAR).toInstant(),
      to.atStartOfDay(TwinRules.CALENDAR).toInstant()
    };
  }
}
