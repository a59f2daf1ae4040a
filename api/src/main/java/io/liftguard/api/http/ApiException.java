package io.liftguard.api.http;

import java.util.List;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;

/** A request the API refuses, with the status and the JSON error it answers. */
public final class ApiException extends RuntimeException {
  private final StatusCode status;
  private final String error;
  private final List<String> details;

  public ApiException(StatusCode status, String error, String message, List<String> details) {
    super(message, null, false, false);
    this.status = status;
    this.error = error;
    this.details = List.copyOf(details);
  }

  public static ApiException badRequest(String message) {
    return new ApiException(StatusCodes.BAD_REQUEST, "invalid_request", message, List.of());
  }

  public static ApiException invalid(List<String> problems) {
    return new ApiException(
        StatusCodes.BAD_REQUEST, "invalid_input", String.join("; ", problems), problems);
  }

  public StatusCode status() {
    return status;
  }

  public String error() {
    return error;
  }

  public List<String> details() {
    return details;
  }
}
