package io.liftguard.api.http;

import static org.apache.pekko.http.javadsl.server.Directives.completeWithFuture;
import static org.apache.pekko.http.javadsl.server.Directives.entity;
import static org.apache.pekko.http.javadsl.server.Directives.withSizeLimit;

import io.liftguard.regulation.domain.Area;
import io.liftguard.twin.domain.ElevatorId;
import io.liftguard.twin.domain.access.Principal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;

/**
 * Small helpers every routes class uses: bodies as text within a size limit, validated ids and
 * numbers.
 */
public final class RouteSupport {
  private RouteSupport() {}

  /**
   * Reads the body as text (at most {@code limit} bytes) and completes with {@code handler}'s
   * response.
   */
  public static Route body(long limit, Function<String, CompletionStage<HttpResponse>> handler) {
    return withSizeLimit(
        limit,
        () -> entity(Unmarshaller.entityToString(), text -> safely(() -> handler.apply(text))));
  }

  /**
   * Completes with {@code work}, turning an exception thrown while building it into a JSON error.
   */
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
    ElevatorId.problem(raw)
        .ifPresent(
            p -> {
              throw ApiException.badRequest(p.replace("registrationCode", "elevator id"));
            });
    return raw;
  }

  /**
   * Ids the platform's own records carry (policies, claims, rescue cases): 1-160 letters, digits,
   * '.', '_' or '-'.
   */
  public static final Pattern RECORD_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,159}");

  /** A record id from a path or a body, or a 400 naming {@code what}. */
  public static String recordId(String raw, String what) {
    if (raw == null || !RECORD_ID.matcher(raw).matches()) {
      throw ApiException.badRequest(what + " must be 1-160 letters, digits, '.', '_' or '-'");
    }
    return raw;
  }

  /**
   * A date query parameter (yyyy-mm-dd) within {@link EdgeBounds}, {@code fallback} when absent;
   * else a 400.
   */
  public static LocalDate date(String raw, String name, LocalDate fallback) {
    if (raw == null) {
      return fallback;
    }
    LocalDate d;
    try {
      d = LocalDate.parse(raw.trim());
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          "query parameter '" + name + "' = '" + raw + "' is not a date (yyyy-mm-dd)");
    }
    return bounded(d, name);
  }

  /**
   * A month query parameter (yyyy-mm) within {@link EdgeBounds}, {@code fallback} when absent; else
   * a 400.
   */
  public static YearMonth month(Optional<String> raw, String name, YearMonth fallback) {
    if (raw.isEmpty()) {
      return fallback;
    }
    YearMonth m;
    try {
      m = YearMonth.parse(raw.get().trim());
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          "query parameter '" + name + "' must be yyyy-mm, e.g. 2026-11, not '" + raw.get() + "'");
    }
    return bounded(m, name);
  }

  private static <T> T bounded(T value, String name) {
    EdgeBounds.problem(value)
        .ifPresent(
            p -> {
              throw ApiException.badRequest("query parameter '" + name + "': " + p);
            });
    return value;
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
      throw ApiException.badRequest(
          "query parameter '" + name + "' must be an integer, not '" + raw.get() + "'");
    }
    if (v < min || v > max) {
      throw ApiException.badRequest(
          "query parameter '" + name + "' = " + v + " must be within [" + min + ", " + max + "]");
    }
    return v;
  }

  /**
   * The area named by {@code ?scope=&id=} (by default the caller's own: a district regulator's
   * district, else the city), or a 400 naming the problem; a 403 when {@code p} may not read {@code
   * what} of it.
   */
  public static Area area(Principal p, Optional<String> scope, Optional<String> id, String what) {
    Area area = anyArea(p, scope, id);
    if (!area.readableBy(p)) {
      throw new ApiException(
          StatusCodes.FORBIDDEN,
          "forbidden",
          "principal '"
              + p.id()
              + "' ("
              + p.role().wireName()
              + ") may not read the "
              + what
              + " of "
              + area.level().name().toLowerCase(Locale.ROOT)
              + (area.district() == null ? "" : " " + area.district()),
          List.of());
    }
    return area;
  }

  /**
   * The area named by {@code ?scope=&id=} (the caller's own by default), or a 400: for what anyone
   * may read.
   */
  public static Area anyArea(Principal p, Optional<String> scope, Optional<String> id) {
    try {
      return Area.parse(scope.orElse(null), id.orElse(null), Area.of(p));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }

  /** An enum query parameter (case-insensitive), null when absent, or a 400 listing the values. */
  public static <E extends Enum<E>> E choice(Optional<String> raw, String name, Class<E> type) {
    if (raw.isEmpty()) {
      return null;
    }
    try {
      return Enum.valueOf(type, raw.get().trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(
          "query parameter '"
              + name
              + "' = '"
              + raw.get()
              + "' is not one of "
              + Arrays.stream(type.getEnumConstants())
                  .map(c -> c.name().toLowerCase(Locale.ROOT))
                  .toList());
    }
  }
}
