package io.liftguard.api.access;

import io.liftguard.kernel.store.LiftGuardConfig;
import io.liftguard.twin.domain.access.Principal;
import io.liftguard.twin.domain.access.Role;
import io.liftguard.twin.domain.access.Scope;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar liftguard.jar mint-token --role admin --id ops [--district D] [--insurer I]
 * [--maintainer M] [--using-unit U] [--elevators E1,E2] [--ttl-days N]}: prints a bearer token
 * signed with the platform's secret (the same LIFTGUARD_JWT_SECRET or data-dir secret the platform
 * uses). How the first admin gets a credential.
 */
public final class MintToken {
  private MintToken() {}

  public static int run(String[] args) {
    Map<String, String> opts = new HashMap<>();
    for (int i = 1; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        System.err.println(
            "usage: mint-token --role ROLE --id ID [--district D] [--insurer I] [--maintainer M] "
                + "[--using-unit U] [--elevators E1,E2] [--ttl-days N]");
        return 2;
      }
      opts.put(args[i].substring(2), args[++i]);
    }
    try {
      var config = LiftGuardConfig.load();
      AuthSettings auth = AuthSettings.fromConfig(config);
      byte[] secret = SecretStore.resolve(auth, Path.of(config.getString("liftguard.data-dir")));
      List<String> elevators =
          opts.containsKey("elevators")
              ? Arrays.stream(opts.get("elevators").split(",")).map(String::trim).toList()
              : List.of();
      Principal p =
          new Principal(
              opts.get("id"),
              Role.of(opts.getOrDefault("role", "")),
              new Scope(
                  opts.get("district"),
                  opts.get("insurer"),
                  opts.get("maintainer"),
                  opts.get("using-unit"),
                  elevators));
      if (!p.problems().isEmpty()) {
        System.err.println("mint-token: " + String.join("; ", p.problems()));
        return 2;
      }
      Duration ttl =
          opts.containsKey("ttl-days")
              ? Duration.ofDays(Long.parseLong(opts.get("ttl-days")))
              : auth.defaultTtl();
      System.out.println(new TokenService(secret, auth, Clock.systemUTC()).mint(p, ttl));
      return 0;
    } catch (IllegalArgumentException e) {
      System.err.println("mint-token: " + e.getMessage());
      return 2;
    }
  }
}
