package io.liftguard.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The API's contract, {@code openapi/liftguard.yaml} (kept in the repository, OpenAPI 3.1), read
 * once and served as JSON at {@code /api/v1/openapi.json}; its path templates name the routes in
 * the request metrics.
 */
public final class OpenApiDocument {
  public static final String RESOURCE = "/openapi/liftguard.yaml";

  private final JsonNode tree;
  private final byte[] json;

  private OpenApiDocument(JsonNode tree) {
    this.tree = tree;
    try {
      this.json = new ObjectMapper().writeValueAsBytes(tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static OpenApiDocument load() {
    try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath");
      }
      // SnakeYAML, not Jackson's YAML parser: the document shares response sets through YAML
      // anchors (&read, *read), which Jackson reads as empty.
      Object yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
      return new OpenApiDocument(new ObjectMapper().valueToTree(yaml));
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + RESOURCE, e);
    }
  }

  /** The document as JSON. */
  public byte[] json() {
    return json.clone();
  }

  /** The document as a tree. */
  public JsonNode tree() {
    return tree.deepCopy();
  }

  /** Its path templates, as written (e.g. {@code /api/v1/elevators/{id}}). */
  public List<String> paths() {
    List<String> paths = new ArrayList<>();
    tree.get("paths").fieldNames().forEachRemaining(paths::add);
    return paths;
  }
}
