package io.liftguard.fleet.domain;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a page of a fleet search ended: the sort it belongs to, the last row's sort key (as text,
 * empty for none) and the last row's elevator id. Opaque to clients (base64url).
 */
public record FleetCursor(String sort, String key, String elevatorId) {
  private static final char SEP = '\u001f';

  public String encode() {
    String raw = sort + SEP + (key == null ? "" : key) + SEP + elevatorId;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor, or empty when {@code text} is not one this platform made. */
  public static Optional<FleetCursor> decode(String text) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
      String[] parts = raw.split(String.valueOf(SEP), -1);
      if (parts.length != 3 || parts[2].isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new FleetCursor(parts[0], parts[1].isEmpty() ? null : parts[1], parts[2]));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
