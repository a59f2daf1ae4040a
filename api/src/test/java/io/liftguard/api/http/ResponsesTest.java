package io.liftguard.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.liftguard.kernel.store.StoreHealth;
import io.liftguard.kernel.store.StoreUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.junit.jupiter.api.Test;

class ResponsesTest {
  private static final StoreHealth.Status DOWN =
      new StoreHealth.Status(false, Instant.parse("2026-11-25T08:00:00Z"));

  @Test
  void aStoreOutageIsA503WithRetryAfterInWholeSeconds() throws Exception {
    HttpResponse r =
        Responses.fromFailure(
            new CompletionException(
                new StoreUnavailableException(DOWN, false, Duration.ofMillis(1500))));
    assertEquals(503, r.status().intValue());
    assertEquals("2", r.getHeader("Retry-After").orElseThrow().value());
    JsonNode body = body(r);
    assertEquals("store_unavailable", body.get("error").asText());
    assertTrue(body.get("message").asText().contains("nothing was recorded"), body.toString());
  }

  @Test
  void aWriteCaughtByTheOutageSaysItsOutcomeIsUnknown() throws Exception {
    HttpResponse r =
        Responses.fromFailure(new StoreUnavailableException(DOWN, true, Duration.ofSeconds(2)));
    assertEquals(503, r.status().intValue());
    assertTrue(body(r).get("message").asText().contains("may or may not have been recorded"));
  }

  @Test
  void aTimeoutIsA503WithRetryAfter() {
    HttpResponse r = Responses.fromFailure(new TimeoutException("ask timed out"));
    assertEquals(503, r.status().intValue());
    assertEquals("1", r.getHeader("Retry-After").orElseThrow().value());
  }

  private static JsonNode body(HttpResponse r) throws Exception {
    return Json.MAPPER.readTree(((HttpEntity.Strict) r.entity()).getData().utf8String());
  }
}
