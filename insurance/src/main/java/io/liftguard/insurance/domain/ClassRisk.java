package io.liftguard.insurance.domain;

import io.liftguard.twin.domain.BrakeType;
import io.liftguard.twin.domain.BuildingType;
import io.liftguard.twin.domain.risk.RiskModel;
import java.util.Arrays;

/**
 * The risk the model expects of a rating class: the class's own features (age, drum brake, building
 * type) with every other input at its fleet mean. It prices a twin not assessed yet, and it is what
 * {@code TariffFit} fits a product's class tariff to.
 */
public final class ClassRisk {
  private ClassRisk() {}

  public static RatingInputs.Risk of(
      RiskModel model, BuildingType buildingType, int ageYears, BrakeType brakeType) {
    double[] x = new double[RiskModel.FEATURES.size()];
    Arrays.fill(x, Double.NaN);
    x[0] = 1;
    x[RiskModel.FEATURES.indexOf("age_decades")] = ageYears / 10.0;
    x[RiskModel.FEATURES.indexOf("drum_brake")] = brakeType == BrakeType.DRUM ? 1 : 0;
    for (BuildingType t : BuildingType.values()) {
      String input = RiskModel.buildingInput(t);
      if (input != null) {
        x[RiskModel.FEATURES.indexOf(input)] = t == buildingType ? 1 : 0;
      }
    }
    return RatingInputs.Risk.of(model.assess(x));
  }
}
