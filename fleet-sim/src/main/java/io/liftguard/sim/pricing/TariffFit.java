package io.liftguard.sim.pricing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liftguard.insurance.ProductCatalog;
import io.liftguard.insurance.domain.ClassRisk;
import io.liftguard.insurance.domain.Pricing;
import io.liftguard.insurance.domain.ProductTerms;
import io.liftguard.sim.Args;
import io.liftguard.twin.domain.BrakeType;
import io.liftguard.twin.domain.BuildingType;
import io.liftguard.twin.domain.risk.RiskModel;
import io.liftguard.twin.risk.RiskModels;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Fits a product's class tariff to the risk model: base rate x class factors is then, to a
 * multiplicative tariff's approximation, the model's expected loss of the class. It is what a twin
 * not yet assessed pays, and what an assessed twin's risk relativity is measured against, so a
 * typical member of a class has a relativity near 1:
 *
 * <ul>
 *   <li>base rate: the expected annual loss of the reference class (a residential elevator with a
 *       disc brake, averaged over the ages of the 5-9 year band) under the product's severities;
 *   <li>age band factor: the class's expected loss averaged over the band's ages, over the
 *       reference's;
 *   <li>brake and building factors: the drum-brake and public-gathering classes' expected loss over
 *       the reference's (the model has no drive-type input, so drive factors stay 1).
 * </ul>
 *
 * <p>Writes a new product version from a filed one; every other term is kept. {@code
 * scripts/fit-tariff.sh FROM TO}.
 */
public final class TariffFit {
  /** The last band is averaged over this many years. */
  static final int LAST_BAND_YEARS = 10;

  static final int REFERENCE_BAND_FROM = 5;

  private TariffFit() {}

  /** Mean expected annual loss of a class over the ages {@code [from, to)}. */
  static double classLoss(
      RiskModel model,
      ProductTerms terms,
      BuildingType building,
      BrakeType brake,
      int from,
      int to) {
    double sum = 0;
    for (int age = from; age < to; age++) {
      sum += Pricing.expectedAnnualLoss(terms, ClassRisk.of(model, building, age, brake));
    }
    return sum / (to - from);
  }

  /**
   * The fitted terms as JSON: {@code template} with the base rate and class factors fitted to
   * {@code model}.
   */
  static ObjectNode fit(ObjectNode template, ProductTerms terms, RiskModel model, String version) {
    ObjectNode out = template.deepCopy();
    out.put("version", version);
    var bands = terms.ageBands();
    double[] loss = new double[bands.size()];
    double reference = Double.NaN;
    for (int b = 0; b < bands.size(); b++) {
      int from = bands.get(b).fromYears();
      int to = b + 1 < bands.size() ? bands.get(b + 1).fromYears() : from + LAST_BAND_YEARS;
      loss[b] = classLoss(model, terms, BuildingType.RESIDENTIAL, BrakeType.DISC, from, to);
      if (from == REFERENCE_BAND_FROM) {
        reference = loss[b];
      }
    }
    if (Double.isNaN(reference)) {
      throw new IllegalArgumentException(
          terms.version() + " has no age band from " + REFERENCE_BAND_FROM + " years");
    }
    ArrayNode ageBands = out.putArray("ageBands");
    for (int b = 0; b < bands.size(); b++) {
      ageBands
          .addObject()
          .put("fromYears", bands.get(b).fromYears())
          .put("factor", round(loss[b] / reference));
    }
    int refFrom = REFERENCE_BAND_FROM;
    int refTo = refFrom + 5;
    double drum = classLoss(model, terms, BuildingType.RESIDENTIAL, BrakeType.DRUM, refFrom, refTo);
    ObjectNode brakes = out.putObject("brakeType");
    for (BrakeType t : BrakeType.values()) {
      brakes.put(t.name(), t == BrakeType.DRUM ? round(drum / reference) : BigDecimal.ONE);
    }
    ObjectNode buildings = out.putObject("buildingType");
    for (BuildingType t : BuildingType.values()) {
      double l = classLoss(model, terms, t, BrakeType.DISC, refFrom, refTo);
      buildings.put(t.name(), round(l / reference));
    }
    out.put("baseRate", BigDecimal.valueOf(reference).setScale(0, RoundingMode.HALF_EVEN));
    out.put(
        "_comment",
        "class tariff fitted by TariffFit to risk model "
            + model.version()
            + " from "
            + terms.version());
    return out;
  }

  private static BigDecimal round(double v) {
    return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_EVEN);
  }

  public static void main(String[] args) throws IOException {
    Map<String, String> o = Args.parse(args);
    String from = o.get("from");
    String to = o.get("to");
    if (from == null || to == null) {
      throw new IllegalArgumentException(
          "usage: --from <filed version> --to <new version> [--dir <products dir>]");
    }
    Path dir = Path.of(o.getOrDefault("dir", "insurance/src/main/resources/insurance/products"));
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode template = (ObjectNode) json.readTree(dir.resolve(from + ".json").toFile());
    ProductTerms terms = ProductCatalog.load().terms(from);
    RiskModel model = RiskModels.loadDefault();
    ObjectNode fitted = fit(template, terms, model, to);
    Path file = dir.resolve(to + ".json");
    if (Files.exists(file)) {
      throw new IllegalStateException(file + " is filed already: a filed version is never edited");
    }
    json.writeValue(file.toFile(), fitted);
    System.out.println(json.writeValueAsString(fitted));
    System.err.println("wrote " + file + "; add it to catalog.json to file it");
  }
}
