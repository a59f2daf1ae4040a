package io.liftguard.api.routes;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.path;

import io.liftguard.api.dto.Persistence;
import io.liftguard.api.http.Responses;
import io.liftguard.kernel.readside.ProjectionLag;
import io.liftguard.kernel.readside.ProjectionLags;
import io.liftguard.kernel.store.StoreHealth;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /health}: 200 once this node is up in the cluster and its store answers ({@code UP},
 * or {@code DEGRADED} while a projection is failing or has set events aside since start: the read
 * models are behind or incomplete, the writes are not); 503 while it is starting ({@code STARTING})
 * or the store does not answer ({@code STORE_UNAVAILABLE}, with since when).
 */
public final class HealthRoutes {
  /**
   * The health answer. {@code readModel}: how fresh the fleet read model is (write to journal ->
   * row); {@code projections}: every projection's lag, failures and events set aside, by name.
   */
  public record Health(
      String status,
      String store,
      Persistence persistence,
      ProjectionLag.Snapshot readModel,
      Map<String, ProjectionLag.Snapshot> projections,
      String member,
      Instant startedAt,
      long uptimeSeconds) {}

  private final ActorSystem<?> system;
  private final String store;
  private final StoreHealth storeHealth;
  private final ProjectionLags projections;
  private final String readModel;
  private final Instant startedAt;
  private final Clock clock;

  /** {@code readModel}: the projection whose lag is shown as the read model's. */
  public HealthRoutes(
      ActorSystem<?> system,
      String store,
      StoreHealth storeHealth,
      ProjectionLags projections,
      String readModel,
      Instant startedAt,
      Clock clock) {
    this.system = system;
    this.store = store;
    this.storeHealth = storeHealth;
    this.projections = projections;
    this.readModel = readModel;
    this.startedAt = startedAt;
    this.clock = clock;
  }

  // spotless:off  the route tree keeps its hand layout: google-java-format stacks every nested lambda
  public Route routes() {
    return path("health", () -> get(() -> {
      MemberStatus member = Cluster.get(system).selfMember().status();
      StoreHealth.Status persistence = storeHealth.status();
      Map<String, ProjectionLag.Snapshot> each = new TreeMap<>();
      projections.all().forEach((name, lag) -> each.put(name, lag.snapshot()));
      boolean degraded = each.values().stream().anyMatch(p -> p.failing() || p.setAside() > 0);
      String status = member != MemberStatus.up() ? "STARTING" : !persistence.available() ? "STORE_UNAVAILABLE"
          : degraded ? "DEGRADED" : "UP";
      long uptime = Duration.between(startedAt, clock.instant()).toSeconds();
      boolean serving = status.equals("UP") || status.equals("DEGRADED");
      return complete(Responses.json(serving ? StatusCodes.OK : StatusCodes.SERVICE_UNAVAILABLE,
          new Health(status, store, Persistence.of(persistence), projections.of(readModel).snapshot(), each,
              member.toString(), startedAt, uptime)));
    }));
  }
  // spotless:on
}
