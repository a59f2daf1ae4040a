package io.liftguard.api.routes;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.path;

import io.liftguard.api.http.Responses;
import java.time.Duration;
import java.time.Instant;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/** {@code GET /health}: 200 once the store is ready and this node is up in the cluster, 503 otherwise. */
public final class HealthRoutes {
  /** The health answer. */
  public record Health(String status, String store, String member, Instant startedAt, long uptimeSeconds) {}

  private final ActorSystem<?> system;
  private final String store;
  private final Instant startedAt;

  public HealthRoutes(ActorSystem<?> system, String store, Instant startedAt) {
    this.system = system;
    this.store = store;
    this.startedAt = startedAt;
  }

  public Route routes() {
    return path("health", () -> get(() -> {
      MemberStatus member = Cluster.get(system).selfMember().status();
      boolean up = member == MemberStatus.up();
      long uptime = Duration.between(startedAt, Instant.now()).toSeconds();
      return complete(Responses.json(
          up ? StatusCodes.OK : StatusCodes.SERVICE_UNAVAILABLE,
          new Health(up ? "UP" : "STARTING", store, member.toString(), startedAt, uptime)));
    }));
  }
}
