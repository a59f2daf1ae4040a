package io.liftguard.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liftguard.api.http.OpenApiDocument;
import io.liftguard.twin.TestNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document against the running server, both ways: every described operation is answered
 * (never "no route" or "method not allowed") with one of its documented statuses, errors in the
 * documented body; and every route the server answers is described, with exactly the methods it
 * allows. The server's routes are found by asking it: a PATCH (a method the API does not use) to a
 * path a route matches is refused 405 naming the methods that route allows; to any other path, 404.
 * It is asked for every described path, and for every prefix of one followed by each literal path
 * segment the route classes use and by an id.
 */
class OpenApiContractIntegrationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Pekko HTTP's own answer to a path no route matches (kept as the message of our JSON 404). */
  private static final String NO_ROUTE = "The requested resource could not be found.";

  private static final String ID = "X-1";

  @TempDir static Path dataDir;
  private static RunningPlatform api;
  private static JsonNode contract;

  @BeforeAll
  static void up() throws Exception {
    api =
        new RunningPlatform(
            TestNode.h2(dataDir.toString()),
            Map.of(
                "liftguard.auth.rate-limit.per-second",
                100_000,
                "liftguard.auth.rate-limit.burst",
                100_000),
            Clock.systemUTC());
    contract = OpenApiDocument.load().tree();
  }

  @AfterAll
  static void down() throws Exception {
    api.close();
  }

  /**
   * The status and, for a JSON answer, its body; at most 64 KB is read (the warning stream never
   * ends).
   */
  private record Reply(int status, String allow, JsonNode body) {}

  private static Reply send(String method, String path, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(api.base + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + api.adminToken)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    HttpResponse<InputStream> r =
        java.net.http.HttpClient.newHttpClient()
            .send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    JsonNode json = null;
    try (InputStream in = r.body()) {
      if (r.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
        json =
            JSON.readTree(
                new String(
                    in.readNBytes(1 << 20),
                    StandardCharsets.UTF_8)); // not an event stream's endless body
      }
    }
    return new Reply(r.statusCode(), r.headers().firstValue("Allow").orElse(""), json);
  }

  private static List<String> fields(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** The described methods of each path template, upper case. */
  private static Map<String, Set<String>> described() {
    Map<String, Set<String>> methods = new TreeMap<>();
    for (String path : fields(contract.get("paths"))) {
      Set<String> m = new TreeSet<>();
      fields(contract.get("paths").get(path)).forEach(f -> m.add(f.toUpperCase(Locale.ROOT)));
      methods.put(path, m);
    }
    return methods;
  }

  private static String concrete(String template) {
    return template.replaceAll("\\{[^}]+}", ID);
  }

  private static void assertErrorBody(String what, Reply r) {
    assertTrue(r.body() != null && r.body().isObject(), what + ": an error without a JSON body");
    assertEquals(
        Set.of("error", "message", "details"),
        new TreeSet<>(fields(r.body())),
        what + ": " + r.body());
    assertTrue(r.body().get("details").isArray(), what + ": " + r.body());
  }

  @Test
  void theServedDocumentIsTheOneInTheRepository() throws Exception {
    Reply served = send("GET", "/api/v1/openapi.json", null);
    assertEquals(200, served.status());
    assertEquals(contract, served.body());
  }

  @Test
  void everyDescribedOperationIsAnsweredWithADocumentedStatusAndErrorBody() throws Exception {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, Set<String>> path : described().entrySet()) {
      for (String method : path.getValue()) {
        JsonNode operation =
            contract.get("paths").get(path.getKey()).get(method.toLowerCase(Locale.ROOT));
        String what = method + " " + path.getKey();
        Reply r = send(method, concrete(path.getKey()), method.equals("POST") ? "{}" : null);
        boolean noRoute =
            r.status() == 404
                && r.body() != null
                && NO_ROUTE.equals(r.body().path("message").asText());
        if (r.status() == 405 || noRoute) {
          problems.add(what + ": no route answers it (" + r.status() + ")");
        } else if (!operation.get("responses").has(Integer.toString(r.status()))) {
          problems.add(
              what
                  + ": answered "
                  + r.status()
                  + ", documented "
                  + fields(operation.get("responses"))
                  + " "
                  + r.body());
        } else if (r.status() >= 400) {
          assertErrorBody(what, r);
        }
      }
    }
    assertEquals(List.of(), problems, String.join("\n", problems));
  }

  @Test
  void everyRouteTheServerAnswersIsDescribedWithTheMethodsItAllows() throws Exception {
    Map<String, Set<String>> described = described();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, Set<String>> path : described.entrySet()) {
      Reply r = send("PATCH", concrete(path.getKey()), null);
      Set<String> allowed = allowed(r);
      if (r.status() != 405 || !allowed.equals(describedFor(described, concrete(path.getKey())))) {
        problems.add(
            path.getKey()
                + ": described "
                + path.getValue()
                + ", the server allows "
                + allowed
                + " ("
                + r.status()
                + ")");
      }
    }
    Set<String> bases = new LinkedHashSet<>(List.of(""));
    for (String template : described.keySet()) {
      String[] segments = concrete(template).substring(1).split("/");
      for (int n = 1; n <= segments.length; n++) {
        bases.add("/" + String.join("/", List.of(segments).subList(0, n)));
      }
    }
    Set<String> segments = new TreeSet<>(literalSegments());
    segments.add(ID);
    int probes = 0;
    for (String base : bases) {
      for (String segment : segments) {
        String probe = base + "/" + segment;
        if (probe.startsWith("/pages") || described.containsKey(probe)) {
          continue; // the pages are not the API (PageRoutes); described paths were asked above
        }
        probes++;
        Reply r = send("PATCH", probe, null);
        if (r.status() == 405) {
          Set<String> documented = describedFor(described, probe);
          if (!documented.containsAll(allowed(r))) {
            problems.add(probe + ": the server allows " + allowed(r) + ", described " + documented);
          }
        } else if (r.status() != 404) {
          problems.add(probe + ": PATCH answered " + r.status() + " " + r.body());
        }
      }
    }
    assertTrue(probes > 1000, "probes: " + probes);
    assertEquals(List.of(), problems);
  }

  /**
   * The methods described for every template {@code path} falls under ({@code
   * /api/v1/elevators/import} is also {@code /api/v1/elevators/{id}}: Pekko matches a segment to
   * any text).
   */
  private static Set<String> describedFor(Map<String, Set<String>> described, String path) {
    String[] parts = path.substring(1).split("/");
    Set<String> methods = new TreeSet<>();
    for (Map.Entry<String, Set<String>> t : described.entrySet()) {
      String[] template = t.getKey().substring(1).split("/");
      boolean matches = template.length == parts.length;
      for (int i = 0; matches && i < parts.length; i++) {
        matches = template[i].startsWith("{") || template[i].equals(parts[i]);
      }
      if (matches) {
        methods.addAll(t.getValue());
      }
    }
    return methods;
  }

  private static Set<String> allowed(Reply r) {
    return Stream.of(r.allow().split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * Every literal path segment the route classes match: {@code path("x")}, {@code pathPrefix("x")},
   * {@code segment("x")}.
   */
  private static Set<String> literalSegments() throws IOException {
    Pattern literal = Pattern.compile("(?:path|pathPrefix|segment)\\(\"([^\"]+)\"");
    Set<String> found = new TreeSet<>();
    try (Stream<Path> files = Files.list(Path.of("src/main/java/io/liftguard/api/routes"))) {
      for (Path file : files.toList()) {
        Matcher m = literal.matcher(Files.readString(file));
        while (m.find()) {
          found.add(m.group(1));
        }
      }
    }
    List<String> expected =
        List.of("api", "v1", "elevators", "telemetry", "permissions", "check", "openapi.json");
    assertTrue(found.containsAll(expected), found.toString());
    return found;
  }
}
