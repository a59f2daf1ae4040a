package io.liftguard.api.routes;

import static io.liftguard.api.http.RouteSupport.recordId;
import static io.liftguard.api.http.RouteSupport.safely;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;
import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import io.liftguard.api.http.ApiException;
import io.liftguard.api.http.Responses;
import io.liftguard.api.imports.ImportJobs;
import io.liftguard.twin.domain.access.Principal;
import io.liftguard.twin.domain.access.Role;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /api/v1/imports/{id}}: a register import job's progress, for whoever started it and
 * admins.
 */
public final class ImportRoutes {
  private final ImportJobs jobs;

  public ImportRoutes(ImportJobs jobs) {
    this.jobs = jobs;
  }

  // spotless:off  the route tree keeps its hand layout: google-java-format stacks every nested lambda
  public Route routes(Principal p) {
    return pathPrefix("imports", () -> path(segment(), raw ->
        get(() -> safely(() -> {
          String id = recordId(raw, "import id");
          ImportJobs.Progress progress = jobs.progress(id)
              .filter(job -> job.by().equals(p.id()) || p.role() == Role.ADMIN)
              .orElseThrow(() -> new ApiException(StatusCodes.NOT_FOUND, "not_found",
                  "no import '" + id + "' of yours on this node", List.of()));
          return CompletableFuture.completedFuture(Responses.json(StatusCodes.OK, progress));
        }))));
  }
  // spotless:on
}
