package io.liftguard.faulttests;

import java.util.Map;

/** Kill -9 under load on the embedded default store. */
class H2CrashIntegrationTest extends CrashContract {
  @Override
  String store() {
    return "h2";
  }

  @Override
  Map<String, String> storeEnv() {
    return Map.of("LIFTGUARD_STORE", "h2");
  }
}
