package io.liftguard.insurance.domain;

import io.liftguard.twin.domain.risk.RiskModel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a premium is computed (pure; every figure in the breakdown is one the caller can redo by
 * hand):
 *
 * <pre>
 *   pure   = baseRate x building x age x drive x brake x riskRelativity x experience x maintenance
 *   annual = round_fen(pure x loading + serviceBudget),   loading = 1 / (1 - expense - profit)
 * </pre>
 *
 * <ul>
 *   <li>The class factors are the insurer's tariff (product terms); base rate x class factors is
 *       the annual loss the tariff charges the class. The <b>risk relativity</b> is what the twin
 *       knows beyond it: the elevator's expected annual loss over that class loss, so base x class
 *       factors x relativity is the twin's expected loss whatever the tariff's shape, and nothing
 *       is charged twice. A 30-day probability {@code p} is annualised as a Poisson rate {@code
 *       -ln(1 - p) x 365 / 30} and expected loss = entrapment rate x severity per entrapment +
 *       fault rate x severity per fault. With a model of entrapment causes the entrapment rate is
 *       the sum of the causes' rates (equipment from the twin's condition, misuse from its building
 *       and use, external causes from its use), each shown with its loss.
 *   <li>The <b>experience</b> factor is Bühlmann-Straub credibility on claim frequency: {@code 1 +
 *       Z (A / E - 1)} with {@code Z = n / (n + k)} for {@code n} elevator-years of exposure, A
 *       claims made and E claims predicted.
 *   <li>The <b>maintenance</b> factor compares how often the company's elevators are overdue with
 *       the city: {@code 1 + Z x sensitivity x (ratio - 1)}, {@code Z = m / (m + k)} for its {@code
 *       m} elevators.
 * </ul>
 */
public final class Pricing {
  private static final BigDecimal DAYS_PER_YEAR = BigDecimal.valueOf(365);

  private Pricing() {}

  /** The annual Poisson rate of an event whose 30-day probability is {@code p30}. */
  public static double annualRate(double p30) {
    return -Math.log1p(-Math.min(p30, 0.999_999)) * 365.0 / 30.0;
  }

  /** Expected annual loss (CNY, unrounded) of a risk under {@code terms}' severities. */
  public static double expectedAnnualLoss(ProductTerms terms, RatingInputs.Risk risk) {
    return annualRate(risk.entrapmentProbability30d())
            * terms.severity().perEntrapment().doubleValue()
        + annualRate(risk.faultProbability30d()) * terms.severity().perFault().doubleValue();
  }

  /**
   * The premium for one elevator under {@code terms}, given its inputs and its claims experience.
   */
  public static ElevatorPremium price(
      ProductTerms terms, RatingInputs in, ClaimsExperience experience) {
    List<Factor> factors = new ArrayList<>();
    factors.add(
        new Factor(
            "baseRate",
            terms.baseRate(),
            Map.of("product", terms.product().wireName()),
            "annual base premium (CNY) of " + terms.name()));
    factors.add(
        new Factor(
            "buildingType",
            terms.buildingType().get(in.buildingType()),
            Map.of("buildingType", in.buildingType().name()),
            "tariff factor for the building type"));
    factors.add(
        new Factor(
            "ageBand",
            terms.ageFactor(in.ageYears()),
            Map.of("ageYears", in.ageYears()),
            "tariff factor for the age band"));
    factors.add(
        new Factor(
            "driveType",
            terms.driveType().get(in.driveType()),
            Map.of("driveType", in.driveType().name()),
            "tariff factor for the drive"));
    factors.add(
        new Factor(
            "brakeType",
            terms.brakeType().get(in.brakeType()),
            Map.of("brakeType", in.brakeType().name()),
            "tariff factor for the brake (drum brakes are under a national campaign)"));
    BigDecimal classLoss = BigDecimal.ONE;
    for (Factor f : factors) {
      classLoss = classLoss.multiply(f.value(), Cny.EXACT);
    }
    factors.add(riskRelativity(terms, in, classLoss));
    factors.add(experienceFactor(terms, experience));
    factors.add(maintenanceFactor(terms, in.maintenance()));

    BigDecimal pure = BigDecimal.ONE;
    for (Factor f : factors) {
      pure = pure.multiply(f.value(), Cny.EXACT);
    }
    BigDecimal loading =
        Cny.factor(BigDecimal.ONE.divide(terms.loadings().targetLossRatio(), Cny.EXACT));
    factors.add(
        new Factor(
            "loading",
            loading,
            ordered("expense", terms.loadings().expense(), "profit", terms.loadings().profit()),
            "1 / (1 - expense - profit): the premium's share for expenses and profit"));
    BigDecimal gross = pure.multiply(loading, Cny.EXACT);
    if (terms.service() != null) {
      gross = gross.add(terms.service().annualBudget());
      factors.add(
          new Factor(
              "serviceBudget",
              terms.service().annualBudget(),
              Map.of(),
              "added, not multiplied: the annual budget (CNY) for insurer-funded safety checks"));
    }
    RatingInputs.Risk priced = in.risk() != null ? in.risk() : in.classRisk();
    BigDecimal expectedEntrapments =
        BigDecimal.valueOf(annualRate(priced.entrapmentProbability30d()))
            .setScale(6, Cny.FACTOR_ROUNDING);
    BigDecimal expectedLoss = Cny.money(BigDecimal.valueOf(expectedAnnualLoss(terms, priced)));
    return new ElevatorPremium(
        in.elevatorId(),
        Cny.money(gross),
        Cny.money(pure),
        expectedLoss,
        expectedEntrapments,
        List.copyOf(factors),
        terms.version(),
        priced.modelVersion(),
        in,
        experience);
  }

