package io.liftguard.api.routes;

import static io.liftguard.api.http.RouteSupport.body;
import static io.liftguard.api.http.RouteSupport.elevatorId;
import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathEnd;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;
import static org.apache.pekko.http.javadsl.server.Directives.post;

import io.liftguard.api.ApiSettings;
import io.liftguard.api.access.Access;
import io.liftguard.api.access.AuthSettings;
import io.liftguard.api.access.TokenService;
import io.liftguard.api.http.ApiException;
import io.liftguard.api.http.Json;
import io.liftguard.api.http.Responses;
import io.liftguard.kernel.domain.Rejection;
import io.liftguard.kernel.entity.RejectedException;
import io.liftguard.twin.ElevatorFleet;
import io.liftguard.twin.domain.access.AccessPolicy;
import io.liftguard.twin.domain.access.Action;
import io.liftguard.twin.domain.access.ElevatorScope;
import io.liftguard.twin.domain.access.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Credentials and permission checks: {@code POST /api/v1/credentials} (admin: issue a token for a
 * principal), {@code GET /api/v1/credentials/me} (who am I), {@code POST /api/v1/permissions/check}
 * (may P do A on E?).
 */
public final class AccessRoutes {
  /** A request for a token. {@code ttlDays} defaults to liftguard.auth.default-ttl. */
  public record CredentialRequest(Principal principal, Integer ttlDays) {}

  /** An issued token. */
  public record Credential(Principal principal, String token, Instant expiresAt) {}

  /** "May {@code principal} (default: the caller) do {@code action} on {@code elevatorId}?" */
  public record PermissionQuery(Principal principal, Action action, String elevatorId) {}

  /**
   * The answer: {@code status} is what the API would answer that request with (200, 403 or 404).
   */
  public record PermissionAnswer(
      Principal principal,
      Action action,
      String elevatorId,
      boolean allowed,
      AccessPolicy.Outcome outcome,
      int status) {}

  private final ElevatorFleet fleet;
  private final TokenService tokens;
  private final AuthSettings auth;
  private final ApiSettings api;
  private final Clock clock;

  public AccessRoutes(
      ElevatorFleet fleet, TokenService tokens, AuthSettings auth, ApiSettings api, Clock clock) {
    this.fleet = fleet;
    this.tokens = tokens;
    this.auth = auth;
    this.api = api;
    this.clock = clock;
  }

  // spotless:off  the route tree keeps its hand layout: google-java-format stacks every nested lambda
  public Route routes(Principal caller) {
    return concat(
        pathPrefix("credentials", () -> concat(
            pathEnd(() -> post(() -> issue(caller))),
            path("me", () -> get(() -> complete(Responses.json(StatusCodes.OK, caller)))))),
        path(segmentsPermissionsCheck(), () -> post(() -> check(caller))));
  }
  // spotless:on

  private static org.apache.pekko.http.javadsl.server.PathMatcher0 segmentsPermissionsCheck() {
    return org.apache.pekko.http.javadsl.server.PathMatchers.segment("permissions")
        .slash(org.apache.pekko.http.javadsl.server.PathMatchers.segment("check"));
  }

  private Route issue(Principal caller) {
    return body(
        api.maxBodyBytes(),
        text -> {
          Access.require(caller, Action.MINT_CREDENTIALS);
          CredentialRequest request = Json.read(text, CredentialRequest.class);
          Principal p = request.principal();
          if (p == null) {
            throw ApiException.badRequest(
                "principal is required: {\"principal\":{\"id\":...,\"role\":...,\"scope\":{...}}}");
          }
          if (!p.problems().isEmpty()) {
            throw ApiException.invalid(p.problems());
          }
          Duration ttl =
              request.ttlDays() == null ? auth.defaultTtl() : Duration.ofDays(request.ttlDays());
          if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(auth.maxTtl()) > 0) {
            throw ApiException.badRequest(
                "ttlDays must be within [1, " + auth.maxTtl().toDays() + "]");
          }
          Credential c = new Credential(p, tokens.mint(p, ttl), clock.instant().plus(ttl));
          return CompletableFuture.completedFuture(Responses.json(StatusCodes.CREATED, c));
        });
  }

  private Route check(Principal caller) {
    return body(
        api.maxBodyBytes(),
        text -> {
          PermissionQuery q = Json.read(text, PermissionQuery.class);
          if (q.action() == null) {
            throw ApiException.badRequest("action is required; one of " + List.of(Action.values()));
          }
          Principal subject = q.principal() == null ? caller : q.principal();
          if (q.principal() != null && !q.principal().equals(caller)) {
            Access.require(caller, Action.CHECK_OTHERS);
            if (!subject.problems().isEmpty()) {
              throw ApiException.invalid(subject.problems());
            }
          }
          if (!q.action().isOnElevator()) {
            return CompletableFuture.completedFuture(
                Responses.json(
                    StatusCodes.OK,
                    answer(
                        subject,
                        q.action(),
                        q.elevatorId(),
                        AccessPolicy.decide(subject, q.action()))));
          }
          if (q.elevatorId() == null) {
            throw ApiException.badRequest("elevatorId is required for action " + q.action());
          }
          String id = elevatorId(q.elevatorId());
          // The caller must itself cover the elevator, or the answer would reveal that it exists.
          CompletionStage<PermissionAnswer> answer =
              fleet
                  .find(id)
                  .thenApply(
                      found -> {
                        ElevatorScope e =
                            found
                                .map(v -> ElevatorScope.of(v.state().register()))
                                .filter(scope -> AccessPolicy.covers(caller, scope))
                                .orElseThrow(
                                    () -> new RejectedException(Rejection.notRegistered(id)));
                        return answer(
                            subject, q.action(), id, AccessPolicy.decide(subject, q.action(), e));
                      });
          return Responses.respond(answer, a -> Responses.json(StatusCodes.OK, a));
        });
  }

  private static PermissionAnswer answer(
      Principal subject, Action action, String elevatorId, AccessPolicy.Outcome o) {
    return new PermissionAnswer(
        subject, action, elevatorId, o == AccessPolicy.Outcome.ALLOW, o, status(o));
  }

  private static int status(AccessPolicy.Outcome o) {
    return switch (o) {
      case ALLOW -> 200;
      case FORBIDDEN -> 403;
      case HIDDEN -> 404;
    };
  }
}
