package io.liftguard.regulation.domain;

import io.liftguard.twin.domain.access.Principal;
import io.liftguard.twin.domain.access.Role;
import java.util.Locale;

/**
 * Where KPIs and lists are counted: the whole city, one district, or one street of a district
 * ({@code id} "district/street"). Districts and streets match case-insensitively, as regulators'
 * scopes do.
 */
public record Area(Level level, String district, String street) {
  public enum Level {
    CITY,
    DISTRICT,
    STREET
  }

  /** The area a principal covers: a regulator's district, else the whole city. */
  public static Area of(Principal p) {
    String district = p.role() == Role.REGULATOR && p.scope() != null ? p.scope().district() : null;
    return district == null || district.isBlank()
        ? new Area(Level.CITY, null, null)
        : new Area(Level.DISTRICT, district.trim(), null);
  }

  /**
   * The scope named by {@code ?scope=&id=}, or {@code own} (the caller's own area) when no scope is
   * named; throws IllegalArgumentException with the problem.
   */
  public static Area parse(String scope, String id, Area own) {
    if (scope == null) {
      if (id != null) {
        throw new IllegalArgumentException("id needs a scope: scope=district or scope=street");
      }
      return own;
    }
    Level level;
    try {
      level = Level.valueOf(scope.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "scope '" + scope + "' is not one of city, district or street");
    }
    return switch (level) {
      case CITY -> new Area(level, null, null);
      case DISTRICT -> {
        if (id == null || id.isBlank() || id.length() > 128 || id.contains("/")) {
          throw new IllegalArgumentException(
              "id is required for scope=district: the district's name (1-128 characters)");
        }
        yield new Area(level, id.trim(), null);
      }
      case STREET -> {
        int slash = id == null ? -1 : id.indexOf('/');
        if (slash <= 0 || slash == id.length() - 1 || id.length() > 257) {
          throw new IllegalArgumentException(
              "id is required for scope=street: \"district/street\"");
        }
        yield new Area(level, id.substring(0, slash).trim(), id.substring(slash + 1).trim());
      }
    };
  }

  /**
   * What names this area in {@code ?scope=&id=}: the district, "district/street", or null for the
   * city.
   */
  public String id() {
    return switch (level) {
      case CITY -> null;
      case DISTRICT -> district;
      case STREET -> district + "/" + street;
    };
  }

  /**
   * Whether {@code p} may read the KPIs and lists of this area: admins and the rescue centre all; a
   * regulator without a district all, with one its district and its streets only; nobody else.
   */
  public boolean readableBy(Principal p) {
    if (p.role() == Role.ADMIN || p.role() == Role.RESCUE_CENTRE) {
      return true;
    }
    if (p.role() != Role.REGULATOR) {
      return false;
    }
    String own = p.scope() == null ? null : p.scope().district();
    return own == null || own.isBlank() || (level != Level.CITY && own.equalsIgnoreCase(district));
  }
}
