package io.liftguard.rescue.domain;

import io.liftguard.twin.domain.access.Principal;
import io.liftguard.twin.domain.access.Role;

/**
 * Who may do what with rescue cases: the rescue centre and admins handle every case; a regulator
 * reads the cases of its district (all, without one). A case outside the caller's view answers 404,
 * as an elevator does.
 */
public final class RescueAccess {
  private RescueAccess() {}

  public enum Action {
    READ,
    HANDLE
  }

  public static boolean roleMay(Role role, Action action) {
    return switch (role) {
      case RESCUE_CENTRE, ADMIN -> true;
      case REGULATOR -> action == Action.READ;
      default -> false;
    };
  }

  /**
   * Whether {@code p} sees a case in {@code district} (null: not known at the alarm, seen by the
   * centre only).
   */
  public static boolean sees(Principal p, String district) {
    if (p.role() != Role.REGULATOR) {
      return roleMay(p.role(), Action.READ);
    }
    String own = p.scope() == null ? null : p.scope().district();
    return own == null || own.isBlank() || own.equalsIgnoreCase(district);
  }

  /** The district a principal's case lists are limited to, null for every district. */
  public static String districtOf(Principal p) {
    if (p.role() != Role.REGULATOR
        || p.scope() == null
        || p.scope().district() == null
        || p.scope().district().isBlank()) {
      return null;
    }
    return p.scope().district();
  }
}
