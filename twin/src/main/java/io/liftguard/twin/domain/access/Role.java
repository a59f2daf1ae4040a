package io.liftguard.twin.domain.access;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Who a principal is, as DOMAIN.md lists the platform's users. Wire names are the lower-case forms.
 */
public enum Role {
  @JsonProperty("gateway")
  GATEWAY("gateway"),
  @JsonProperty("insurer")
  INSURER("insurer"),
  @JsonProperty("regulator")
  REGULATOR("regulator"),
  @JsonProperty("maintainer")
  MAINTAINER("maintainer"),
  @JsonProperty("using-unit")
  USING_UNIT("using-unit"),
  @JsonProperty("rescue-centre")
  RESCUE_CENTRE("rescue-centre"),
  @JsonProperty("admin")
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
