package io.liftguard.api.routes;

import io.liftguard.twin.domain.access.Principal;
import io.liftguard.twin.domain.access.Role;
import io.liftguard.twin.domain.access.Scope;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The principals and clock the route tests share. */
final class Principals {
  private Principals() {}

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T02:00:00Z"), ZoneOffset.UTC);
  static final Principal ADMIN = new Principal("ops", Role.ADMIN, Scope.NONE);
  static final Principal JIANGJIN =
      new Principal("reg", Role.REGULATOR, new Scope("Jiangjin", null, null, null, null));
  static final Principal PICC =
      new Principal("picc", Role.INSURER, new Scope(null, "PICC Chongqing", null, null, null));
  static final Principal GATEWAY =
      new Principal("gw", Role.GATEWAY, new Scope(null, null, null, null, List.of("JJ-1")));
}
