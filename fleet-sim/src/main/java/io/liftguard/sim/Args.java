package io.liftguard.sim;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} command-line pairs. */
public final class Args {
  private Args() {}

  public static Map<String, String> parse(String[] args) {
    Map<String, String> o = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
      }
      o.put(args[i].substring(2), args[i + 1]);
    }
    return o;
  }
}