  /**
   * The premium a re-rating may set: {@code indicated}, held within {@code maxChange} (a fraction)
   * of the premium in force when the rating period began, so no premium moves more than its bound
   * in one period however often it is re-rated within it.
   */
  public static BigDecimal bounded(
      BigDecimal atPeriodStart, BigDecimal indicated, BigDecimal maxChange) {
    // The bounds are rounded inward to the fen, so the change never exceeds the bound by a
    // rounding.
    BigDecimal low =
        atPeriodStart
            .multiply(BigDecimal.ONE.subtract(maxChange))
            .setScale(Cny.SCALE, RoundingMode.CEILING);
    BigDecimal high =
        atPeriodStart
            .multiply(BigDecimal.ONE.add(maxChange))
            .setScale(Cny.SCALE, RoundingMode.FLOOR);
    return Cny.clamp(indicated, low, high);
  }

  /** The premium earned over {@code days} of a year at {@code annual} (exact to the fen). */
  public static BigDecimal earned(BigDecimal annual, long days) {
    return Cny.money(annual.multiply(BigDecimal.valueOf(days)).divide(DAYS_PER_YEAR, Cny.EXACT));
  }

  /**
   * {@code classLoss}: what the tariff charges the elevator's class (base rate x class factors),
   * CNY a year.
   */
  static Factor riskRelativity(ProductTerms terms, RatingInputs in, BigDecimal classLoss) {
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("classAnnualLoss", Cny.money(classLoss));
    inputs.put("severityPerEntrapment", terms.severity().perEntrapment());
    inputs.put("severityPerFault", terms.severity().perFault());
    if (in.risk() == null) {
      inputs.put("modelVersion", in.classRisk().modelVersion());
      return new Factor(
          "riskRelativity",
          Cny.factor(BigDecimal.ONE),
          inputs,
          "the twin has not been assessed yet: priced as its class");
    }
    inputs.put("modelVersion", in.risk().modelVersion());
    inputs.put("faultProbability30d", in.risk().faultProbability30d());
    inputs.put("entrapmentProbability30d", in.risk().entrapmentProbability30d());
    RiskModel.CauseProbabilities byCause = in.risk().entrapmentByCause();
    if (byCause != null) {
      // -ln(1 - p) of one or more entrapments is the sum of the causes' rates: the three losses add
      // up to it.
      double severity = terms.severity().perEntrapment().doubleValue();
      inputs.put("equipmentEntrapmentLoss", round2(annualRate(byCause.equipment()) * severity));
      inputs.put("misuseEntrapmentLoss", round2(annualRate(byCause.misuse()) * severity));
      inputs.put("externalEntrapmentLoss", round2(annualRate(byCause.external()) * severity));
    }
    inputs.put("band", in.risk().band().name());
    double expected = expectedAnnualLoss(terms, in.risk());
    inputs.put("expectedAnnualLoss", round2(expected));
    BigDecimal raw =
        classLoss.signum() > 0
            ? Cny.factor(expected / classLoss.doubleValue())
            : Cny.factor(BigDecimal.ONE);
    BigDecimal value = Cny.clamp(raw, terms.riskRelativity().min(), terms.riskRelativity().max());
    return new Factor(
        "riskRelativity",
        Cny.factor(value),
        inputs,
        "expected annual loss from the twin's 30-day fault and entrapment probabilities"
            + " (annualised) over what the tariff charges its class"
            + held(raw, value));
  }

