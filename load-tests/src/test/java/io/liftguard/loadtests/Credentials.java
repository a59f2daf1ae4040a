package io.liftguard.loadtests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issues load-test credentials through the platform's {@code POST /api/v1/credentials}, with the
 * admin token given as {@code -DadminToken}. Shared by the simulations so each virtual gateway or
 * client is its own principal.
 */
final class Credentials {
  private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");

  private final String baseUrl;
  private final String adminToken;
  private final HttpClient client = HttpClient.newHttpClient();

  Credentials(String baseUrl, String adminToken) {
    if (adminToken.isBlank()) {
      throw new IllegalStateException(
          "set -DadminToken=... (java -jar api/target/liftguard.jar mint-token --role admin --id"
              + " loadtest)");
    }
    this.baseUrl = baseUrl;
    this.adminToken = adminToken;
  }

  /** A one-day token for {@code principalJson} ({"id":...,"role":...,"scope":{...}}). */
  String issue(String principalJson) {
    try {
      HttpResponse<String> r =
          client.send(
              HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/credentials"))
                  .header("Authorization", "Bearer " + adminToken)
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"principal\":" + principalJson + ",\"ttlDays\":1}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      Matcher m = TOKEN.matcher(r.body());
      if (r.statusCode() != 201 || !m.find()) {
        throw new IllegalStateException(
            "issuing a load-test credential failed: " + r.statusCode() + " " + r.body());
      }
      return m.group(1);
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException("cannot reach " + baseUrl, e);
    }
  }
}
