package io.liftguard.api.http;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The API's path templates (from its OpenAPI document, e.g. {@code /api/v1/elevators/{id}/history})
 * and which one a request's path falls under: a metric's {@code route} label is the template, never
 * the path with its ids.
 */
public final class RouteTemplates {
  private final List<String[]> templates;

  public RouteTemplates(List<String> templates) {
    this.templates = templates.stream().map(RouteTemplates::segments).toList();
  }

  /**
   * The template {@code path} matches (a literal segment before a {@code {parameter}} one), if any.
   */
  public Optional<String> match(String path) {
    String[] parts = segments(path);
    String[] best = null;
    int bestLiterals = -1;
    for (String[] t : templates) {
      if (t.length != parts.length) {
        continue;
      }
      int literals = 0;
      boolean matches = true;
      for (int i = 0; i < t.length && matches; i++) {
        boolean parameter = t[i].startsWith("{");
        matches = parameter || t[i].equals(parts[i]);
        literals += parameter ? 0 : 1;
      }
      if (matches && literals > bestLiterals) {
        best = t;
        bestLiterals = literals;
      }
    }
    return Optional.ofNullable(best).map(t -> "/" + String.join("/", t));
  }

  private static String[] segments(String path) {
    return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
  }
}
