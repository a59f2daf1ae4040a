package io.liftguard.twin.domain.access;

/**
 * Who a principal is, as DOMAIN.md lists the platform's users. Wire names are the lower-case forms.
 */
public enum Role {
  GATEWAY("gateway"),
  INSURER("insurer"),
  REGULATOR("regulator"),
  MAINTAINER("maintainer"),
  USING_UNIT("using-unit"),
  RESCUE_CENTRE("rescue-centre"),
  ADMIN("admin");

  private final String wireName;

  Role(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Role of(String name) {
    for (Role r : values()) {
      if (r.wireName.equalsIgnoreCase(name) || r.name().equalsIgnoreCase(name)) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "unknown role '"
            + name
            + "'; roles are gateway, insurer, regulator, "
            + "maintainer, using-unit, rescue-centre, admin");
  }
}
