package io.liftguard.api.http;

import io.liftguard.api.dto.ErrorBody;
import io.liftguard.kernel.domain.Rejection;
import io.liftguard.kernel.entity.RejectedException;
import io.liftguard.kernel.store.StoreUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.RejectionHandler;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** JSON responses, and the one place where failures become HTTP statuses. */
public final class Responses {
  private static final Logger log = LoggerFactory.getLogger(Responses.class);

  private Responses() {}

  public static HttpResponse json(StatusCode status, Object body) {
    return HttpResponse.create()
        .withStatus(status)
        .withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, Json.write(body)));
  }

  public static HttpResponse error(
      StatusCode status, String error, String message, List<String> details) {
    return json(status, new ErrorBody(error, message, details));
  }

  /** Completes {@code work} as a response, mapping every failure to a JSON error. */
  public static <T> CompletionStage<HttpResponse> respond(
      CompletionStage<T> work, Function<T, HttpResponse> onSuccess) {
    return work.handle(
        (value, failure) -> failure == null ? onSuccess.apply(value) : fromFailure(failure));
  }

  public static HttpResponse fromFailure(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException
            || t instanceof java.util.concurrent.ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof ApiException a) {
      return error(a.status(), a.error(), a.getMessage(), a.details());
    }
    if (t instanceof RejectedException r) {
      return fromRejection(r.rejection());
    }
    if (t instanceof EntityStreamSizeException s) {
      return error(
          StatusCodes.PAYLOAD_TOO_LARGE,
          "payload_too_large",
          "request body exceeds the limit of " + s.limit() + " bytes",
          List.of());
    }
    if (t instanceof StoreUnavailableException s) {
      String message =
          s.outcomeUnknown()
              ? "the store stopped answering while this request was being recorded: it may or may"
                  + " not have been recorded; retry it (a retry with the same reporter id is"
                  + " recognised)"
              : "the store has not answered since "
                  + s.status().since()
                  + ": nothing was recorded, retry later";
      return retryAfter(
          error(StatusCodes.SERVICE_UNAVAILABLE, "store_unavailable", message, List.of()),
          s.retryAfter());
    }
    if (t instanceof TimeoutException) {
      log.warn("request timed out: {}", t.getMessage());
      return retryAfter(
          error(
              StatusCodes.SERVICE_UNAVAILABLE,
              "timeout",
              "the platform did not answer in time; the request may or may not have been applied,"
                  + " retry it",
              List.of()),
          Duration.ofSeconds(1));
    }
    log.error("request failed", t);
    return error(
        StatusCodes.INTERNAL_SERVER_ERROR,
        "internal_error",
        "internal error: " + t.getClass().getSimpleName(),
        List.of());
  }

  /** Adds {@code Retry-After} in whole seconds, at least one. */
  public static HttpResponse retryAfter(HttpResponse response, Duration wait) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    return response.addHeader(RawHeader.create("Retry-After", Long.toString(seconds)));
  }

  public static HttpResponse fromRejection(Rejection r) {
    return switch (r.code()) {
      case INVALID -> error(StatusCodes.BAD_REQUEST, "invalid_input", r.message(), r.details());
      case NOT_REGISTERED -> error(StatusCodes.NOT_FOUND, "not_found", r.message(), List.of());
      case CONFLICT -> error(StatusCodes.CONFLICT, "conflict", r.message(), r.details());
    };
  }

  /**
   * Pekko HTTP's own rejections (no route, wrong method, body too large...) answered as JSON
   * errors.
   */
  public static RejectionHandler rejectionHandler() {
    return RejectionHandler.defaultHandler()
        .mapRejectionResponse(
            response -> {
              if (response.entity().getContentType().equals(ContentTypes.APPLICATION_JSON)) {
                return response;
              }
              String text =
                  response.entity() instanceof HttpEntity.Strict strict
                      ? strict.getData().utf8String()
                      : response.status().reason();
              String code = response.status().reason().toLowerCase().replace(' ', '_');
              return response.withEntity(
                  HttpEntities.create(
                      ContentTypes.APPLICATION_JSON,
                      Json.write(new ErrorBody(code, text, List.of()))));
            });
  }
}
