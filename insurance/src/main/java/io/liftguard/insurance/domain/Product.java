package io.liftguard.insurance.domain;

import java.util.Locale;

/**
 * The three elevator products of the Chinese pilots (DOMAIN.md); wire names are the lower-case
 * forms.
 */
public enum Product {
  /** 电梯安全责任险: third-party liability for injury and entrapment, compensation per entrapment. */
  LIABILITY("liability", "电梯安全责任险"),
  /** 保险+服务: liability cover plus insurer-funded safety checks and oversight of maintenance. */
  INSURANCE_SERVICE("insurance-service", "保险+服务"),
  /** 电梯养老: a fund per elevator for major repair and replacement, accumulated over its life. */
  PENSION("pension", "电梯养老保险");

  private final String wireName;
  private final String chineseName;

  Product(String wireName, String chineseName) {
    this.wireName = wireName;
    this.chineseName = chineseName;
  }

  public String wireName() {
    return wireName;
  }

  public String chineseName() {
    return chineseName;
  }

  /** The product named {@code name} (wire or enum name, any case). */
  public static Product of(String name) {
    for (Product p : values()) {
      if (p.wireName.equalsIgnoreCase(name.trim()) || p.name().equalsIgnoreCase(name.trim())) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown product '" + name + "'; products are liability, insurance-service, pension");
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
