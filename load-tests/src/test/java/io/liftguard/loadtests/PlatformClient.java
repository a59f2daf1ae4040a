package io.liftguard.loadtests;

import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the simulations share: their Gatling protocol, and the plain HTTP calls they make outside
 * the measured load (set-up and checks): registering a fleet through import jobs, reading an
 * answer. Any answer other than 2xx fails the simulation.
 */
final class PlatformClient {
  private static final Pattern JOB = Pattern.compile("\"jobId\":\"([^\"]+)\"");
  private static final Pattern DONE = Pattern.compile("\"done\":(\\d+)");

  private final String baseUrl;
  private final HttpClient client = HttpClient.newHttpClient();

  /**
   * The simulations' HTTP protocol: JSON both ways, connections shared by the virtual users like a
   * gateway's pool.
   */
  static HttpProtocolBuilder protocol(String baseUrl) {
    return http.baseUrl(baseUrl)
        .contentTypeHeader("application/json")
        .acceptHeader("application/json")
        .shareConnections();
  }

  /**
   * A register entry (JSON object) for a simulation's fleet: a residential traction elevator in
   * service, maintained and insured; the simulation gives what it varies.
   */
  static String registerRow(
      String id,
      String district,
      String address,
      String usingUnit,
      String insurer,
      String brakeType,
      int installationYear) {
    return """
    {"registrationCode":"%s","district":"%s","address":"%s","buildingType":"RESIDENTIAL",
     "manufacturer":"Otis","model":"GeN2","driveType":"TRACTION","brakeType":"%s","ratedLoadKg":1000,
     "ratedSpeedMps":1.75,"floorsServed":18,"installationDate":"%d-06-01","usingUnit":"%s",
     "maintenanceCompany":"Yongan Lift Service","insurer":"%s","hasPropertyManagement":true,
     "hasMaintenanceCompany":true,"hasRepairFund":true,"nextInspectionDue":"2027-06-01",
     "lastMaintenanceDate":"2026-11-15"}\
    """
        .formatted(id, district, address, brakeType, installationYear, usingUnit, insurer);
  }

  /** A Gatling feeder that never runs dry: each virtual user gets {@code next.get()}. */
  static Iterator<Map<String, Object>> endless(Supplier<Map<String, Object>> next) {
    return Stream.generate(next).iterator();
  }

  PlatformClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /**
   * Registers elevators {@code 0..count-1} ({@code row} gives each one's register entry as a JSON
   * object) with import jobs of at most {@code chunk} rows, printing progress; returns the seconds
   * it took.
   */
  double register(String token, int count, int chunk, IntFunction<String> row) {
    long t0 = System.nanoTime();
    for (int from = 0; from < count; from += chunk) {
      StringBuilder rows = new StringBuilder("[");
      for (int n = from; n < Math.min(count, from + chunk); n++) {
        rows.append(n == from ? "" : ",").append(row.apply(n));
      }
      Matcher job =
          JOB.matcher(send("POST", "/api/v1/elevators/import", token, rows.append(']').toString()));
      if (job.find()) { // above the synchronous limit: a job, followed until it is done
        String path = "/api/v1/imports/" + job.group(1);
        String status;
        while (!(status = send("GET", path, token, null)).contains("\"status\":\"DONE\"")) {
          Matcher done = DONE.matcher(status);
          System.out.printf(
              "  registering: %d of %d%n",
              from + (done.find() ? Integer.parseInt(done.group(1)) : 0), count);
          sleep(2000);
        }
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        "registered %d elevators in %.1f s (%.0f/s)%n", count, seconds, count / seconds);
    return seconds;
  }

  /** The body of a 2xx answer; anything else throws. */
  String send(String method, String path, String token, String body) {
    try {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(baseUrl + path))
              .header("Authorization", "Bearer " + token)
              .timeout(Duration.ofSeconds(120));
      if (body != null) {
        b.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body));
      } else {
        b.method(method, HttpRequest.BodyPublishers.noBody());
      }
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() >= 300) {
        throw new IllegalStateException(
            method + " " + path + " answered " + r.statusCode() + ": " + r.body());
      }
      return r.body();
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException("cannot reach " + baseUrl, e);
    }
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
