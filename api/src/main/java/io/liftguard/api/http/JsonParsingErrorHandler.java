package io.liftguard.api.http;

import java.util.List;
import java.util.Locale;
import org.apache.pekko.event.LoggingAdapter;
import org.apache.pekko.http.ParsingErrorHandler;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.scaladsl.model.ErrorInfo;
import org.apache.pekko.http.scaladsl.model.StatusCode;
import org.apache.pekko.http.scaladsl.settings.ServerSettings;

/**
 * Answers a request the HTTP layer cannot even parse (a URI over the limit: 414, headers over it:
 * 431, a CR in a header or Content-Length beside chunked transfer: 400) with the API's JSON error,
 * like every other error, instead of Pekko HTTP's plain text. Configured as {@code
 * pekko.http.server.parsing.error-handler} (application.conf).
 */
public final class JsonParsingErrorHandler extends ParsingErrorHandler {
  @Override
  public HttpResponse handle(
      StatusCode status, ErrorInfo info, LoggingAdapter log, ServerSettings settings) {
    log.debug("Illegal request, responding with status '{}': {}", status, info.formatPretty());
    String error = status.reason().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    return Responses.error(status, error, info.summary(), List.of());
  }
}
