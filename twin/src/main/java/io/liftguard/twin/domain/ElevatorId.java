package io.liftguard.twin.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The elevator's registration code (使用登记证号), used as the twin's id. Codes may hold Chinese
 * characters and brackets (e.g. 梯11京A0001(18)); anything else that could break a path, a log line
 * or a persistence id is refused at the edge.
 */
public final class ElevatorId {
  private static final Pattern FORMAT =
      Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_.()\\-]{1,63}");

  private ElevatorId() {}

  /** Empty when the code is well-formed, else the problem in words. */
  public static Optional<String> problem(String code) {
    if (code == null || code.isBlank()) {
      return Optional.of("registrationCode is required");
    }
    if (!FORMAT.matcher(code).matches()) {
      return Optional.of(
          "registrationCode '"
              + abbreviate(code)
              + "' must be 2-64 letters, digits or _.()- and start with a letter or digit");
    }
    return Optional.empty();
  }

  public static boolean isValid(String code) {
    return problem(code).isEmpty();
  }

  static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
