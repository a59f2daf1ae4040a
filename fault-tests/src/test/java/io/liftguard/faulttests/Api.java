package io.liftguard.faulttests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The checker's own HTTP client for the platform: written against the documented API (README),
 * sharing no code with the platform. Every call goes to 127.0.0.1.
 */
final class Api {
  static final ObjectMapper JSON = new ObjectMapper();

  /**
   * An HTTP answer; {@code status} is -1 when no answer came (connection refused or reset,
   * timeout).
   */
  record Answer(int status, JsonNode body, String retryAfter, String failure) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final String base;
  private final String token;

  Api(String base, String token) {
    this.base = base;
    this.token = token;
  }

  Api as(String otherToken) {
    return new Api(base, otherToken);
  }

  Api at(String otherBase) {
    return new Api(otherBase, token);
  }

  int healthStatus() {
    return get("/health").status();
  }

  Answer get(String path) {
    return send(request(path).GET());
  }

  Answer post(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Registers {@code ids} in one all-or-nothing import. */
  void register(List<String> ids, String district) {
    List<String> rows = new ArrayList<>();
    for (String id : ids) {
      rows.add(
          """
          {"registrationCode":"%s","district":"%s","street":"Jijiang","address":"1 Fault Test Road",
           "buildingType":"RESIDENTIAL","manufacturer":"Otis","model":"GeN2","driveType":"TRACTION","brakeType":"DISC",
           "ratedLoadKg":1000,"ratedSpeedMps":1.5,"floorsServed":18,"installationDate":"2012-06-01",
           "usingUnit":"Fault Test Estate","maintenanceCompany":"Yongan Lift Service","insurer":"PICC Chongqing",
           "hasPropertyManagement":true,"hasMaintenanceCompany":true,"hasRepairFund":true}
          """
              .formatted(id, district));
    }
    Answer a = post("/api/v1/elevators/import", "[" + String.join(",", rows) + "]");
    if (a.status() != 200) {
      throw new IllegalStateException("import failed: " + a);
    }
  }

  /** A passenger alarm with the reporter's own {@code eventId} (the idempotency key). */
  Answer reportAlarm(String elevatorId, String eventId) {
    return post(
        "/api/v1/elevators/" + elevatorId + "/events",
        """
        {"eventId":"%s","type":"PASSENGER_ALARM","phase":"RAISED","occurredAt":"%s","detail":"fault test"}
        """
            .formatted(eventId, Instant.now()));
  }

  /**
   * How often each reporter {@code eventId} occurs in the elevator's persisted history, read back
   * page by page through {@code GET /api/v1/elevators/{id}/history}.
   */
  Map<String, Integer> journalEventIds(String elevatorId) {
    Map<String, Integer> counts = new HashMap<>();
    long from = 1;
    while (true) {
      Answer page =
          get("/api/v1/elevators/" + elevatorId + "/history?from=" + from + "&limit=1000");
      if (page.status() != 200) {
        throw new IllegalStateException("history of " + elevatorId + " from " + from + ": " + page);
      }
      for (JsonNode entry : page.body().get("events")) {
        JsonNode id = entry.get("event").get("eventId");
        if (id != null && !id.isNull()) {
          counts.merge(id.asText(), 1, Integer::sum);
        }
      }
      JsonNode next = page.body().get("nextFrom");
      if (next == null || next.isNull()) {
        return counts;
      }
      from = next.asLong();
    }
  }

  /**
   * Every persisted event of the elevator, oldest first, as {@code GET
   * /api/v1/elevators/{id}/history} lists them.
   */
  List<JsonNode> history(String elevatorId) {
    List<JsonNode> events = new ArrayList<>();
    long from = 1;
    while (true) {
      Answer page =
          get("/api/v1/elevators/" + elevatorId + "/history?from=" + from + "&limit=1000");
      if (page.status() != 200) {
        throw new IllegalStateException("history of " + elevatorId + " from " + from + ": " + page);
      }
      page.body().get("events").forEach(entry -> events.add(entry.get("event")));
      JsonNode next = page.body().get("nextFrom");
      if (next == null || next.isNull()) {
        return events;
      }
      from = next.asLong();
    }
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
    return token == null ? b : b.header("Authorization", "Bearer " + token);
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode body = null;
      if (!r.body().isEmpty()) {
        try {
          body = JSON.readTree(r.body());
        } catch (IOException notJson) {
          body = JSON.getNodeFactory().textNode(r.body());
        }
      }
      return new Answer(
          r.statusCode(), body, r.headers().firstValue("Retry-After").orElse(null), null);
    } catch (IOException e) {
      return new Answer(-1, null, null, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(-1, null, null, e.toString());
    }
  }
}
