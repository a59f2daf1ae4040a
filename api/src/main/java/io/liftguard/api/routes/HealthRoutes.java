package io.liftguard.api.routes;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.path;

import io.liftguard.api.dto.Persistence;
import io.liftguard.api.http.Responses;
import io.liftguard.fleet.ProjectionLag;
import io.liftguard.twin.store.StoreHealth;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /health}: 200 once this node is up in the cluster and its store answers; 503 while it is starting
 * ({@code STARTING}) or the store does not answer ({@code STORE_UNAVAILABLE}, with since when).
 */
public final class HealthRoutes {
  /** The health answer; {@code readModel}: how fresh the fleet read model is (write to journal -> row). */
  public record Health(
      String status, String store, Persistence persistence, ProjectionLag.Snapshot readModel, String member,
      Instant startedAt, long uptimeSeconds) {}

  private final ActorSystem<?> system;
  private final String store;
  private final StoreHealth storeHealth;
  private final ProjectionLag lag;
  private final Instant startedAt;
  private final Clock clock;

  public HealthRoutes(
      ActorSystem<?> system, String store, StoreHealth storeHealth, ProjectionLag lag, Instant startedAt, Clock clock) {
    this.system = system;
    this.store = store;
    this.storeHealth = storeHealth;
    this.lag = lag;
    this.startedAt = startedAt;
    this.clock = clock;
  }

  public Route routes() {
    return path("health", () -> get(() -> {
      MemberStatus member = Cluster.get(system).selfMember().status();
      StoreHealth.Status persistence = storeHealth.status();
      String status = member != MemberStatus.up() ? "STARTING" : persistence.available() ? "UP" : "STORE_UNAVAILABLE";
      long uptime = Duration.between(startedAt, clock.instant()).toSeconds();
      return complete(Responses.json(
          status.equals("UP") ? StatusCodes.OK : StatusCodes.SERVICE_UNAVAILABLE,
          new Health(status, store, Persistence.of(persistence), lag.snapshot(), member.toString(), startedAt, uptime)));
    }));
  }
}
