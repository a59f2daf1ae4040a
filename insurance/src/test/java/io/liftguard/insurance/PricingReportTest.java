package io.liftguard.insurance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PricingReportTest {
  @Test
  void theServedCurvesAreTheOnesOfTheReportInTheRepository() throws Exception {
    JsonNode doc = PricingReport.load().document();
    String report = Files.readString(Path.of("../docs/pricing-report.md"));
    assertTrue(
        report.contains("`" + doc.get("producedBy").asText() + "`"),
        "the report and the curves come from " + "different runs of scripts/validate-pricing.sh");
    assertEquals(7, doc.get("cities").size());
    for (JsonNode city : doc.get("cities")) {
      String section =
          report.substring(report.indexOf("## " + city.get("city").asText() + " city"));
      for (JsonNode curve : city.get("curves")) {
        String row =
            switch (curve.get("pricing").asText()) {
              case "liftguard" -> "| LiftGuard (recalibrated) | ";
              case "ageBand" -> "| age band | ";
              default -> throw new AssertionError(curve.get("pricing"));
            };
        String expected =
            row
                + String.format(
                    Locale.ROOT,
                    "%.3f | %.3f |",
                    curve.get("gini").asDouble(),
                    curve.get("lossRatio").asDouble());
        assertTrue(
            section.startsWith(expected, section.indexOf(row)), city.get("city") + ": " + expected);
      }
    }
  }

  @Test
  void aCurveThatFallsOrDoesNotReachOneOneStopsThePlatform() {
    ObjectNode doc = (ObjectNode) PricingReport.load().document().deepCopy();
    ArrayNode points = (ArrayNode) doc.get("cities").get(0).get("curves").get(0).get("points");
    ((ArrayNode) points.get(2)).set(1, -0.5);
    IllegalStateException falls =
        assertThrows(IllegalStateException.class, () -> new PricingReport(doc));
    assertTrue(falls.getMessage().contains("the curve falls"), falls.getMessage());

    ObjectNode short1 = (ObjectNode) PricingReport.load().document().deepCopy();
    ArrayNode last = (ArrayNode) short1.get("cities").get(1).get("curves").get(1).get("points");
    last.remove(last.size() - 1);
    IllegalStateException open =
        assertThrows(IllegalStateException.class, () -> new PricingReport(short1));
    assertTrue(open.getMessage().contains("does not run from (0, 0) to (1, 1)"), open.getMessage());

    assertThrows(
        IllegalStateException.class,
        () -> new PricingReport(new ObjectMapper().createObjectNode()));
  }
}