  static Factor experienceFactor(ProductTerms terms, ClaimsExperience e) {
    BigDecimal k = terms.experience().credibilityK();
    BigDecimal z =
        e.exposureYears().signum() == 0
            ? BigDecimal.ZERO
            : e.exposureYears().divide(e.exposureYears().add(k), Cny.EXACT);
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("exposureYears", e.exposureYears().setScale(4, Cny.FACTOR_ROUNDING));
    inputs.put("claims", e.claims());
    inputs.put("expectedClaims", e.expectedClaims().setScale(4, Cny.FACTOR_ROUNDING));
    inputs.put("credibilityK", k);
    inputs.put("credibility", Cny.factor(z));
    if (z.signum() == 0 || e.expectedClaims().signum() == 0) {
      return new Factor(
          "experience", Cny.factor(BigDecimal.ONE), inputs, "no exposure yet: no credibility");
    }
    BigDecimal ratio = BigDecimal.valueOf(e.claims()).divide(e.expectedClaims(), Cny.EXACT);
    BigDecimal raw =
        Cny.factor(
            BigDecimal.ONE.add(Cny.factor(z).multiply(ratio.subtract(BigDecimal.ONE), Cny.EXACT)));
    BigDecimal value = Cny.clamp(raw, terms.experience().min(), terms.experience().max());
    return new Factor(
        "experience",
        Cny.factor(value),
        inputs,
        "Bühlmann-Straub: 1 + credibility x (claims / expectedClaims - 1)" + held(raw, value));
  }

  static Factor maintenanceFactor(ProductTerms terms, RatingInputs.MaintenanceRecord m) {
    ProductTerms.Maintenance t = terms.maintenance();
    if (m == null || m.company() == null) {
      return new Factor(
          "maintenance",
          Cny.factor(t.withoutCompany()),
          Map.of(),
          "no maintenance company on the register");
    }
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("maintenanceCompany", m.company());
    inputs.put("companyElevators", m.elevators());
    inputs.put("companyOverdue", m.overdue());
    inputs.put("cityElevators", m.cityElevators());
    inputs.put("cityOverdue", m.cityOverdue());
    inputs.put("credibilityK", t.credibilityK());
    inputs.put("sensitivity", t.sensitivity());
    if (m.elevators() == 0 || m.cityElevators() == 0 || m.cityOverdue() == 0) {
      return new Factor(
          "maintenance",
          Cny.factor(BigDecimal.ONE),
          inputs,
          "no overdue maintenance in the city to compare with");
    }
    BigDecimal companyShare =
        BigDecimal.valueOf(m.overdue()).divide(BigDecimal.valueOf(m.elevators()), Cny.EXACT);
    BigDecimal cityShare =
        BigDecimal.valueOf(m.cityOverdue())
            .divide(BigDecimal.valueOf(m.cityElevators()), Cny.EXACT);
    BigDecimal ratio = companyShare.divide(cityShare, Cny.EXACT);
    BigDecimal n = BigDecimal.valueOf(m.elevators());
    BigDecimal z = n.divide(n.add(t.credibilityK()), Cny.EXACT);
    inputs.put("credibility", Cny.factor(z));
    inputs.put("overdueRatio", Cny.factor(ratio));
    BigDecimal raw =
        Cny.factor(
            BigDecimal.ONE.add(
                Cny.factor(z)
                    .multiply(t.sensitivity(), Cny.EXACT)
                    .multiply(Cny.factor(ratio).subtract(BigDecimal.ONE), Cny.EXACT)));
    BigDecimal value = Cny.clamp(raw, t.min(), t.max());
    return new Factor(
        "maintenance",
        Cny.factor(value),
        inputs,
        "1 + credibility x sensitivity x (company's overdue share / city's - 1)"
            + held(raw, value));
  }

  private static String held(BigDecimal raw, BigDecimal value) {
    return raw.compareTo(value) == 0 ? "" : "; " + raw + " held to the product's bound " + value;
  }

  private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }

  private static double round2(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
