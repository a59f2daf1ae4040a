package io.liftguard.twin.domain.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liftguard.twin.domain.risk.SegmentLevels.Dimension;
import io.liftguard.twin.domain.risk.SegmentLevels.Outcome;
import io.liftguard.twin.domain.risk.SegmentLevels.Segment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentLevelsTest {
  /** {@code n} elevator-periods predicted at 2 %, {@code faulted} of them with a fault. */
  private static void add(List<Outcome> out, Segment s, int n, int faulted) {
    for (int i = 0; i < n; i++) {
      out.add(new Outcome(s, 0.02, i < faulted));
    }
  }

  private static SegmentLevels.Level level(SegmentLevels l, Dimension d, String value) {
    return l.levels().stream()
        .filter(x -> x.dimension() == d && x.value().equals(value))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aWellRunDistrictIsNotPricedAtTheCitysLevel() {
    List<Outcome> outcomes = new ArrayList<>();
    // 60,000 elevator-periods a district, 1,200 faults predicted in each: Yubei had 600.
    add(outcomes, new Segment("Jiangbei", "A", "10-15"), 60_000, 1_200);
    add(outcomes, new Segment("Yubei", "A", "10-15"), 60_000, 600);
    SegmentLevels levels = SegmentLevels.fit(outcomes, 1.0);
    // Z = 1200 / 1500 = 0.8: Yubei 0.8 x 0.5 + 0.2 = 0.6, Jiangbei 1.
    assertEquals(0.6, level(levels, Dimension.DISTRICT, "Yubei").factor(), 1e-9);
    assertEquals(0.8, level(levels, Dimension.DISTRICT, "Yubei").credibility(), 1e-9);
    assertEquals(1.0, level(levels, Dimension.DISTRICT, "Jiangbei").factor(), 1e-9);
    // The company serves both: at the district-adjusted prediction, it is where it should be.
    SegmentLevels.Level company = level(levels, Dimension.MAINTENANCE_COMPANY, "A");
    assertEquals(1_200 + 720, company.predicted(), 1e-6);
    assertEquals(1_800, company.observed());
    assertTrue(Math.abs(company.factor() - 1) < 0.06, "company " + company.factor());
    assertEquals(
        0.6 * company.factor() * level(levels, Dimension.AGE_BAND, "10-15").factor(),
        levels.factor(new Segment("Yubei", "A", "10-15")),
        1e-12);
    assertEquals(1.0, levels.factor(new Segment("Wanzhou", null, null)), "unknown segments: 1");
  }

  @Test
  void aSmallSegmentStaysAtTheCitysLevelAndTheCitysFactorComesFirst() {
    List<Outcome> outcomes = new ArrayList<>();
    add(outcomes, new Segment("Jiangbei", null, null), 500, 6); // 10 predicted, 6 happened
    SegmentLevels levels = SegmentLevels.fit(outcomes, 0.6); // the city is at 0.6 already
    SegmentLevels.Level d = level(levels, Dimension.DISTRICT, "Jiangbei");
    assertEquals(6.0, d.predicted(), 1e-9);
    assertEquals(1.0, d.factor(), 1e-9, "6 happened where the city's level predicts 6");
    add(outcomes, new Segment("Yubei", null, null), 500, 0);
    double yubei = SegmentLevels.fit(outcomes, 1.0).factor(new Segment("Yubei", null, null));
    // 10 predicted, none happened: Z = 10 / 310, factor 1 - Z = 0.968.
    assertEquals(300.0 / 310, yubei, 1e-9);
  }

  @Test
  void ageBandsAreFiveYearsWideUpToTwenty() {
    assertEquals(
        List.of("0-5", "0-5", "5-10", "10-15", "15-20", "20+", "20+"),
        Arrays.stream(new double[] {0, 4.99, 5, 14.2, 19.9, 20, 43})
            .mapToObj(SegmentLevels::ageBand)
            .toList());
  }

  @Test
  void theSegmentsLevelShiftsTheFaultLogOddsAndShowsAmongTheFactors() {
    RiskModel shipped = io.liftguard.twin.risk.RiskModels.loadDefault();
    SegmentLevels levels =
        new SegmentLevels(
            List.of(new SegmentLevels.Level(Dimension.DISTRICT, "Yubei", 1000, 500, 0.77, 0.5)));
    RiskModel served = shipped.withSegments(levels, shipped.version());
    double[] x = new double[RiskModel.FEATURES.size()];
    Arrays.fill(x, Double.NaN);
    x[0] = 1;
    RiskModel.Assessment elsewhere = served.assess(x, new Segment("Jiangbei", null, null));
    RiskModel.Assessment yubei = served.assess(x, new Segment("Yubei", null, null));
    assertEquals(shipped.assess(x).faultProbability30d(), elsewhere.faultProbability30d(), 1e-15);
    double odds = elsewhere.faultProbability30d() / (1 - elsewhere.faultProbability30d());
    double shifted = yubei.faultProbability30d() / (1 - yubei.faultProbability30d());
    assertEquals(0.5, shifted / odds, 1e-9);
    assertEquals(RiskModel.SEGMENT_LEVEL, yubei.topFactors().get(0).feature());
    assertEquals(0.5, yubei.topFactors().get(0).value());
    assertTrue(
        yubei.entrapmentByCause().equipment() < elsewhere.entrapmentByCause().equipment(),
        "equipment entrapments move with faults");
    assertEquals(elsewhere.entrapmentByCause().misuse(), yubei.entrapmentByCause().misuse());
  }
}
