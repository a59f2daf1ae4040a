package io.liftguard.api.http;

import static org.apache.pekko.http.javadsl.server.Directives.completeWithFuture;
import static org.apache.pekko.http.javadsl.server.Directives.entity;
import static org.apache.pekko.http.javadsl.server.Directives.withSizeLimit;

import io.liftguard.twin.domain.ElevatorId;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;

/** Small helpers every routes class uses: bodies as text within a size limit, validated ids and numbers. */
public final class RouteSupport {
  private RouteSupport() {}

  /** Reads the body as text (at most {@code limit} bytes) and completes with {@code handler}'s response. */
  public static Route body(long limit, Function<String, CompletionStage<HttpResponse>> handler) {
    return withSizeLimit(limit, () -> entity(Unmarshaller.entityToString(), text -> safely(() -> handler.apply(text))));
  }

  /** Completes with {@code work}, turning an exception thrown while building it into a JSON error. */
  public static Route safely(Supplier<CompletionStage<HttpResponse>> work) {
    CompletionStage<HttpResponse> response;
    try {
      response = work.get();
    } catch (RuntimeException e) {
      response = CompletableFuture.completedFuture(Responses.fromFailure(e));
    }
    return completeWithFuture(response);
  }

  /** The elevator id from a path, or a 400 naming what is wrong with it. */
  public static String elevatorId(String raw) {
    ElevatorId.problem(raw).ifPresent(p -> {
      throw ApiException.badRequest(p.replace("registrationCode", "elevator id"));
    });
    return raw;
  }

  /** Ids the platform's own records carry (policies, claims, rescue cases): 1-160 letters, digits, '.', '_' or '-'. */
  public static final Pattern RECORD_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,159}");

  /** A record id from a path or a body, or a 400 naming {@code what}. */
  public static String recordId(String raw, String what) {
    if (raw == null || !RECORD_ID.matcher(raw).matches()) {
      throw ApiException.badRequest(what + " must be 1-160 letters, digits, '.', '_' or '-'");
    }
    return raw;
  }

  /** An integer query parameter within [min, max], {@code fallback} when absent. */
  public static long number(Optional<String> raw, String name, long fallback, long min, long max) {
    if (raw.isEmpty()) {
      return fallback;
    }
    long v;
    try {
      v = Long.parseLong(raw.get().trim());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("query parameter '" + name + "' must be an integer, not '" + raw.get() + "'");
    }
    if (v < min || v > max) {
      throw ApiException.badRequest("query parameter '" + name + "' = " + v + " must be within [" + min + ", " + max + "]");
    }
    return v;
  }
}
