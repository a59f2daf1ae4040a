package io.liftguard.insurance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the pricing validation ({@code scripts/validate-pricing.sh}, {@code docs/pricing-report.md})
 * found, as the platform serves it: for each simulated city, the ordered Lorenz curves of
 * LiftGuard's and age-band premiums against flat pricing, with their Gini indices and loss ratios.
 * Written by the validation next to the report, read from the classpath once; a file with a problem
 * stops the platform at start, like a broken tariff.
 */
public record PricingReport(JsonNode document) {
  public static final String RESOURCE = "insurance/pricing-report.json";

  public PricingReport {
    List<String> problems = problems(document);
    if (!problems.isEmpty()) {
      throw new IllegalStateException(RESOURCE + ": " + String.join("; ", problems));
    }
  }

  public static PricingReport load() {
    try (InputStream in = PricingReport.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            RESOURCE + " is not on the classpath: run scripts/validate-pricing.sh");
      }
      return new PricingReport(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(RESOURCE, e);
    }
  }

  /** Each city has curves from (0, 0) to (1, 1), both shares never falling, and a Gini index. */
  static List<String> problems(JsonNode doc) {
    List<String> problems = new ArrayList<>();
    JsonNode cities = doc == null ? null : doc.get("cities");
    if (cities == null || !cities.isArray() || cities.isEmpty()) {
      return List.of("no cities");
    }
    for (JsonNode city : cities) {
      String name = city.path("city").asText("?");
      JsonNode curves = city.path("curves");
      if (!curves.isArray() || curves.isEmpty()) {
        problems.add(name + ": no curves");
      }
      for (JsonNode curve : curves) {
        String where = name + " " + curve.path("pricing").asText("?");
        if (!curve.path("gini").isNumber()) {
          problems.add(where + ": no Gini index");
        }
        JsonNode points = curve.path("points");
        if (!points.isArray() || points.size() < 2) {
          problems.add(where + ": fewer than two points");
          continue;
        }
        double x = -1;
        double y = -1;
        for (JsonNode p : points) {
          if (p.get(0).asDouble() < x || p.get(1).asDouble() < y) {
            problems.add(where + ": the curve falls at " + p);
            break;
          }
          x = p.get(0).asDouble();
          y = p.get(1).asDouble();
        }
        if (!isPoint(points.get(0), 0) || !isPoint(points.get(points.size() - 1), 1)) {
          problems.add(where + ": the curve does not run from (0, 0) to (1, 1)");
        }
      }
    }
    return problems;
  }

  private static boolean isPoint(JsonNode p, double both) {
    return p.size() == 2 && p.get(0).asDouble() == both && p.get(1).asDouble() == both;
  }
}
