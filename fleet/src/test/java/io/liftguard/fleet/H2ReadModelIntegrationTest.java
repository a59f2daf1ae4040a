package io.liftguard.fleet;

import io.liftguard.twin.TestNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The read model on the embedded default: H2 journal, H2 read database under the same data dir. */
class H2ReadModelIntegrationTest extends ReadModelContract {
  @TempDir Path dataDir;

  @Override
  Map<String, Object> settings() {
    Map<String, Object> s = new HashMap<>(TestNode.h2(dataDir.toString()));
    s.put("liftguard.read-side.database", "embedded");
    return s;
  }
}
