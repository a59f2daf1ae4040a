package io.liftguard.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import io.liftguard.api.access.AuthSettings;
import io.liftguard.api.access.SecretStore;
import io.liftguard.api.access.TokenService;
import io.liftguard.kernel.store.LiftGuardConfig;
import io.liftguard.twin.domain.access.Principal;
import io.liftguard.twin.domain.access.Role;
import io.liftguard.twin.domain.access.Scope;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.ServerBinding;

/**
 * The whole platform (Guardian, store, HTTP) in this JVM on a free port, and a small JSON HTTP
 * client for it.
 */
final class RunningPlatform implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  /** A status with its JSON body. */
  record Answer(int status, JsonNode body, String raw) {}

  private final ActorSystem<Guardian.Message> system;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final String base;

  /** Issues tokens with the platform's own secret and settings. */
  final TokenService tokens;

  /** The token plain {@link #get}/{@link #post} send: an admin's. */
  final String adminToken;

  /** The platform's whole configuration (its stores, its settings). */
  final com.typesafe.config.Config config;

  RunningPlatform(Map<String, Object> store, Map<String, Object> extra, Clock clock)
      throws Exception {
    Map<String, Object> settings = new HashMap<>(store);
    settings.put("liftguard.api.port", 0);
    settings.put("liftguard.demo.enabled", false);
    if (!store.containsKey("liftguard.data-dir")) {
      settings.put("liftguard.data-dir", Files.createTempDirectory("liftguard-test").toString());
    }
    settings.put("pekko.remote.artery.canonical.port", 0);
    settings.put("pekko.coordinated-shutdown.exit-jvm", "off");
    settings.put("pekko.cluster.jmx.multi-mbeans-in-same-jvm", "on");
    settings.putAll(extra);
    config = LiftGuardConfig.load(ConfigFactory.parseMap(settings));
    CompletableFuture<ServerBinding> bound = new CompletableFuture<>();
    system = ActorSystem.create(Guardian.create(clock, bound::complete), "LiftGuard", config);
    ServerBinding binding = bound.get(60, TimeUnit.SECONDS);
    base = "http://127.0.0.1:" + binding.localAddress().getPort();
    AuthSettings auth = AuthSettings.fromConfig(config);
    tokens =
        new TokenService(
            SecretStore.resolve(auth, Path.of(config.getString("liftguard.data-dir"))),
            auth,
            clock);
    adminToken =
        tokens.mint(new Principal("test-admin", Role.ADMIN, Scope.NONE), Duration.ofDays(1));
  }

  Answer get(String path) throws Exception {
    return get(path, adminToken);
  }

  Answer get(String path, String token) throws Exception {
    return send(
        authorized(HttpRequest.newBuilder(URI.create(base + path)).GET(), token), null, null);
  }

  Answer post(String path, String body) throws Exception {
    return post(path, "application/json", body);
  }

  Answer post(String path, String contentType, String body) throws Exception {
    return postAs(adminToken, path, contentType, body);
  }

  Answer postAs(String token, String path, String contentType, String body) throws Exception {
    return send(
        authorized(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)),
            token),
        contentType,
        body);
  }

  /**
   * Waits until the read model lists every one of {@code ids} (it follows the journal by its
   * projection lag), so a test can query what it just wrote.
   */
  void awaitListed(String... ids) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    java.util.Set<String> wanted = new java.util.HashSet<>(List.of(ids));
    while (System.nanoTime() < deadline) {
      java.util.Set<String> listed = new java.util.HashSet<>();
      String after = null;
      do {
        Answer page =
            get("/api/v1/elevators?limit=1000" + (after == null ? "" : "&after=" + after));
        page.body().get("items").forEach(n -> listed.add(n.asText()));
        after = page.body().hasNonNull("next") ? page.body().get("next").asText() : null;
      } while (after != null);
      if (listed.containsAll(wanted)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("not listed within 30 s: " + wanted);
  }

  /** A token for {@code role} with {@code scope}, valid for a day. */
  String token(String id, Role role, Scope scope) {
    return tokens.mint(new Principal(id, role, scope), Duration.ofDays(1));
  }

  /**
   * Polls {@code path} (as {@code token}) until {@code done} holds of the answer; fails after 30 s.
   */
  Answer await(String path, String token, java.util.function.Predicate<Answer> done)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    Answer last = null;
    while (System.nanoTime() < deadline) {
      last = get(path, token);
      if (done.test(last)) {
        return last;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "not within 30 s: " + path + " answered " + (last == null ? "nothing" : last.raw()));
  }

  /** The platform's actor system, for tests that steer its projections. */
  ActorSystem<?> system() {
    return system;
  }

  /** Sends the request as it is: headers are the caller's business. */
  HttpResponse<String> raw(HttpRequest request) throws Exception {
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder authorized(HttpRequest.Builder b, String token) {
    return token == null ? b : b.header("Authorization", "Bearer " + token);
  }

  /**
   * Sends the request; its exchange must agree with the OpenAPI document ({@link OpenApiValidator}:
   * the response body's schema, and an accepted request body's), or the test fails here.
   */
  private Answer send(HttpRequest.Builder builder, String contentType, String requestBody)
      throws Exception {
    HttpRequest request = builder.timeout(Duration.ofSeconds(30)).build();
    HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
    String responseType = r.headers().firstValue("Content-Type").orElse("");
    List<String> problems =
        OpenApiValidator.DOCUMENT.problems(
            request.method(),
            request.uri(),
            contentType,
            requestBody,
            r.statusCode(),
            responseType,
            r.body());
    if (!problems.isEmpty()) {
      throw new AssertionError(
          "the exchange disagrees with the OpenAPI document: "
              + problems
              + (requestBody == null ? "" : "\nrequest: " + requestBody)
              + "\nresponse: "
              + r.body());
    }
    boolean json = responseType.startsWith("application/json");
    JsonNode body = r.body().isEmpty() || !json ? null : JSON.readTree(r.body());
    return new Answer(r.statusCode(), body, r.body());
  }

  /**
   * The first {@code n} server-sent events of {@code path} (each as its fields), waiting at most 20
   * s.
   */
  List<Map<String, String>> sse(String path, String token, String lastEventId, int n)
      throws Exception {
    java.net.HttpURLConnection c =
        (java.net.HttpURLConnection) java.net.URI.create(base + path).toURL().openConnection();
    c.setRequestProperty("Authorization", "Bearer " + token);
    c.setRequestProperty("Accept", "text/event-stream");
    if (lastEventId != null) {
      c.setRequestProperty("Last-Event-ID", lastEventId);
    }
    c.setReadTimeout(20_000);
    List<Map<String, String>> events = new ArrayList<>();
    try (var in =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(
                c.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
      Map<String, String> event = new java.util.HashMap<>();
      String line;
      while (events.size() < n && (line = in.readLine()) != null) {
        if (line.isEmpty()) {
          if (event.containsKey("data")) {
            events.add(event);
          }
          event = new java.util.HashMap<>();
        } else if (line.contains(":")) {
          event.put(
              line.substring(0, line.indexOf(':')), line.substring(line.indexOf(':') + 1).trim());
        }
      }
    } finally {
      c.disconnect();
    }
    return events;
  }

  @Override
  public void close() throws Exception {
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
