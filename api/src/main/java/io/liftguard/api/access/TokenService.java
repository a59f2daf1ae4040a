package io.liftguard.api.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.liftguard.twin.domain.access.Principal;
import io.liftguard.twin.domain.access.Role;
import io.liftguard.twin.domain.access.Scope;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Issues and verifies bearer tokens: HS256-signed JWTs (Nimbus JOSE+JWT) with issuer, audience,
 * expiry, and the principal's id ({@code sub}), {@code role} and {@code scope} as claims. Time
 * comes from the injected clock.
 *
 * <p>A token that verified is remembered (by its exact text, up to {@value #REMEMBERED} tokens)
 * with its principal and expiry, so a gateway's next request costs a map lookup and an expiry check
 * instead of a parse and an HMAC: verifying was a third of the platform's CPU under single-reading
 * telemetry (docs/benchmarks.md). A token that differs in any character is verified afresh; a
 * rejected one is never remembered.
 */
public final class TokenService {
  /** A token that is missing, malformed, tampered with, expired or meant for someone else. */
  public static final class InvalidTokenException extends RuntimeException {
    public InvalidTokenException(String message) {
      super(message, null, false, false);
    }
  }

  private final byte[] secret;
  private final AuthSettings settings;
  private final Clock clock;
  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
  private final Duration clockSkew;
  private final Cache<String, Verified> verified =
      Caffeine.newBuilder().maximumSize(REMEMBERED).build();

  static final int REMEMBERED = 100_000;

  /** A verified token's principal, and the instant from which the token no longer verifies. */
  private record Verified(Principal principal, Instant invalidFrom) {}

  public TokenService(byte[] secret, AuthSettings settings, Clock clock) {
    this.secret = secret.clone();
    this.settings = settings;
    this.clock = clock;
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(JWSAlgorithm.HS256, new ImmutableSecret<>(secret)));
    DefaultJWTClaimsVerifier<SecurityContext> claimsVerifier =
        new DefaultJWTClaimsVerifier<>(
            settings.audience(),
            new JWTClaimsSet.Builder().issuer(settings.issuer()).build(),
            Set.of("sub", "exp", "iat", "role")) {
          @Override
          protected Date currentTime() {
            return Date.from(clock.instant());
          }
        };
    processor.setJWTClaimsSetVerifier(claimsVerifier);
    clockSkew = Duration.ofSeconds(claimsVerifier.getMaxClockSkew());
  }

  public String mint(Principal principal, Duration ttl) {
    Instant now = clock.instant();
    Scope s = principal.scope() == null ? Scope.NONE : principal.scope();
    Map<String, Object> scope = new LinkedHashMap<>();
    putIfSet(scope, "district", s.district());
    putIfSet(scope, "insurer", s.insurer());
    putIfSet(scope, "maintainer", s.maintainer());
    putIfSet(scope, "usingUnit", s.usingUnit());
    if (!s.elevators().isEmpty()) {
      scope.put("elevators", s.elevators());
    }
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(settings.issuer())
            .audience(settings.audience())
            .subject(principal.id())
            .claim("role", principal.role().wireName())
            .claim("scope", scope)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(ttl)))
            .jwtID(UUID.randomUUID().toString())
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    try {
      jwt.sign(new MACSigner(secret));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
    return jwt.serialize();
  }

  public Principal verify(String token) {
    Verified known = verified.getIfPresent(token);
    if (known != null && clock.instant().isBefore(known.invalidFrom())) {
      return known.principal();
    }
    JWTClaimsSet claims;
    try {
      claims = processor.process(token, null);
    } catch (ParseException e) {
      throw new InvalidTokenException("the bearer token is not a JWT");
    } catch (BadJOSEException | JOSEException e) {
      throw new InvalidTokenException("the bearer token was rejected: " + e.getMessage());
    }
    try {
      Role role = Role.of(claims.getStringClaim("role"));
      Map<String, Object> scope = claims.getJSONObjectClaim("scope");
      Scope s =
          scope == null
              ? Scope.NONE
              : new Scope(
                  (String) scope.get("district"),
                  (String) scope.get("insurer"),
                  (String) scope.get("maintainer"),
                  (String) scope.get("usingUnit"),
                  strings(scope.get("elevators")));
      Principal p = new Principal(claims.getSubject(), role, s);
      if (!p.problems().isEmpty()) {
        throw new InvalidTokenException(
            "the bearer token's scope is invalid: " + String.join("; ", p.problems()));
      }
      // exp is required; the verifier accepts a token until exp plus its clock skew
      verified.put(token, new Verified(p, claims.getExpirationTime().toInstant().plus(clockSkew)));
      return p;
    } catch (ParseException | ClassCastException | IllegalArgumentException e) {
      throw new InvalidTokenException("the bearer token's claims are invalid: " + e.getMessage());
    }
  }

  private static List<String> strings(Object value) {
    if (value == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Object o : (List<?>) value) {
      out.add((String) o);
    }
    return out;
  }

  private static void putIfSet(Map<String, Object> map, String key, String value) {
    if (value != null && !value.isBlank()) {
      map.put(key, value);
    }
  }
}
