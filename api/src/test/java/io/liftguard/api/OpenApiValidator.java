package io.liftguard.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.liftguard.api.http.OpenApiDocument;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks real exchanges with the platform against the OpenAPI document it serves: every JSON
 * response body against the schema documented for its operation and status, and every JSON request
 * body the server accepted (2xx) against the operation's request schema. {@link RunningPlatform}
 * passes every request of the integration tests through it, so a schema that disagrees with what
 * the server does fails the build.
 */
final class OpenApiValidator {
  private static final String BASE = "https://liftguard.io/api/v1/openapi.json";
  private static final ObjectMapper JSON = new ObjectMapper();
  static final OpenApiValidator DOCUMENT = new OpenApiValidator();

  private record Operation(Pattern path, int parameters, String template) {}

  private final JsonNode document;
  private final SchemaRegistry registry;
  private final List<Operation> paths = new ArrayList<>();
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  private OpenApiValidator() {
    OpenApiDocument served = OpenApiDocument.load();
    String json = new String(served.json(), StandardCharsets.UTF_8);
    try {
      document = JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12, b -> b.schemas(Map.of(BASE, json)));
    for (Iterator<String> it = document.get("paths").fieldNames(); it.hasNext(); ) {
      String template = it.next();
      int parameters = template.split("\\{", -1).length - 1;
      String regex = Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
      paths.add(new Operation(Pattern.compile(regex), parameters, template));
    }
    paths.sort(
        Comparator.comparingInt(Operation::parameters)); // a literal segment wins over a parameter
  }

  /** The documented path template {@code path} matches, or null. */
  String template(String path) {
    return paths.stream()
        .filter(o -> o.path().matcher(path).matches())
        .map(Operation::template)
        .findFirst()
        .orElse(null);
  }

  /**
   * The problems with one exchange, empty when it agrees with the document. {@code requestBody}
   * null when none was sent; bodies that are not JSON are not checked (CSV, PDF, Prometheus text,
   * event streams).
   */
  List<String> problems(
      String method,
      URI uri,
      String requestContentType,
      String requestBody,
      int status,
      String responseContentType,
      String responseBody) {
    List<String> problems = new ArrayList<>();
    String template = template(uri.getPath());
    String what = method + " " + uri.getPath() + " -> " + status;
    if (template == null) {
      return status == 404 || status == 405
          ? problems
          : List.of(what + ": no documented path matches");
    }
    String opPointer = "/paths/" + escape(template) + "/" + method.toLowerCase();
    JsonNode op = document.at(opPointer);
    if (op.isMissingNode()) {
      return status == 405
          ? problems
          : List.of(what + ": " + method + " is not documented for " + template);
    }
    String responsePointer = opPointer + "/responses/" + status;
    JsonNode response = document.at(responsePointer);
    if (response.isMissingNode()) {
      problems.add(what + ": status " + status + " is not documented");
      return problems;
    }
    if (response.has("$ref")) {
      responsePointer = response.get("$ref").asText().substring(1);
      response = document.at(responsePointer);
    }
    if (isJson(responseContentType) && responseBody != null && !responseBody.isEmpty()) {
      if (!response.path("content").has("application/json")) {
        problems.add(
            what + ": answered JSON, documented " + response.path("content").fieldNames().next());
      } else {
        validate(
            responsePointer + "/content/application~1json/schema",
            responseBody,
            what + " response",
            problems);
      }
    }
    if (status >= 200
        && status < 300
        && requestBody != null
        && !requestBody.isBlank()
        && isJson(requestContentType)) {
      String requestPointer = opPointer + "/requestBody/content/application~1json/schema";
      if (document.at(requestPointer).isMissingNode()) {
        problems.add(what + ": accepted a JSON body the document does not describe");
      } else {
        validate(requestPointer, requestBody, what + " request", problems);
      }
    }
    return problems;
  }

  private void validate(String pointer, String body, String what, List<String> problems) {
    Schema schema =
        schemas.computeIfAbsent(
            pointer, p -> registry.getSchema(SchemaLocation.of(BASE + "#" + p)));
    List<Error> errors = schema.validate(body, InputFormat.JSON);
    for (Error e : errors) {
      problems.add(what + " at " + e.getInstanceLocation() + ": " + e.getMessage());
    }
  }

  private static boolean isJson(String contentType) {
    return contentType != null && contentType.startsWith("application/json");
  }

  private static String escape(String template) {
    return template.replace("~", "~0").replace("/", "~1");
  }
}
