package io.liftguard.api.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the token-signing secret comes from: {@code LIFTGUARD_JWT_SECRET}
 * (liftguard.auth.jwt-secret) when set, else a random 256-bit secret generated once and kept
 * owner-readable in {@code <data-dir>/jwt-secret}, so a zero-setup platform still has stable
 * credentials across restarts and no secret ever sits in the repository.
 */
public final class SecretStore {
  private static final Logger log = LoggerFactory.getLogger(SecretStore.class);
  static final int MIN_BYTES = 32;

  private SecretStore() {}

  public static byte[] resolve(AuthSettings settings, Path dataDir) {
    if (!settings.jwtSecret().isBlank()) {
      byte[] secret = settings.jwtSecret().getBytes(StandardCharsets.UTF_8);
      if (secret.length < MIN_BYTES) {
        throw new IllegalArgumentException(
            "LIFTGUARD_JWT_SECRET must be at least "
                + MIN_BYTES
                + " bytes (HS256 needs a 256-bit key)");
      }
      return secret;
    }
    Path file = dataDir.resolve("jwt-secret");
    try {
      if (Files.exists(file)) {
        return Base64.getDecoder().decode(Files.readString(file).trim());
      }
      Files.createDirectories(dataDir);
      byte[] secret = new byte[MIN_BYTES];
      new SecureRandom().nextBytes(secret);
      Files.writeString(file, Base64.getEncoder().encodeToString(secret));
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        log.warn("could not restrict permissions of {}", file);
      }
      log.warn(
          "LIFTGUARD_JWT_SECRET is not set: generated a signing secret in {} (set the variable in"
              + " production)",
          file);
      return secret;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the signing secret " + file, e);
    }
  }
}
