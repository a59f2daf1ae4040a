package io.liftguard.twin.domain.access;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Who may do what. An elevator outside a principal's scope is hidden (the API answers 404, as for
 * an elevator that does not exist, so tenants cannot probe each other's registers); inside the
 * scope, an action the role may not take is forbidden (403). Pure: no I/O, no clock.
 */
public final class AccessPolicy {
  private AccessPolicy() {}

  /** The answer for one check. */
  public enum Outcome {
    ALLOW,
    FORBIDDEN,
    HIDDEN
  }

  private static final Map<Role, Set<Action>> ALLOWED =
      Map.of(
          Role.ADMIN, EnumSet.allOf(Action.class),
          Role.REGULATOR,
              EnumSet.of(
                  Action.READ_TWIN,
                  Action.RECORD_INSPECTION,
                  Action.REGISTER,
                  Action.LIST_ELEVATORS,
                  Action.FILE_COMPLAINT,
                  Action.RECORD_SUPERVISION,
                  Action.READ_SUPERVISION),
          Role.INSURER, EnumSet.of(Action.READ_TWIN, Action.LIST_ELEVATORS),
          Role.MAINTAINER,
              EnumSet.of(
                  Action.READ_TWIN,
                  Action.LIST_ELEVATORS,
                  Action.RECORD_MAINTENANCE,
                  Action.REPORT_EVENT),
          Role.USING_UNIT,
              EnumSet.of(
                  Action.READ_TWIN,
                  Action.LIST_ELEVATORS,
                  Action.REPORT_EVENT,
                  Action.FILE_COMPLAINT),
          Role.RESCUE_CENTRE,
              EnumSet.of(Action.READ_TWIN, Action.LIST_ELEVATORS, Action.REPORT_EVENT),
          Role.GATEWAY, EnumSet.of(Action.WRITE_TELEMETRY, Action.REPORT_EVENT));

  /** Whether the elevator is inside the principal's scope at all. */
  public static boolean covers(Principal p, ElevatorScope e) {
    Scope s = p.scope() == null ? Scope.NONE : p.scope();
    return switch (p.role()) {
      case ADMIN, RESCUE_CENTRE -> true;
      case REGULATOR ->
          s.district() == null
              || s.district().isBlank()
              || s.district().equalsIgnoreCase(e.district());
      case INSURER -> s.insurer() != null && s.insurer().equals(e.insurer());
      case MAINTAINER -> s.maintainer() != null && s.maintainer().equals(e.maintainer());
      case USING_UNIT -> s.usingUnit() != null && s.usingUnit().equals(e.usingUnit());
      case GATEWAY ->
          s.elevators().contains(e.id())
              || (s.usingUnit() != null && s.usingUnit().equals(e.usingUnit()));
    };
  }

  /** May the role take this action at all (on some elevator in its scope)? */
  public static boolean roleMay(Role role, Action action) {
    return ALLOWED.get(role).contains(action);
  }

  /**
   * The outcome for an action on one elevator. For {@link Action#REGISTER} the elevator is the data
   * being registered: a role that may register but outside its jurisdiction is forbidden, not
   * hidden (it is the caller's own submission).
   */
  public static Outcome decide(Principal p, Action action, ElevatorScope e) {
    boolean covered = covers(p, e);
    if (action == Action.REGISTER) {
      return roleMay(p.role(), action) && covered ? Outcome.ALLOW : Outcome.FORBIDDEN;
    }
    if (!covered) {
      return Outcome.HIDDEN;
    }
    return roleMay(p.role(), action) ? Outcome.ALLOW : Outcome.FORBIDDEN;
  }

  /** The outcome for an action that concerns no single elevator. */
  public static Outcome decide(Principal p, Action action) {
    return roleMay(p.role(), action) ? Outcome.ALLOW : Outcome.FORBIDDEN;
  }
}
