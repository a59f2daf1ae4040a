package io.liftguard.maintenance.domain;

import io.liftguard.twin.domain.access.Principal;
import io.liftguard.twin.domain.access.Role;
import io.liftguard.twin.domain.access.Scope;

/**
 * Who may do what with contracts, certificates and visits. A contract is seen by its two parties
 * (the using unit and the maintenance company, as their principals' scopes name them), by the
 * regulator of an area where it covers an elevator, and by admins; either party signs a version
 * naming it. Certificates are issued by regulators (the market regulator issues them) and admins. A
 * company's maintainers check in and out, and read their company's work list. Pure.
 */
public final class MaintenanceAccess {
  private MaintenanceAccess() {}

  public enum Action {
    READ_CONTRACTS,
    SIGN_CONTRACT,
    ISSUE_CERTIFICATE,
    READ_CERTIFICATE,
    VISIT,
    READ_WORK_LIST
  }

  public static boolean roleMay(Role role, Action action) {
    return switch (role) {
      case ADMIN -> true;
      case REGULATOR ->
          action == Action.READ_CONTRACTS
              || action == Action.ISSUE_CERTIFICATE
              || action == Action.READ_CERTIFICATE;
      case MAINTAINER -> action != Action.ISSUE_CERTIFICATE;
      case USING_UNIT -> action == Action.READ_CONTRACTS || action == Action.SIGN_CONTRACT;
      default -> false;
    };
  }

  /** The company a maintainer's principal works for; null for any other role. */
  public static String companyOf(Principal p) {
    return p.role() == Role.MAINTAINER ? scope(p).maintainer() : null;
  }

  /**
   * Whether {@code p} is a party to {@code contract} (admins are party to everything): the only
   * callers who may sign a version of it.
   */
  public static boolean isParty(Principal p, Contract contract) {
    Scope s = scope(p);
    return switch (p.role()) {
      case ADMIN -> true;
      case MAINTAINER -> s.maintainer() != null && s.maintainer().equals(contract.company());
      case USING_UNIT -> s.usingUnit() != null && s.usingUnit().equals(contract.usingUnit());
      default -> false;
    };
  }

  private static Scope scope(Principal p) {
    return p.scope() == null ? Scope.NONE : p.scope();
  }
}
