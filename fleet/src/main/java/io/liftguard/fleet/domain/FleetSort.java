package io.liftguard.fleet.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The order of a fleet search: one field, ascending or descending, ties broken by elevator id
 * (ascending).
 */
public record FleetSort(Field field, boolean descending) {
  public static final FleetSort BY_ID = new FleetSort(Field.ELEVATOR_ID, false);

  /** What a search can be sorted by; {@link #param} is its name in the API. */
  public enum Field {
    ELEVATOR_ID("elevatorId"),
    DISTRICT("district"),
    INSTALLATION_DATE("installationDate"),
    FAULT_RISK("faultRisk"),
    ENTRAPMENT_RISK("entrapmentRisk"),
    LAST_REPORT_AT("lastReportAt"),
    OPEN_FAULTS("openFaults"),
    NEXT_INSPECTION_DUE("nextInspectionDue"),
    MAINTENANCE_DUE("maintenanceDue");

    public final String param;

    Field(String param) {
      this.param = param;
    }

    public static Optional<Field> ofParam(String name) {
      return Arrays.stream(values()).filter(f -> f.param.equalsIgnoreCase(name)).findFirst();
    }

    public static String names() {
      return String.join(", ", Arrays.stream(values()).map(f -> f.param).toList());
    }
  }

  /** {@code faultRisk} ascending, {@code -faultRisk} descending. */
  public static Optional<FleetSort> parse(String text) {
    String t = text.trim();
    boolean desc = t.startsWith("-");
    return Field.ofParam(desc ? t.substring(1) : t).map(f -> new FleetSort(f, desc));
  }

  public String asParam() {
    return (descending ? "-" : "") + field.param;
  }

  @Override
  public String toString() {
    return asParam().toLowerCase(Locale.ROOT);
  }
}
