package io.liftguard.sim.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liftguard.insurance.ProductCatalog;
import io.liftguard.insurance.domain.ClassRisk;
import io.liftguard.insurance.domain.Pricing;
import io.liftguard.insurance.domain.Product;
import io.liftguard.insurance.domain.ProductTerms;
import io.liftguard.twin.domain.BrakeType;
import io.liftguard.twin.domain.BuildingType;
import io.liftguard.twin.domain.risk.RiskModel;
import io.liftguard.twin.risk.RiskModels;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Comparator;
import org.junit.jupiter.api.Test;

class TariffFitTest {
  static final ProductCatalog CATALOG = ProductCatalog.load();
  static final RiskModel MODEL = RiskModels.loadDefault();

  /** Numbers equal by value (1, 1.0 and 1.00 alike), everything else as Jackson compares it. */
  static final Comparator<JsonNode> NUMERIC =
      (a, b) ->
          a.isNumber() && b.isNumber()
              ? a.decimalValue().compareTo(b.decimalValue())
              : a.equals(b) ? 0 : 1;

  /**
   * The filed tariff new quotes use is the one the shipped model gives: a refitted model without a
   * refitted tariff would charge class features twice or not at all (base x class factors x
   * relativity would not be the model's expected loss). Refit with {@code scripts/fit-tariff.sh}
   * and file the new version.
   */
  @Test
  void theCurrentTariffsAreFittedToTheShippedModel() throws Exception {
    for (Product product : new Product[] {Product.LIABILITY, Product.INSURANCE_SERVICE}) {
      ProductTerms current = CATALOG.current(product);
      ObjectNode filed = filed(current.version());
      ObjectNode refit = TariffFit.fit(filed, current, MODEL, current.version());
      for (String field : new String[] {"baseRate", "ageBands", "brakeType", "buildingType"}) {
        assertTrue(
            refit.get(field).equals(NUMERIC, filed.get(field)),
            current.version()
                + " "
                + field
                + ": filed "
                + filed.get(field)
                + ", fitted "
                + refit.get(field));
      }
    }
  }

  /**
   * Base rate x class factors is the class's expected loss under the model, over the fleet within
   * 11 % on average (weighted by the default city's mix) and within 50 % for any class: one age
   * factor for every building only approximates a model in which homes are trapped mostly by misuse
   * (flat with age) and other buildings mostly by equipment faults (rising with age). It prices a
   * twin not yet assessed; an assessed twin's relativity is measured against it, so its premium is
   * its expected loss whatever the gap (PricingTest).
   */
  @Test
  void baseRateTimesClassFactorsIsTheClassExpectedLoss() {
    ProductTerms terms = CATALOG.current(Product.LIABILITY);
    double worst = 0;
    double weighted = 0;
    double weights = 0;
    String where = "";
    for (int age = 0; age <= TariffFit.MAX_AGE; age++) {
      for (BrakeType brake : new BrakeType[] {BrakeType.DISC, BrakeType.DRUM}) {
        for (BuildingType building : BuildingType.values()) {
          double tariff =
              terms
                  .baseRate()
                  .multiply(terms.ageFactor(age))
                  .multiply(terms.brakeType().get(brake))
                  .multiply(terms.buildingType().get(building))
                  .doubleValue();
          double model =
              Pricing.expectedAnnualLoss(terms, ClassRisk.of(MODEL, building, age, brake));
          double error = Math.abs(tariff / model - 1);
          double weight = TariffFit.fleetShare(age, brake, building);
          weighted += weight * error;
          weights += weight;
          if (error > worst) {
            worst = error;
            where = age + " years, " + brake + ", " + building;
          }
        }
      }
    }
    // Measured 2026-12-07 under glm-6 and liability-2026.6: 9.7 % on average over the fleet, 44.5 %
    // at worst (30 years, drum brake, hospital). Under glm-4, whose simulated cities spread misuse
    // over all buildings, the worst class was 15.2 % off. Age bands by building group would close
    // the gap.
    assertTrue(weighted / weights < 0.11, "tariff off the model by " + weighted / weights);
    assertTrue(worst < 0.50, "tariff off the model by " + worst + " at " + where);
  }

  @Test
  void theReferenceClassIsPricedAtOne() {
    ProductTerms terms = CATALOG.current(Product.LIABILITY);
    assertEquals(0, terms.ageFactor(7).compareTo(BigDecimal.ONE));
    assertEquals(0, terms.brakeType().get(BrakeType.DISC).compareTo(BigDecimal.ONE));
    assertEquals(0, terms.buildingType().get(BuildingType.RESIDENTIAL).compareTo(BigDecimal.ONE));
  }

  private static ObjectNode filed(String version) throws Exception {
    try (InputStream in =
        TariffFitTest.class
            .getClassLoader()
            .getResourceAsStream("insurance/products/" + version + ".json")) {
      return (ObjectNode) new ObjectMapper().readTree(in);
    }
  }
}
