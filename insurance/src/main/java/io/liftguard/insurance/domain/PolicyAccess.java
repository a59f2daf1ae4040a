package io.liftguard.insurance.domain;

import io.liftguard.twin.domain.access.Principal;
import io.liftguard.twin.domain.access.Role;
import io.liftguard.twin.domain.access.Scope;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Who may do what with policies. A policy is visible to its insurer, its policyholder (a using unit
 * whose scope names it) and admins; to anyone else it does not exist (the API answers 404, as for
 * elevators). Inside, each role may take only some actions (403 otherwise). Pure.
 */
public final class PolicyAccess {
  private PolicyAccess() {}

  /** What a request does to a policy or a book of policies. */
  public enum Action {
    /** Price a quote, bind it, cancel a policy. */
    UNDERWRITE,
    /** Read a policy, its premium history, claims and service actions. */
    READ,
    /** Report a loss (a manual claim). */
    REPORT_CLAIM,
    /** Assess, pay or reject a claim. */
    SETTLE_CLAIM,
    /** Record an insurer-funded safety check as done. */
    COMPLETE_SERVICE,
    /** Read an insurer's portfolio and bordereau. */
    READ_PORTFOLIO
  }

  private static final Map<Role, Set<Action>> ALLOWED =
      Map.of(
          Role.ADMIN, EnumSet.allOf(Action.class),
          Role.INSURER, EnumSet.allOf(Action.class),
          Role.USING_UNIT, EnumSet.of(Action.READ, Action.REPORT_CLAIM));

  /** May the role take this action on any policy at all? */
  public static boolean roleMay(Role role, Action action) {
    return ALLOWED.getOrDefault(role, Set.of()).contains(action);
  }

  /** Is the policy of {@code insurer} held by {@code policyholder} visible to {@code p}? */
  public static boolean sees(Principal p, String insurer, String policyholder) {
    Scope s = p.scope() == null ? Scope.NONE : p.scope();
    return switch (p.role()) {
      case ADMIN -> true;
      case INSURER -> s.insurer() != null && s.insurer().equals(insurer);
      case USING_UNIT -> s.usingUnit() != null && s.usingUnit().equals(policyholder);
      default -> false;
    };
  }

  /** Is {@code insurer}'s portfolio visible to {@code p}? */
  public static boolean seesBook(Principal p, String insurer) {
    Scope s = p.scope() == null ? Scope.NONE : p.scope();
    return p.role() == Role.ADMIN || p.role() == Role.INSURER && insurer.equals(s.insurer());
  }
}
