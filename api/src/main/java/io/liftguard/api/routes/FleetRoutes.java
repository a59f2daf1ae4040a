package io.liftguard.api.routes;

import static io.liftguard.api.http.RouteSupport.number;
import static io.liftguard.api.http.RouteSupport.safely;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.parameterMap;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathEnd;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;

import io.liftguard.api.ApiSettings;
import io.liftguard.api.access.Access;
import io.liftguard.api.dto.FleetAggregates;
import io.liftguard.api.dto.FleetPage;
import io.liftguard.api.http.ApiException;
import io.liftguard.api.http.Responses;
import io.liftguard.fleet.FleetReader;
import io.liftguard.fleet.domain.FleetCursor;
import io.liftguard.fleet.domain.FleetFilter;
import io.liftguard.fleet.domain.FleetScope;
import io.liftguard.fleet.domain.FleetSort;
import io.liftguard.fleet.domain.GroupBy;
import io.liftguard.twin.domain.BrakeType;
import io.liftguard.twin.domain.BuildingType;
import io.liftguard.twin.domain.DriveType;
import io.liftguard.twin.domain.RunningMode;
import io.liftguard.twin.domain.access.Action;
import io.liftguard.twin.domain.access.Principal;
import io.liftguard.twin.domain.risk.RiskModel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Fleet search and aggregates over the read model: {@code GET /api/v1/fleet} (filters, {@code
 * sort}, {@code limit}, cursor {@code after}) and {@code GET /api/v1/fleet/aggregates?groupBy=...}
 * (the same filters). The caller's scope is part of the query: a regulator sees its district, an
 * insurer its insured elevators. Every parameter is checked by name; an unknown or malformed one is
 * a 400 naming it.
 */
public final class FleetRoutes {
  private static final List<String> FILTERS =
      List.of(
          "district",
          "street",
          "buildingType",
          "driveType",
          "brakeType",
          "manufacturer",
          "model",
          "maintenanceCompany",
          "insurer",
          "usingUnit",
          "runningMode",
          "riskBand",
          "threeNo",
          "publicGathering",
          "online",
          "hasOpenFaults",
          "hasOpenEntrapment",
          "maintenanceOverdue",
          "inspectionOverdue",
          "minAge",
          "maxAge",
          "minRisk",
          "maxRisk");
  private static final int DEFAULT_PAGE = 50;

  private final FleetReader reader;
  private final ApiSettings settings;
  private final Clock clock;

  public FleetRoutes(FleetReader reader, ApiSettings settings, Clock clock) {
    this.reader = reader;
    this.settings = settings;
    this.clock = clock;
  }

  // spotless:off  the route tree keeps its hand layout: google-java-format stacks every nested lambda
  public Route routes(Principal p) {
    return pathPrefix("fleet", () -> concat(
        pathEnd(() -> get(() -> search(p))),
        path("aggregates", () -> get(() -> aggregates(p)))));
  }
  // spotless:on

  private Route search(Principal p) {
    return parameterMap(
        params ->
            safely(
                () -> {
                  Access.require(p, Action.LIST_ELEVATORS);
                  known(params, "sort", "limit", "after");
                  FleetFilter filter = filter(params);
                  FleetSort sort =
                      Optional.ofNullable(params.get("sort"))
                          .map(
                              s ->
                                  FleetSort.parse(s)
                                      .orElseThrow(
                                          () ->
                                              ApiException.badRequest(
                                                  "query parameter 'sort' = '"
                                                      + s
                                                      + "' is not one of ["
                                                      + FleetSort.Field.names()
                                                      + "] (prefix '-' for descending)")))
                          .orElse(FleetSort.BY_ID);
                  int limit =
                      (int)
                          number(
                              Optional.ofNullable(params.get("limit")),
                              "limit",
                              DEFAULT_PAGE,
                              1,
                              settings.maxPage());
                  FleetCursor after =
                      Optional.ofNullable(params.get("after"))
                          .map(
                              a -> {
                                FleetCursor c =
                                    FleetCursor.decode(a)
                                        .orElseThrow(
                                            () ->
                                                ApiException.badRequest(
                                                    "query parameter 'after' is not a cursor of"
                                                        + " this API (pass a page's 'next' as it"
                                                        + " is)"));
                                if (!c.sort().equals(sort.asParam())) {
                                  throw ApiException.badRequest(
                                      "query parameter 'after' continues a search sorted by '"
                                          + c.sort()
                                          + "', not by '"
                                          + sort.asParam()
                                          + "'");
                                }
                                FleetReader.cursorProblem(sort, c)
                                    .ifPresent(
                                        problem -> {
                                          throw ApiException.badRequest(
                                              "query parameter 'after' is not a cursor of this API"
                                                  + " ("
                                                  + problem
                                                  + ")");
                                        });
                                return c;
                              })
                          .orElse(null);
                  return Responses.respond(
                      reader.search(FleetScope.of(p), filter, sort, after, limit),
                      page ->
                          Responses.json(
                              StatusCodes.OK,
                              new FleetPage(page.items(), page.next(), clock.instant())));
                }));
  }

