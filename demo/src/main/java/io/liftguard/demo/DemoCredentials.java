package io.liftguard.demo;

import io.liftguard.api.access.TokenService;
import io.liftguard.api.http.Json;
import io.liftguard.sim.SimConfig;
import io.liftguard.twin.domain.access.Principal;
import io.liftguard.twin.domain.access.Role;
import io.liftguard.twin.domain.access.Scope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * In demo mode, one working credential per role, written to {@code
 * <data-dir>/demo-credentials.json} as role → {principal, scope, token}, with scopes that match the
 * demo city's register data.
 */
public final class DemoCredentials {
  /** One role's credential. */
  public record Entry(String principal, Scope scope, String token) {}

  private DemoCredentials() {}

  public static List<Principal> principals() {
    return List.of(
        new Principal("demo-admin", Role.ADMIN, Scope.NONE),
        new Principal(
            "demo-regulator-yuzhong", Role.REGULATOR, new Scope("Yuzhong", null, null, null, null)),
        new Principal(
            "demo-insurer-picc", Role.INSURER, new Scope(null, "PICC Chongqing", null, null, null)),
        new Principal(
            "demo-maintainer-yongan",
            Role.MAINTAINER,
            new Scope(null, null, SimConfig.DEFAULT_COMPANIES.get(0).name(), null, null)),
        new Principal(
            "demo-using-unit-1",
            Role.USING_UNIT,
            new Scope(null, null, null, "Property unit 1", null)),
        new Principal(
            "demo-gateway-unit-1",
            Role.GATEWAY,
            new Scope(null, null, null, "Property unit 1", null)),
        new Principal("demo-rescue-centre", Role.RESCUE_CENTRE, Scope.NONE));
  }

  public static Path write(TokenService tokens, Path dataDir, Duration ttl) {
    Map<String, Entry> byRole = new LinkedHashMap<>();
    for (Principal p : principals()) {
      byRole.put(p.role().wireName(), new Entry(p.id(), p.scope(), tokens.mint(p, ttl)));
    }
    Path file = dataDir.resolve("demo-credentials.json");
    try {
      Files.createDirectories(dataDir);
      Files.write(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(byRole));
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // best effort on non-POSIX file systems
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
