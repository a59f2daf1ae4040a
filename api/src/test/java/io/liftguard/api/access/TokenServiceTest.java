package io.liftguard.api.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liftguard.kernel.MutableClock;
import io.liftguard.twin.domain.access.Principal;
import io.liftguard.twin.domain.access.Role;
import io.liftguard.twin.domain.access.Scope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenServiceTest {
  private static final AuthSettings SETTINGS =
      new AuthSettings(
          "", "liftguard", "liftguard-api", Duration.ofDays(30), Duration.ofDays(365), 10, 10);
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T00:00:00Z"));
  private final TokenService tokens =
      new TokenService("0123456789abcdef0123456789abcdef".getBytes(), SETTINGS, clock);

  @Test
  void roundTripsPrincipalRoleAndScope() {
    Principal p =
        new Principal(
            "gw-1", Role.GATEWAY, new Scope(null, null, null, "Unit 1", List.of("E1", "E2")));
    assertEquals(p, tokens.verify(tokens.mint(p, Duration.ofHours(1))));
  }

  @Test
  void expiresByTheInjectedClock() {
    String t = tokens.mint(new Principal("a", Role.ADMIN, Scope.NONE), Duration.ofHours(1));
    clock.advance(Duration.ofMinutes(59));
    tokens.verify(t);
    clock.advance(Duration.ofMinutes(5));
    var e = assertThrows(TokenService.InvalidTokenException.class, () -> tokens.verify(t));
    assertTrue(e.getMessage().toLowerCase().contains("expired"), e.getMessage());
  }

  @Test
  void aRememberedTokenStillExpiresAndATamperedCopyIsVerifiedAfresh() {
    String t = tokens.mint(new Principal("gw", Role.ADMIN, Scope.NONE), Duration.ofMinutes(10));
    assertEquals("gw", tokens.verify(t).id());
    String[] parts = t.split("\\.");
    String forged =
        parts[0]
            + "."
            + parts[1]
            + "."
            + (parts[2].charAt(0) == 'A' ? 'B' : 'A')
            + parts[2].substring(1);
    assertThrows(TokenService.InvalidTokenException.class, () -> tokens.verify(forged));
    // the verifier allows 60 s of clock skew past exp; the remembered token must end exactly there
    // too
    clock.advance(Duration.ofMinutes(11).minusMillis(1));
    assertEquals("gw", tokens.verify(t).id());
    clock.advance(Duration.ofMillis(1));
    assertThrows(TokenService.InvalidTokenException.class, () -> tokens.verify(t));
  }

  @Test
  void secretComesFromConfigOrIsGeneratedOnceInTheDataDir(@TempDir Path dir) throws Exception {
    byte[] first = SecretStore.resolve(SETTINGS, dir);
    assertEquals(32, first.length);
    assertEquals(
        List.of(first[0], first[31]),
        List.of(SecretStore.resolve(SETTINGS, dir)[0], SecretStore.resolve(SETTINGS, dir)[31]));
    assertEquals(
        "rw-------",
        java.nio.file.attribute.PosixFilePermissions.toString(
            Files.getPosixFilePermissions(dir.resolve("jwt-secret"))));
    AuthSettings shortSecret =
        new AuthSettings("too-short", "i", "a", Duration.ofDays(1), Duration.ofDays(1), 1, 1);
    assertThrows(IllegalArgumentException.class, () -> SecretStore.resolve(shortSecret, dir));
  }
}
