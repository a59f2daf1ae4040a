package io.liftguard.api.access;

import com.typesafe.config.Config;
import java.time.Duration;

/** The {@code liftguard.auth} section. {@code jwtSecret} may be empty: see {@link SecretStore}. */
public record AuthSettings(
    String jwtSecret,
    String issuer,
    String audience,
    Duration defaultTtl,
    Duration maxTtl,
    long ratePerSecond,
    long burst) {

  public static AuthSettings fromConfig(Config root) {
    Config c = root.getConfig("liftguard.auth");
    return new AuthSettings(
        c.getString("jwt-secret"),
        c.getString("issuer"),
        c.getString("audience"),
        c.getDuration("default-ttl"),
        c.getDuration("max-ttl"),
        c.getLong("rate-limit.per-second"),
        c.getLong("rate-limit.burst"));
  }
}
