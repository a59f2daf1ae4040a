package io.liftguard.insurance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liftguard.twin.domain.risk.RiskModel;
import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Premiums against figures worked out by hand from liability-2026.1 (base 312, loadings 25 % + 5
 * %).
 */
class PricingTest {

  private static Map<String, BigDecimal> factors(ElevatorPremium p) {
    return p.factors().stream().collect(Collectors.toMap(Factor::name, Factor::value));
  }

  @Test
  void premiumIsTheProductOfItsFactorsRoundedToTheFen() {
    // Annualised rates: -ln(1 - p) x 365/30. Twin: 0.12228 entrapments, 0.62407 faults a year ->
    // 6500 x 0.12228 + 215 x 0.62407 = 928.99 CNY; the tariff charges its class 312 x 1.30 x 1.20 =
    // 486.72 CNY; relativity 928.99 / 486.72 = 1.9087. Maintenance: company 20/100 overdue, city
    // 100/1000 -> ratio 2; Z = 100 / (100 + 50) = 0.6667; 1 + 0.6667 x 0.25 x 1 = 1.1667. Loading 1
    // / 0.70 = 1.4286. pure = 312 x 1.00 x 1.30 x 1.00 x 1.20 x 1.9087 x 1.0000 x 1.1667 =
    // 1083.8672 -> 1083.87 annual = 1083.8672 x 1.4286 = 1548.4106 -> 1548.41
    ElevatorPremium p = Pricing.price(Terms.LIABILITY, Terms.inputs("E1"), ClaimsExperience.NONE);
    Map<String, BigDecimal> f = factors(p);
    assertEquals(new BigDecimal("312.00"), f.get("baseRate").setScale(2));
    assertEquals(0, f.get("buildingType").compareTo(new BigDecimal("1.00")));
    assertEquals(0, f.get("ageBand").compareTo(new BigDecimal("1.30")));
    assertEquals(0, f.get("brakeType").compareTo(new BigDecimal("1.20")));
    assertEquals(new BigDecimal("1.9087"), f.get("riskRelativity"));
    assertEquals(new BigDecimal("1.0000"), f.get("experience"));
    assertEquals(new BigDecimal("1.1667"), f.get("maintenance"));
    assertEquals(new BigDecimal("1.4286"), f.get("loading"));
    assertEquals(new BigDecimal("1083.87"), p.purePremium());
    assertEquals(new BigDecimal("1548.41"), p.annualPremium());
    assertEquals("liability-2026.1", p.productVersion());
    assertEquals("test-model", p.modelVersion());
    Factor risk =
        p.factors().stream()
            .filter(x -> x.name().equals("riskRelativity"))
            .findFirst()
            .orElseThrow();
    assertEquals(0.05, risk.inputs().get("faultProbability30d"));
    assertEquals(928.99, risk.inputs().get("expectedAnnualLoss"));
    assertEquals(new BigDecimal("486.72"), risk.inputs().get("classAnnualLoss"));
  }

  @Test
  void eachCauseOfEntrapmentIsPricedAndTheyAddUpToTheEntrapmentLoss() {
    // Equipment 0.3 %, misuse 0.5 %, external 0.2 % a month: one or more entrapments 1 - 0.997 x
    // 0.995 x 0.998 = 0.9990 %. Annual rates x 6,500: equipment -ln(0.997) x 365/30 x 6500 =
    // 237.61, misuse 396.41, external 158.33; together 792.34 = -ln(0.997 x 0.995 x 0.998) x 365/30
    // x 6500, the entrapment part of the expected loss (faults add -ln(0.95) x 365/30 x 215 =
    // 134.17: 926.51).
    RiskModel.CauseProbabilities causes = new RiskModel.CauseProbabilities(0.003, 0.005, 0.002);
    double trap = 1 - 0.997 * 0.995 * 0.998;
    RatingInputs in =
        Terms.inputs("E1")
            .withRisk(new RatingInputs.Risk(0.05, trap, RiskModel.Band.HIGH, "test-model", causes));
    Factor risk =
        Pricing.price(Terms.LIABILITY, in, ClaimsExperience.NONE).factors().stream()
            .filter(x -> x.name().equals("riskRelativity"))
            .findFirst()
            .orElseThrow();
    assertEquals(237.61, risk.inputs().get("equipmentEntrapmentLoss"));
    assertEquals(396.41, risk.inputs().get("misuseEntrapmentLoss"));
    assertEquals(158.33, risk.inputs().get("externalEntrapmentLoss"));
    assertEquals(926.51, risk.inputs().get("expectedAnnualLoss"));
  }

