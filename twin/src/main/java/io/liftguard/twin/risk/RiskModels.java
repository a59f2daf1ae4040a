package io.liftguard.twin.risk;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.liftguard.twin.domain.risk.RiskModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Loads the versioned risk model the platform ships ({@code risk/risk-model.json}, written by the
 * validation command).
 */
public final class RiskModels {
  public static final String RESOURCE = "risk/risk-model.json";

  private RiskModels() {}

  public static RiskModel loadDefault() {
    try (InputStream in = RiskModels.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "no " + RESOURCE + " on the classpath; run scripts/validate-model.sh");
      }
      return new ObjectMapper().readValue(in, RiskModel.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
