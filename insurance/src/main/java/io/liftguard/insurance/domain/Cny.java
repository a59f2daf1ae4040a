package io.liftguard.insurance.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The rounding rule for money and rating factors, in one place. Money is exact decimal CNY: every
 * premium, claim and balance is rounded to the fen (0.01 CNY) half-up, once, at the end of its
 * computation. Rating factors are rounded to four decimal places half-even before they are
 * multiplied, so the factors a breakdown shows are exactly the ones the premium was computed from:
 * anyone can redo the multiplication by hand and get the same fen.
 */
public final class Cny {
  public static final int SCALE = 2;
  public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
  public static final int FACTOR_SCALE = 4;
  public static final RoundingMode FACTOR_ROUNDING = RoundingMode.HALF_EVEN;

  /** Intermediate products and quotients: 34 significant digits, far beyond any fen. */
  public static final MathContext EXACT = MathContext.DECIMAL128;

  public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);

  /** Exclusive upper bound of any amount the platform takes in (a claim, a loss): 10^12 CNY. */
  public static final BigDecimal LIMIT = new BigDecimal("1000000000000");

  private Cny() {}

  /**
   * What is wrong with an amount taken in from outside, if anything: it must be in whole fen and
   * below {@link #LIMIT}. Judged on magnitude and scale before any arithmetic: 1e999999999 is cheap
   * to hold but not to round.
   */
  public static Optional<String> problem(BigDecimal amount) {
    if (amount.signum() != 0 && (long) amount.precision() - amount.scale() > LIMIT.precision() - 1
        || amount.abs().compareTo(LIMIT) >= 0) {
      return Optional.of("an amount must be below " + LIMIT.toPlainString() + " CNY");
    }
    if (amount.stripTrailingZeros().scale() > SCALE) {
      return Optional.of(
          "an amount is in whole fen (at most 2 decimal places), not " + amount.toPlainString());
    }
    return Optional.empty();
  }

  /** {@code amount} rounded to the fen. */
  public static BigDecimal money(BigDecimal amount) {
    return amount.setScale(SCALE, ROUNDING);
  }

  /** A rating factor rounded to four decimal places. */
  public static BigDecimal factor(double value) {
    return factor(BigDecimal.valueOf(value));
  }

  /** A rating factor rounded to four decimal places. */
  public static BigDecimal factor(BigDecimal value) {
    return value.setScale(FACTOR_SCALE, FACTOR_ROUNDING);
  }

  /** {@code value} within [min, max]. */
  public static BigDecimal clamp(BigDecimal value, BigDecimal min, BigDecimal max) {
    return value.compareTo(min) < 0 ? min : value.compareTo(max) > 0 ? max : value;
  }
}
