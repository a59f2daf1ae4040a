package io.liftguard.api.routes;

import static io.liftguard.api.http.RouteSupport.area;
import static io.liftguard.api.http.RouteSupport.choice;
import static io.liftguard.api.http.RouteSupport.number;
import static io.liftguard.api.http.RouteSupport.safely;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.parameterOptional;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;

import io.liftguard.api.ApiSettings;
import io.liftguard.api.http.Responses;
import io.liftguard.api.http.RouteSupport;
import io.liftguard.regulation.SupervisionReader;
import io.liftguard.regulation.domain.Area;
import io.liftguard.twin.domain.Rectification;
import io.liftguard.twin.domain.access.Principal;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /api/v1/campaigns/drum-brake?scope=&id=&status=&limit=&after=}: the drum-brake hazard
 * campaign's summary table, every drum-brake elevator of an area with its rectification status
 * (counts by status over the whole area). A regulator updates an elevator's status with {@code POST
 * /api/v1/elevators/{id}/rectifications}.
 */
public final class CampaignRoutes {
  private final SupervisionReader reader;
  private final ApiSettings settings;

  public CampaignRoutes(SupervisionReader reader, ApiSettings settings) {
    this.reader = reader;
    this.settings = settings;
  }

  // spotless:off  the route tree keeps its hand layout: google-java-format stacks every nested lambda
  public Route routes(Principal p) {
    return pathPrefix("campaigns", () -> path("drum-brake", () ->
        get(() -> parameterOptional("scope", scope -> parameterOptional("id", id ->
            parameterOptional("status", status -> parameterOptional("limit", limit ->
                parameterOptional("after", after -> safely(() -> {
                  Area area = area(p, scope, id, "drum-brake campaign");
                  Rectification.Status only = choice(status, "status", Rectification.Status.class);
                  int n = (int) number(limit, "limit", 100, 1, settings.maxPage());
                  String from = after.map(RouteSupport::elevatorId).orElse(null);
                  return Responses.respond(reader.drumBrakeCampaign(area, only, from, n),
                      page -> Responses.json(StatusCodes.OK, page));
                })))))))));
  }
  // spotless:on
}
