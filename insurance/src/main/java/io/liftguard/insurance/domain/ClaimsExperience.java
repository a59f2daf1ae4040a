package io.liftguard.insurance.domain;

import java.math.BigDecimal;

/**
 * One elevator's claims experience under a policy (and the policies it renews): its exposure in
 * elevator-years, the claims made (all but rejected ones) and the claims its priced risk predicted
 * over that exposure.
 */
public record ClaimsExperience(BigDecimal exposureYears, long claims, BigDecimal expectedClaims) {
  public static final ClaimsExperience NONE =
      new ClaimsExperience(BigDecimal.ZERO, 0, BigDecimal.ZERO);

  public ClaimsExperience plusExposure(BigDecimal years, BigDecimal expected) {
    return new ClaimsExperience(exposureYears.add(years), claims, expectedClaims.add(expected));
  }

  public ClaimsExperience plusClaims(long n) {
    return new ClaimsExperience(exposureYears, claims + n, expectedClaims);
  }
}
