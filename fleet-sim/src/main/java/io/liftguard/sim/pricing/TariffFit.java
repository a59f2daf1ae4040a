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
import io.liftguard.sim.CityGenerator;
import io.liftguard.sim.SimConfig;
import io.liftguard.twin.domain.BrakeType;
import io.liftguard.twin.domain.BuildingType;
import io.liftguard.twin.domain.risk.RiskModel;
import io.liftguard.twin.risk.RiskModels;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;

/**
 * Fits a product's class tariff to the risk model: base rate x class factors is then, to a
 * multiplicative tariff's approximation, the model's expected loss of the class. It is what a twin
 * not yet assessed pays, and what an assessed twin's risk relativity is measured against, so a
 * typical member of a class has a relativity near 1.
 *
 * <p>The classes are every age (0-30 years) x brake (drum or not) x building type, each with the
 * model's expected annual loss under the product's severities ({@link ClassRisk}: the class's
 * features, everything else at the fleet mean) and weighted by its share of the default city's
 * fleet ({@link CityGenerator}). The factors are fitted by Bailey's minimum-bias method (the
 * balance principle of multiplicative class tariffs): each level's factor makes the tariff's total
 * over the level's classes equal the model's, iterated until it settles. Then they are scaled so
 * the reference class (residential, disc brake, the 5-9 year band) has factors 1 and the base rate
 * carries the level. One factor per age band for every building only approximates a model in which
 * homes are trapped mostly by misuse (flat with age) and other buildings mostly by equipment faults
 * (rising with age); the weights put the error where the fewest elevators are. The model has no
 * drive-type input, so drive factors stay 1.
 *
 * <p>Writes a new product version from a filed one; every other term is kept. {@code
 * scripts/fit-tariff.sh FROM TO}.
 */
public final class TariffFit {
  static final int REFERENCE_BAND_FROM = 5;

  static final int MAX_AGE = 30;

  private static final int ITERATIONS = 200;

  private TariffFit() {}

  /** The default city the classes are weighted by. */
  private static final SimConfig CITY = SimConfig.defaults(1, 1, 1);

  /**
   * The share of the default city's elevators in the class {@code age} years old (30 and more for
   * 30), with a drum brake or not, in a building of {@code building}'s type.
   */
  static double fleetShare(int age, BrakeType brake, BuildingType building) {
    double drum = CITY.drumBrakeShare();
    return CityGenerator.ageShare(CITY, age)
        * (brake == BrakeType.DRUM ? drum : 1 - drum)
        * CityGenerator.buildingShare(building);
  }

  /** One rating class: its levels, its share of the fleet and the model's expected loss. */
  private record RatingClass(int band, int drum, int building, double weight, double loss) {}

  /**
   * The fitted terms as JSON: {@code template} with the base rate and class factors fitted to
   * {@code model}.
   */
  static ObjectNode fit(ObjectNode template, ProductTerms terms, RiskModel model, String version) {
    var bands = terms.ageBands();
    int reference = -1;
    for (int b = 0; b < bands.size(); b++) {
      reference = bands.get(b).fromYears() == REFERENCE_BAND_FROM ? b : reference;
    }
    if (reference < 0) {
      throw new IllegalArgumentException(
          terms.version() + " has no age band from " + REFERENCE_BAND_FROM + " years");
    }
    List<RatingClass> classes = new ArrayList<>();
    for (int age = 0; age <= MAX_AGE; age++) {
      for (int drum = 0; drum < 2; drum++) {
        BrakeType brake = drum == 1 ? BrakeType.DRUM : BrakeType.DISC;
        for (BuildingType building : BuildingType.values()) {
          classes.add(
              new RatingClass(
                  terms.ageBand(age),
                  drum,
                  building.ordinal(),
                  fleetShare(age, brake, building),
                  Pricing.expectedAnnualLoss(terms, ClassRisk.of(model, building, age, brake))));
        }
      }
    }
    double[] age = ones(bands.size());
    double[] brake = ones(2);
    double[] building = ones(BuildingType.values().length);
    for (int i = 0; i < ITERATIONS; i++) {
      balance(classes, age, RatingClass::band, c -> brake[c.drum()] * building[c.building()]);
      balance(classes, brake, RatingClass::drum, c -> age[c.band()] * building[c.building()]);
      balance(classes, building, RatingClass::building, c -> age[c.band()] * brake[c.drum()]);
    }
    double base = age[reference] * brake[0] * building[BuildingType.RESIDENTIAL.ordinal()];
    ObjectNode out = template.deepCopy();
    out.put("version", version);
    ArrayNode ageBands = out.putArray("ageBands");
    for (int b = 0; b < bands.size(); b++) {
      ageBands
          .addObject()
          .put("fromYears", bands.get(b).fromYears())
          .put("factor", round(age[b] / age[reference]));
    }
    ObjectNode brakes = out.putObject("brakeType");
    for (BrakeType t : BrakeType.values()) {
      brakes.put(t.name(), t == BrakeType.DRUM ? round(brake[1] / brake[0]) : BigDecimal.ONE);
    }
    ObjectNode buildings = out.putObject("buildingType");
    double residential = building[BuildingType.RESIDENTIAL.ordinal()];
    for (BuildingType t : BuildingType.values()) {
      buildings.put(t.name(), round(building[t.ordinal()] / residential));
    }
    out.put("baseRate", BigDecimal.valueOf(base).setScale(0, RoundingMode.HALF_EVEN));
    out.put(
        "_comment",
        "class tariff fitted by TariffFit (minimum bias, weighted by the default city's fleet) to"
            + " risk model "
            + model.version()
            + " from "
            + terms.version());
    return out;
  }

  /**
   * Sets each level's factor so the tariff's weighted total over the level's classes (the factor x
   * {@code others}) equals the model's.
   */
  private static void balance(
      List<RatingClass> classes,
      double[] factor,
      ToIntFunction<RatingClass> level,
      ToDoubleFunction<RatingClass> others) {
    double[] loss = new double[factor.length];
    double[] charged = new double[factor.length];
    for (RatingClass c : classes) {
      loss[level.applyAsInt(c)] += c.weight() * c.loss();
      charged[level.applyAsInt(c)] += c.weight() * others.applyAsDouble(c);
    }
    for (int j = 0; j < factor.length; j++) {
      factor[j] = charged[j] == 0 ? factor[j] : loss[j] / charged[j];
    }
  }

  private static double[] ones(int n) {
    double[] a = new double[n];
    Arrays.fill(a, 1);
    return a;
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