  @Test
  void aTwinNotYetAssessedIsPricedAsItsClass() {
    RatingInputs in = Terms.inputs("E1");
    in =
        new RatingInputs(
            in.elevatorId(),
            in.asOf(),
            in.buildingType(),
            in.ageYears(),
            in.driveType(),
            in.brakeType(),
            null,
            in.classRisk(),
            in.maintenance());
    assertEquals(
        new BigDecimal("1.0000"),
        factors(Pricing.price(Terms.LIABILITY, in, ClaimsExperience.NONE)).get("riskRelativity"));
  }

  @Test
  void riskRelativityIsHeldToTheProductsBounds() {
    RatingInputs in = Terms.inputs("E1").withRisk(Terms.risk(0.40, 0.20));
    ElevatorPremium p = Pricing.price(Terms.LIABILITY, in, ClaimsExperience.NONE);
    assertEquals(new BigDecimal("6.0000"), factors(p).get("riskRelativity"));
    assertTrue(
        p.factors().stream()
            .anyMatch(f -> f.explanation().contains("held to the product's bound")));
  }

  @Test
  void experienceIsBuhlmannStraubCredibilityOnClaimFrequency() {
    // 6 elevator-years, 1 claim where 0.6 were predicted: Z = 6 / (6 + 15) = 0.2857; 1 + 0.2857 x
    // (1 / 0.6 - 1) = 1.19047 -> 1.1905
    ClaimsExperience some = new ClaimsExperience(new BigDecimal("6"), 1, new BigDecimal("0.6"));
    assertEquals(new BigDecimal("1.1905"), Pricing.experienceFactor(Terms.LIABILITY, some).value());
    // 3 years, 2 claims, 0.5 predicted: 1 + 0.1667 x 3 = 1.5001, held to the maximum 1.50
    ClaimsExperience bad = new ClaimsExperience(new BigDecimal("3"), 2, new BigDecimal("0.5"));
    assertEquals(new BigDecimal("1.5000"), Pricing.experienceFactor(Terms.LIABILITY, bad).value());
    // a clean record over 10 years: 1 + 0.4 x (0 - 1) = 0.6, held to the minimum 0.75
    ClaimsExperience clean = new ClaimsExperience(new BigDecimal("10"), 0, new BigDecimal("1.2"));
    assertEquals(
        new BigDecimal("0.7500"), Pricing.experienceFactor(Terms.LIABILITY, clean).value());
  }

  @Test
  void noMaintenanceCompanyTakesTheProductsFactor() {
    assertEquals(
        new BigDecimal("1.2000"), Pricing.maintenanceFactor(Terms.LIABILITY, null).value());
  }

  @Test
  void serviceBudgetIsAddedAfterTheLoading() {
    ElevatorPremium liability =
        Pricing.price(Terms.LIABILITY, Terms.inputs("E1"), ClaimsExperience.NONE);
    ElevatorPremium service =
        Pricing.price(Terms.SERVICE, Terms.inputs("E1"), ClaimsExperience.NONE);
    // the same risk premium as the liability's, plus the 1,800 CNY service budget: 1548.4106 + 1800
    // -> 3348.41
    assertEquals(new BigDecimal("3348.41"), service.annualPremium());
    assertEquals(liability.purePremium(), service.purePremium());
    assertTrue(service.annualPremium().compareTo(liability.annualPremium()) > 0);
  }

