package io.liftguard.fleet.domain;

import io.liftguard.twin.domain.access.Principal;
import io.liftguard.twin.domain.access.Scope;
import java.util.List;
import java.util.Locale;

/**
 * The elevators a principal may see, as the read model's queries apply it: the same rule as {@link
 * io.liftguard.twin.domain.access.AccessPolicy#covers}, on the same register attributes, expressed
 * as column matches. Null fields do not restrict; {@link #nothing} sees no elevator at all. A
 * gateway's bound {@code elevators} and its {@code usingUnit} are alternatives: either may match.
 */
public record FleetScope(
    boolean nothing,
    String districtKey,
    String insurer,
    String maintainer,
    String usingUnit,
    List<String> elevators) {

  public static final FleetScope ALL = new FleetScope(false, null, null, null, null, List.of());
  static final FleetScope NOTHING = new FleetScope(true, null, null, null, null, List.of());

  public static FleetScope of(Principal p) {
    Scope s = p.scope() == null ? Scope.NONE : p.scope();
    return switch (p.role()) {
      case ADMIN, RESCUE_CENTRE -> ALL;
      case REGULATOR ->
          blank(s.district())
              ? ALL
              : new FleetScope(
                  false, s.district().toLowerCase(Locale.ROOT), null, null, null, List.of());
      case INSURER ->
          blank(s.insurer())
              ? NOTHING
              : new FleetScope(false, null, s.insurer(), null, null, List.of());
      case MAINTAINER ->
          blank(s.maintainer())
              ? NOTHING
              : new FleetScope(false, null, null, s.maintainer(), null, List.of());
      case USING_UNIT ->
          blank(s.usingUnit())
              ? NOTHING
              : new FleetScope(false, null, null, null, s.usingUnit(), List.of());
      // A gateway sees its bound elevators or its using unit's: either may match.
      case GATEWAY ->
          s.elevators().isEmpty() && blank(s.usingUnit())
              ? NOTHING
              : new FleetScope(
                  false,
                  null,
                  null,
                  null,
                  blank(s.usingUnit()) ? null : s.usingUnit(),
                  s.elevators());
    };
  }

  private static boolean blank(String v) {
    return v == null || v.isBlank();
  }
}
