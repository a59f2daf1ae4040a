package io.liftguard.api;

import io.liftguard.twin.TestNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The regulator's records and lists over HTTP on the embedded default store. */
class H2SupervisionIntegrationTest extends SupervisionContract {
  @TempDir Path dataDir;

  @Override
  Map<String, Object> store() {
    return TestNode.h2(dataDir.toString());
  }
}
