package io.liftguard.fleet.domain;

import java.util.Arrays;
import java.util.Optional;

/** What fleet aggregates can be grouped by; {@link #param} is its name in the API. */
public enum GroupBy {
  DISTRICT("district"),
  STREET("street"),
  MAINTENANCE_COMPANY("maintenanceCompany"),
  MANUFACTURER("manufacturer"),
  INSURER("insurer"),
  BUILDING_TYPE("buildingType"),
  USING_UNIT("usingUnit");

  public final String param;

  GroupBy(String param) {
    this.param = param;
  }

  public static Optional<GroupBy> ofParam(String name) {
    return Arrays.stream(values()).filter(g -> g.param.equalsIgnoreCase(name)).findFirst();
  }

  public static String names() {
    return String.join(", ", Arrays.stream(values()).map(g -> g.param).toList());
  }
}
