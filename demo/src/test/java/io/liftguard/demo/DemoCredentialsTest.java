package io.liftguard.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liftguard.api.access.AuthSettings;
import io.liftguard.api.access.TokenService;
import io.liftguard.kernel.MutableClock;
import io.liftguard.twin.domain.RegisterData;
import io.liftguard.twin.domain.access.AccessPolicy;
import io.liftguard.twin.domain.access.ElevatorScope;
import io.liftguard.twin.domain.access.Principal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCredentialsTest {
  private static final AuthSettings SETTINGS =
      new AuthSettings(
          "", "liftguard", "liftguard-api", Duration.ofDays(30), Duration.ofDays(365), 10, 10);
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T00:00:00Z"));
  private final TokenService tokens =
      new TokenService("0123456789abcdef0123456789abcdef".getBytes(), SETTINGS, clock);

  @Test
  void everyDemoCredentialIsValidAndCoversSomeDemoElevator(@TempDir Path dir) throws Exception {
    Path file = DemoCredentials.write(tokens, dir, Duration.ofDays(1));
    String json = Files.readString(file);
    List<RegisterData> city =
        DemoCity.register(
            new DemoCity.Settings(true, 300, Duration.ofSeconds(5), Duration.ofMinutes(2), 42),
            clock.instant());
    for (Principal p : DemoCredentials.principals()) {
      assertTrue(json.contains("\"" + p.role().wireName() + "\""), p.role().wireName());
      assertEquals(List.of(), p.problems());
      boolean covers =
          city.stream().map(ElevatorScope::of).anyMatch(e -> AccessPolicy.covers(p, e));
      assertTrue(covers, p.id() + " covers no demo elevator");
    }
    var node = io.liftguard.api.http.Json.MAPPER.readTree(json);
    assertEquals(7, node.size());
    Principal insurer = tokens.verify(node.get("insurer").get("token").asText());
    assertEquals("PICC Chongqing", insurer.scope().insurer());
  }
}
