package io.liftguard.kernel.domain;

import java.util.List;

/** Why a command was refused; nothing was changed. */
public record Rejection(Code code, String message, List<String> details) {

  /** The kind of refusal; the API maps each to one HTTP status. */
  public enum Code {
    INVALID,
    NOT_REGISTERED,
    CONFLICT
  }

  public static Rejection invalid(List<String> problems) {
    return new Rejection(Code.INVALID, String.join("; ", problems), problems);
  }

  public static Rejection conflict(String problem) {
    return new Rejection(Code.CONFLICT, problem, List.of(problem));
  }

  public static Rejection notRegistered(String id) {
    return new Rejection(Code.NOT_REGISTERED, "elevator '" + id + "' is not registered", List.of());
  }

  /** Encodes this rejection as a StatusReply error text: "CODE: message". */
  public String asStatusText() {
    return code + ": " + message;
  }

  /** Reads back {@link #asStatusText()}; any other text is taken as an unexpected failure. */
  public static Rejection fromStatusText(String text) {
    for (Code c : Code.values()) {
      String prefix = c + ": ";
      if (text.startsWith(prefix)) {
        String message = text.substring(prefix.length());
        return new Rejection(c, message, List.of(message.split("; ")));
      }
    }
    throw new IllegalArgumentException("not a rejection: " + text);
  }
}
