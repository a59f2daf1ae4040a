package io.liftguard.insurance.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * One elevator's annual premium with its breakdown: multiply the factors' values onto the base
 * rate, apply the loading, add the service budget, round to the fen, and you get {@code
 * annualPremium}.
 *
 * @param purePremium the expected-loss part before loadings (CNY a year, exact to the fen)
 * @param expectedAnnualLoss the loss a year (CNY) the priced risk predicts under the product's
 *     severities: what the portfolio's expected loss sums
 * @param expectedEntrapments the entrapments a year its priced risk predicts (what claims
 *     experience is measured against)
 */
public record ElevatorPremium(
    String elevatorId,
    BigDecimal annualPremium,
    BigDecimal purePremium,
    BigDecimal expectedAnnualLoss,
    BigDecimal expectedEntrapments,
    List<Factor> factors,
    String productVersion,
    String modelVersion,
    RatingInputs inputs,
    ClaimsExperience experience) {}
