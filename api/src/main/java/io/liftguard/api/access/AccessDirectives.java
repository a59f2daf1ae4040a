package io.liftguard.api.access;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.extractRequest;
import static org.apache.pekko.http.javadsl.server.Directives.optionalHeaderValueByName;

import io.liftguard.api.http.RequestMetrics;
import io.liftguard.api.http.Responses;
import io.liftguard.twin.domain.access.Principal;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Authentication and rate limiting in front of every protected route: 401 without a valid bearer
 * token, 429 with {@code Retry-After} past the caller's rate. Runs before the body is read.
 */
public final class AccessDirectives {
  private final TokenService tokens;
  private final RateLimiter limiter;

  public AccessDirectives(TokenService tokens, RateLimiter limiter) {
    this.tokens = tokens;
    this.limiter = limiter;
  }

  public Route authenticated(Function<Principal, Route> inner) {
    return extractRequest(
        request ->
            optionalHeaderValueByName(
                "Authorization",
                header -> {
                  if (header.isEmpty()) {
                    return complete(
                        unauthorized(
                            "authentication required: send 'Authorization: Bearer <token>'", null));
                  }
                  String value = header.get().trim();
                  if (value.length() < 8 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
                    return complete(
                        unauthorized(
                            "the Authorization header must be 'Bearer <token>'",
                            "invalid_request"));
                  }
                  Principal principal;
                  try {
                    principal = tokens.verify(value.substring(7).trim());
                  } catch (TokenService.InvalidTokenException e) {
                    return complete(unauthorized(e.getMessage(), "invalid_token"));
                  }
                  request
                      .getAttribute(RequestMetrics.PRINCIPAL)
                      .ifPresent(holder -> holder.set(principal.id()));
                  OptionalLong wait = limiter.tryAcquire(principal.id());
                  if (wait.isPresent()) {
                    return complete(
                        Responses.retryAfter(
                            Responses.error(
                                StatusCodes.TOO_MANY_REQUESTS,
                                "rate_limited",
                                "principal '"
                                    + principal.id()
                                    + "' is over its request rate; retry after "
                                    + wait.getAsLong()
                                    + " s",
                                List.of()),
                            Duration.ofSeconds(wait.getAsLong())));
                  }
                  return inner.apply(principal);
                }));
  }

  private static HttpResponse unauthorized(String message, String error) {
    String challenge =
        error == null
            ? "Bearer realm=\"liftguard\""
            : "Bearer realm=\"liftguard\", error=\"" + error + "\"";
    return Responses.error(StatusCodes.UNAUTHORIZED, "unauthorized", message, List.of())
        .addHeader(RawHeader.create("WWW-Authenticate", challenge));
  }
}
