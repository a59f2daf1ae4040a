package io.liftguard.twin.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Collects validation problems, each naming the field it is about. */
final class Problems {
  private final List<String> list = new ArrayList<>();

  void require(boolean ok, String problem) {
    if (!ok) {
      list.add(problem);
    }
  }

  void text(String field, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      list.add(field + " is required");
    } else if (value.length() > maxLength) {
      list.add(field + " is longer than " + maxLength + " characters");
    }
  }

  void optionalText(String field, String value, int maxLength) {
    if (value != null && value.length() > maxLength) {
      list.add(field + " is longer than " + maxLength + " characters");
    }
  }

  void notNull(String field, Object value) {
    if (value == null) {
      list.add(field + " is required");
    }
  }

  void range(String field, Number value, double min, double max, String unit) {
    if (value == null) {
      return;
    }
    double v = value.doubleValue();
    if (Double.isNaN(v) || Double.isInfinite(v) || v < min || v > max) {
      list.add(
          field
              + " = "
              + value
              + " is outside the physical range ["
              + fmt(min)
              + ", "
              + fmt(max)
              + "] "
              + unit);
    }
  }

  /**
   * A required time, neither in the future (beyond the clock skew allowed) nor older than the
   * window allows.
   */
  void timely(String field, Instant at, Instant now, Reading.TimeWindow window) {
    notNull(field, at);
    if (at == null) {
      return;
    }
    // messages built only when needed: this runs for every reading ingested
    if (at.isAfter(now.plus(window.maxClockSkew()))) {
      list.add(
          field
              + " "
              + at
              + " is in the future (more than "
              + window.maxClockSkew()
              + " ahead of "
              + now
              + ")");
    }
    if (at.isBefore(now.minus(window.maxAge()))) {
      list.add(field + " " + at + " is older than " + window.maxAge() + " before " + now);
    }
  }

  void add(String problem) {
    list.add(problem);
  }

  List<String> toList() {
    return List.copyOf(list);
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
