package io.liftguard.insurance.domain;

import io.liftguard.insurance.ProductCatalog;
import io.liftguard.twin.domain.BrakeType;
import io.liftguard.twin.domain.BuildingType;
import io.liftguard.twin.domain.DriveType;
import io.liftguard.twin.domain.risk.RiskModel;
import java.time.LocalDate;

/**
 * Filed product versions (never edited once filed, so hand-computed figures against them stay true)
 * and inputs.
 */
final class Terms {
  static final ProductCatalog CATALOG = ProductCatalog.load();
  static final ProductTerms LIABILITY = CATALOG.terms("liability-2026.1");
  static final ProductTerms SERVICE = CATALOG.terms("insurance-service-2026.1");
  static final ProductTerms PENSION = CATALOG.terms("pension-2026.1");

  private Terms() {}

  static RatingInputs.Risk risk(double fault, double trap) {
    return new RatingInputs.Risk(
        fault,
        trap,
        fault < 0.01
            ? RiskModel.Band.LOW
            : fault < 0.03
                ? RiskModel.Band.MEDIUM
                : fault < 0.08 ? RiskModel.Band.HIGH : RiskModel.Band.CRITICAL,
        "test-model");
  }

  /**
   * A residential traction elevator of 12 with a drum brake, 30-day risks 5 % / 1 % against its
   * class's 2 % / 0.5 %.
   */
  static RatingInputs inputs(String id) {
    return new RatingInputs(
        id,
        LocalDate.of(2026, 11, 25),
        BuildingType.RESIDENTIAL,
        12,
        DriveType.TRACTION,
        BrakeType.DRUM,
        risk(0.05, 0.01),
        risk(0.02, 0.005),
        new RatingInputs.MaintenanceRecord("Acme Lifts", 100, 20, 1000, 100));
  }
}