  private Route aggregates(Principal p) {
    return parameterMap(
        params ->
            safely(
                () -> {
                  Access.require(p, Action.LIST_ELEVATORS);
                  known(params, "groupBy");
                  String raw = params.get("groupBy");
                  if (raw == null) {
                    throw ApiException.badRequest(
                        "query parameter 'groupBy' is required: one of [" + GroupBy.names() + "]");
                  }
                  GroupBy groupBy =
                      GroupBy.ofParam(raw)
                          .orElseThrow(
                              () ->
                                  ApiException.badRequest(
                                      "query parameter 'groupBy' = '"
                                          + raw
                                          + "' is not one of ["
                                          + GroupBy.names()
                                          + "]"));
                  FleetFilter filter = filter(params);
                  return Responses.respond(
                      reader.aggregates(FleetScope.of(p), filter, groupBy),
                      groups ->
                          Responses.json(
                              StatusCodes.OK,
                              new FleetAggregates(groupBy.param, groups, clock.instant())));
                }));
  }

  /**
   * Refuses parameters that are neither filters nor one of {@code others}: a misspelt filter must
   * not match all.
   */
  private static void known(Map<String, String> params, String... others) {
    Set<String> allowed = new TreeSet<>(FILTERS);
    allowed.addAll(List.of(others));
    List<String> unknown =
        params.keySet().stream().filter(k -> !allowed.contains(k)).sorted().toList();
    if (!unknown.isEmpty()) {
      throw ApiException.badRequest(
          "unknown query parameter"
              + (unknown.size() > 1 ? "s " : " ")
              + unknown.stream().map(u -> "'" + u + "'").collect(Collectors.joining(", "))
              + "; known: "
              + allowed);
    }
  }

  private static FleetFilter filter(Map<String, String> q) {
    List<String> problems = new ArrayList<>();
    FleetFilter f =
        new FleetFilter(
            text(q, "district"),
            text(q, "street"),
            enumeration(q, "buildingType", BuildingType.class, problems),
            enumeration(q, "driveType", DriveType.class, problems),
            enumeration(q, "brakeType", BrakeType.class, problems),
            text(q, "manufacturer"),
            text(q, "model"),
            text(q, "maintenanceCompany"),
            text(q, "insurer"),
            text(q, "usingUnit"),
            enumeration(q, "runningMode", RunningMode.class, problems),
            bands(q, problems),
            bool(q, "threeNo", problems),
            bool(q, "publicGathering", problems),
            bool(q, "online", problems),
            bool(q, "hasOpenFaults", problems),
            bool(q, "hasOpenEntrapment", problems),
            bool(q, "maintenanceOverdue", problems),
            bool(q, "inspectionOverdue", problems),
            integer(q, "minAge", problems),
            integer(q, "maxAge", problems),
            decimal(q, "minRisk", problems),
            decimal(q, "maxRisk", problems));
    if (problems.isEmpty()) {
      problems.addAll(f.problems());
    }
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
    return f;
  }

  private static String text(Map<String, String> q, String name) {
    String v = q.get(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  private static <E extends Enum<E>> E enumeration(
      Map<String, String> q, String name, Class<E> type, List<String> problems) {
    String v = text(q, name);
    if (v == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, v.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      problems.add(
          "query parameter '"
              + name
              + "' = '"
              + v
              + "' is not one of "
              + Arrays.toString(type.getEnumConstants()));
      return null;
    }
  }

  private static Set<RiskModel.Band> bands(Map<String, String> q, List<String> problems) {
    String v = text(q, "riskBand");
    if (v == null) {
      return null;
    }
    Set<RiskModel.Band> bands = EnumSet.noneOf(RiskModel.Band.class);
    for (String part : v.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      try {
        bands.add(RiskModel.Band.valueOf(part.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        problems.add(
            "query parameter 'riskBand': '"
                + part.trim()
                + "' is not one of "
                + Arrays.toString(RiskModel.Band.values()));
      }
    }
    return bands;
  }

  private static Boolean bool(Map<String, String> q, String name, List<String> problems) {
    String v = text(q, name);
    if (v == null) {
      return null;
    }
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> {
        problems.add("query parameter '" + name + "' must be true or false, not '" + v + "'");
        yield null;
      }
    };
  }

  private static Integer integer(Map<String, String> q, String name, List<String> problems) {
    String v = text(q, name);
    if (v == null) {
      return null;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      problems.add(
          "query parameter '" + name + "' must be a whole number of years, not '" + v + "'");
      return null;
    }
  }

  private static Double decimal(Map<String, String> q, String name, List<String> problems) {
    String v = text(q, name);
    if (v == null) {
      return null;
    }
    try {
      double d = Double.parseDouble(v);
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      problems.add("query parameter '" + name + "' must be a number, not '" + v + "'");
      return null;
    }
  }
}