  @Test
  void aRerateIsHeldWithinTheBoundOfThePeriodRoundedInward() {
    BigDecimal max = new BigDecimal("0.15");
    assertEquals(
        new BigDecimal("1150.00"),
        Pricing.bounded(new BigDecimal("1000.00"), new BigDecimal("1200.00"), max));
    assertEquals(
        new BigDecimal("850.00"),
        Pricing.bounded(new BigDecimal("1000.00"), new BigDecimal("800.00"), max));
    assertEquals(
        new BigDecimal("1010.00"),
        Pricing.bounded(new BigDecimal("1000.00"), new BigDecimal("1010.00"), max));
    // 333.33 x 1.15 = 383.3295 -> 383.32 (down); 333.33 x 0.85 = 283.3305 -> 283.34 (up)
    assertEquals(
        new BigDecimal("383.32"),
        Pricing.bounded(new BigDecimal("333.33"), new BigDecimal("999.00"), max));
    assertEquals(
        new BigDecimal("283.34"),
        Pricing.bounded(new BigDecimal("333.33"), new BigDecimal("1.00"), max));
  }

  @Test
  void earnedPremiumIsProRataByDay() {
    assertEquals(new BigDecimal("100.00"), Pricing.earned(new BigDecimal("365.00"), 100));
    assertEquals(new BigDecimal("8.22"), Pricing.earned(new BigDecimal("100.00"), 30)); // 8.2191...
  }

  @Test
  void everyFiledProductIsValidAndPricesInThePilotsRange() {
    // DOMAIN.md: liability ~446 CNY, insurance + service + IoT 2,000-3,000 CNY, pension ~9,420 CNY
    // a year: the reference class (5-10 years, no drum brake, priced as its class) pays 312 x
    // 1.4286 = 445.72.
    RatingInputs average =
        new RatingInputs(
            "E1",
            Terms.inputs("E1").asOf(),
            io.liftguard.twin.domain.BuildingType.RESIDENTIAL,
            7,
            io.liftguard.twin.domain.DriveType.TRACTION,
            io.liftguard.twin.domain.BrakeType.BLOCK,
            null,
            Terms.risk(0.02, 0.005),
            new RatingInputs.MaintenanceRecord("Acme Lifts", 100, 10, 1000, 100));
    assertEquals(
        new BigDecimal("445.72"),
        Pricing.price(Terms.LIABILITY, average, ClaimsExperience.NONE).annualPremium());
    BigDecimal service =
        Pricing.price(Terms.SERVICE, average, ClaimsExperience.NONE).annualPremium();
    assertTrue(
        service.compareTo(new BigDecimal("2000")) > 0
            && service.compareTo(new BigDecimal("3000")) < 0,
        service.toString());
    BigDecimal pension =
        Pricing.price(Terms.PENSION, average, ClaimsExperience.NONE).annualPremium();
    assertEquals(new BigDecimal("9428.76"), pension);
  }

  @Test
  void theCurrentTariffsPriceTheReferenceClassAtItsExpectedLossLoaded() {
    // liability-2026.6 (fitted to glm-6): base 544 (the reference class's annual loss, fitted with
    // the other classes by minimum bias), class factors 1.00, maintenance as the city's (1.00),
    // loading 1 / 0.70 rounded to 1.4286: 544 x 1.4286 = 777.1584 -> 777.16;
    // insurance-service-2026.6 adds its 1,800 budget.
    RatingInputs reference =
        new RatingInputs(
            "E1",
            Terms.inputs("E1").asOf(),
            io.liftguard.twin.domain.BuildingType.RESIDENTIAL,
            7,
            io.liftguard.twin.domain.DriveType.TRACTION,
            io.liftguard.twin.domain.BrakeType.DISC,
            null,
            Terms.risk(0.02, 0.005),
            new RatingInputs.MaintenanceRecord("Acme Lifts", 100, 10, 1000, 100));
    ProductTerms liability = Terms.CATALOG.current(Product.LIABILITY);
    ProductTerms service = Terms.CATALOG.current(Product.INSURANCE_SERVICE);
    assertEquals("liability-2026.6", liability.version());
    assertEquals(
        new BigDecimal("777.16"),
        Pricing.price(liability, reference, ClaimsExperience.NONE).annualPremium());
    assertEquals(
        new BigDecimal("2577.16"),
        Pricing.price(service, reference, ClaimsExperience.NONE).annualPremium());
  }
}
