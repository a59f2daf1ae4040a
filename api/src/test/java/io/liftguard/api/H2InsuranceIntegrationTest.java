package io.liftguard.api;

import io.liftguard.twin.TestNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** Insurance over HTTP on the embedded default store. */
class H2InsuranceIntegrationTest extends InsuranceContract {
  @TempDir Path dataDir;

  @Override
  Map<String, Object> store() {
    return TestNode.h2(dataDir.toString());
  }
}
