package io.liftguard.regulation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.liftguard.regulation.domain.QualityRules.ElevatorRecord;
import io.liftguard.regulation.domain.QualityRules.Rate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QualityRulesTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

  private static ElevatorRecord elevator(
      String id,
      String maker,
      String model,
      String company,
      int age,
      long faults,
      long traps,
      long complaints,
      long firsts,
      long passed) {
    return new ElevatorRecord(
        id,
        "Dadukou",
        "1 Road",
        "Unit",
        maker,
        model,
        company,
        TODAY.minusYears(age),
        1.0,
        faults,
        traps,
        complaints,
        firsts,
        passed);
  }

  @Test
  void exactPoissonIntervals() {
    // Garwood's interval for 10 events: [4.795, 18.390]; over 5 elevator-years, per year.
    Rate ten = Rate.of(10, 5);
    assertEquals(2.0, ten.perYear(), 1e-12);
    assertEquals(4.7954 / 5, ten.lower95(), 1e-4);
    assertEquals(18.3904 / 5, ten.upper95(), 1e-4);
    // None seen in 10 elevator-years: the rate may still be up to 3.689 / 10.
    Rate none = Rate.of(0, 10);
    assertEquals(0.0, none.lower95());
    assertEquals(0.36889, none.upper95(), 1e-5);
    assertNull(Rate.of(3, 0).perYear());
  }

  @Test
  void aSmallFleetIsNotRankedWorstOnNoise() {
    List<ElevatorRecord> records = new ArrayList<>();
    for (int i = 0; i < 200; i++) { // 200 elevator-years, 0.5 faults a year: the fleet's bulk
      records.add(elevator("A" + i, "Maker A", "A1", "Co", 10, i % 2, 0, 0, 0, 0));
    }
    for (int i = 0; i < 100; i++) { // 100 elevator-years, 1.2 a year: clearly worse
      records.add(elevator("B" + i, "Maker B", "B1", "Co", 8, i % 5 == 0 ? 2 : 1, 0, 0, 0, 0));
    }
    // Two elevators with two faults each: the highest point estimate, but a wide interval.
    records.add(elevator("C0", "Maker C", "C1", "Co", 4, 2, 0, 0, 0, 0));
    records.add(elevator("C1", "Maker C", "C1", "Co", 6, 2, 0, 0, 0, 0));
    List<QualityRules.Product> products = QualityRules.products(records, false, TODAY);
    assertEquals(
        List.of("Maker B", "Maker C", "Maker A"),
        products.stream().map(QualityRules.Product::manufacturer).toList());
    assertEquals(QualityRules.Versus.WORSE, products.get(0).versusFleet());
    assertEquals(QualityRules.Versus.NOT_DISTINGUISHABLE, products.get(1).versusFleet());
    assertEquals(QualityRules.Versus.BETTER, products.get(2).versusFleet());
    assertEquals(2.0, products.get(1).failures().perYear(), 1e-12);
    assertEquals(5.0, products.get(1).meanAgeYears(), 0.01);
    assertEquals(6.0, products.get(1).oldestYears(), 0.01);
  }

  @Test
  void companiesAreRatedAgainstTheFleetWithTheirSizeTakenIntoAccount() {
    List<ElevatorRecord> records = new ArrayList<>();
    for (int i = 0;
        i < 100;
        i++) { // Good: half the fleet's entrapments, faults and complaints; inspections all pass
      records.add(
          elevator(
              "G" + i, "M", "X", "Good", 5, 1, i % 10 == 0 ? 1 : 0, i % 20 == 0 ? 1 : 0, 1, 1));
    }
    for (int i = 0; i < 100; i++) { // Poor: the rest
      records.add(
          elevator(
              "P" + i,
              "M",
              "X",
              "Poor",
              5,
              3,
              i % 10 < 3 ? 1 : 0,
              i % 20 < 3 ? 1 : 0,
              1,
              i % 10 < 8 ? 1 : 0));
    }
    records.add(
        elevator(
            "N0", "M", "X", null, 5, 9, 9, 9, 1, 0)); // 三无: not rated, not in the fleet's rates
    List<QualityRules.Rating> ratings = QualityRules.ratings(records);
    assertEquals(
        List.of("Good", "Poor"), ratings.stream().map(QualityRules.Rating::company).toList());
    QualityRules.Rating good = ratings.get(0);
    // Fleet: faults 400 / 200 = 2 a year; Good 1 a year: relative (100 + 50 x 2) / (100 + 50) / 2 =
    // 0.6667.
    assertEquals(0.667, good.relativeFailures(), 1e-3);
    // Entrapments: fleet 40 / 200 = 0.2; Good 10 / 100: (10 + 50 x 0.2) / 150 / 0.2 = 0.6667.
    assertEquals(0.667, good.relativeEntrapments(), 1e-3);
    // Complaints: fleet 20 / 200 = 0.1; Good 5: (5 + 5) / 150 / 0.1 = 0.6667.
    assertEquals(0.667, good.relativeComplaints(), 1e-3);
    // First-time failures: fleet 20 of 200 = 0.1; Good none of 100: (0 + 20 x 0.1) / 120 / 0.1 =
    // 0.1667.
    assertEquals(0.167, good.relativeInspectionFailures(), 1e-3);
    // Score 0.3 x 0.333 + 0.3 x 0.333 + 0.2 x 0.333 + 0.2 x 0.833 = 0.433; stars 3 + 0.867 = 3.87
    // -> 4.
    assertEquals(0.433, good.score(), 1e-3);
    assertEquals(4.0, good.stars());
    assertEquals(2.0, ratings.get(1).stars(), "the mirror image: 3 - 0.87 -> 2.13 -> 2");
    assertEquals(1.0, good.firstPassRate());
  }

  @Test
  void theDisclosureListsRankByRateAndLeaveOutElevatorsWithNone() {
    List<ElevatorRecord> records =
        List.of(
            elevator("E1", "M", "X", "Co", 5, 4, 0, 2, 1, 1),
            elevator("E2", "M", "X", "Co", 5, 1, 0, 0, 1, 0),
            elevator("E3", "M", "X", "Co", 5, 0, 0, 3, 0, 0));
    QualityRules.Disclosure d = QualityRules.disclosure(records, 10);
    assertEquals(
        List.of("E3", "E1"),
        d.mostComplaints().stream().map(QualityRules.Disclosed::elevatorId).toList());
    assertEquals(
        List.of("E1", "E2"),
        d.mostFailures().stream().map(QualityRules.Disclosed::elevatorId).toList());
    assertEquals(
        List.of("E2"),
        d.failedFirstInspection().stream().map(QualityRules.Disclosed::elevatorId).toList());
    assertEquals(1, QualityRules.disclosure(records, 1).mostFailures().size());
  }
}
