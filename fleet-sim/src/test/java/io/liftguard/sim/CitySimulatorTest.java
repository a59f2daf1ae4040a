package io.liftguard.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liftguard.twin.domain.BrakeType;
import io.liftguard.twin.domain.BuildingType;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CitySimulatorTest {
  private static SimStats run(SimConfig c, List<ElevatorHistory> keep) {
    return CitySimulator.run(
        c,
        h -> {
          if (keep != null && h.elevator().index() < 50) {
            keep.add(h);
          }
        },
        (done, total, nanos) -> {});
  }

  @Test
  void sameSeedSameHistoryWhateverTheThreads() {
    List<ElevatorHistory> a = new ArrayList<>();
    List<ElevatorHistory> b = new ArrayList<>();
    SimStats sa = run(SimConfig.defaults(3, 5000, 120), a);
    SimStats sb = run(SimConfig.defaults(3, 5000, 120), b);
    assertEquals(sa.toString(), sb.toString());
    for (int i = 0; i < a.size(); i++) {
      assertEquals(a.get(i).events(), b.get(i).events());
      assertArrayEquals(a.get(i).monthlyMeanHazard(), b.get(i).monthlyMeanHazard());
    }
    assertTrue(!run(SimConfig.defaults(4, 5000, 120), null).toString().equals(sa.toString()));
  }

  @Test
  void defaultCityIsCalibratedToThePublishedEntrapmentRateAndRescueTimes() {
    SimStats s = run(SimConfig.defaults(11, 40_000, 181), null);
    // Jiangsu 96333 (2020): 0.55 % monthly entrapment rate, 13.1 min mean arrival (2023: 0.48 %, 12
    // min).
    double rate = s.meanMonthlyEntrapmentRate();
    assertTrue(rate > 0.0040 && rate < 0.0060, "monthly entrapment rate " + rate);
    double arrival = s.meanRescueArrivalMinutes();
    assertTrue(arrival > 10 && arrival < 20, "mean arrival " + arrival);
    assertTrue(s.onTimeArrivalRate() > 0.9, "on time " + s.onTimeArrivalRate());
    double dispatch = s.meanRescueDispatchMinutes();
    assertTrue(dispatch > 1 && dispatch < 4 && dispatch < arrival, "mean dispatch " + dispatch);
  }

  @Test
  void entrapmentsHaveThePublishedMixOfCauses() {
    // Four cities pooled: power cuts trap many cars at one minute, so one city's split by cause and
    // hour moves with its luck in cuts (2-6 points), as one centre's month does.
    int cities = 4;
    SimStats s = new SimStats(cities * 50_000, 12);
    for (int seed = 1; seed <= cities; seed++) {
      CitySimulator.run(SimConfig.defaults(seed, 50_000, 365), h -> s.add(h, 365), (d, t, n) -> {});
    }
    // Jiangsu 2023 white paper: misuse 52.7 %, equipment 26.7 %, external 20.6 %, 0.48 % a month.
    assertEquals(0.527, s.entrapmentShare(SimEvent.Cause.MISUSE), 0.04, s.toString());
    assertEquals(0.267, s.entrapmentShare(SimEvent.Cause.EQUIPMENT), 0.04, s.toString());
    assertEquals(0.206, s.entrapmentShare(SimEvent.Cause.EXTERNAL), 0.04, s.toString());
    assertEquals(0.0048, s.meanMonthlyEntrapmentRate(), 0.0006, s.toString());
    // Calibrated on 96333 bulletins (docs/simulator.md): residential 71.0 % (Nanjing April 2016,
    // Nanjing June, Qinghai H1 2023), 08-10 h 13.0 %, 18-20 h 14.8 %.
    assertEquals(0.710, s.entrapmentShare(BuildingType.RESIDENTIAL), 0.04, s.toString());
    assertEquals(0.130, s.entrapmentShare(8, 10), 0.04, s.toString());
    assertEquals(0.148, s.entrapmentShare(18, 20), 0.04, s.toString());
    assertTrue(s.entrapmentShare(0, 6) < 0.05, s.toString());
  }

  @Test
  void aPowerCutTrapsPassengersInManyElevatorsOfItsDistrictAtOnce() {
    List<SimEvent> external = new ArrayList<>();
    Map<Integer, String> districts = new HashMap<>();
    CitySimulator.run(
        SimConfig.defaults(1, 20_000, 120),
        h -> {
          districts.put(h.elevator().index(), h.elevator().district());
          h.events().stream()
              .filter(
                  e -> e.kind() == SimEvent.Kind.ENTRAPMENT && e.cause() == SimEvent.Cause.EXTERNAL)
              .forEach(external::add);
        },
        (d, t, n) -> {});
    Map<String, Long> perCut =
        external.stream()
            .collect(
                Collectors.groupingBy(
                    e -> districts.get(e.elevator()) + "/" + e.day() + "/" + e.minute(),
                    Collectors.counting()));
    assertTrue(perCut.values().stream().anyMatch(n -> n >= 3), "entrapments per cut: " + perCut);
    // Every external entrapment of a district and day happened at the same minute: one cut, many
    // cars.
    long cuts =
        external.stream().map(e -> districts.get(e.elevator()) + "/" + e.day()).distinct().count();
    assertEquals(cuts, perCut.size());
  }

  @Test
  void olderFleetsAndPoorerCompaniesFailMore() {
    // 40k elevators x 181 days: ~4,000 faults per city, so the ~17 % effect of poor maintenance
    // stands ~3 standard deviations clear of the 10 % bound below.
    SimStats base = run(SimConfig.defaults(5, 40_000, 181), null);
    SimStats older = run(SimConfig.olderFleet(5, 40_000, 181), null);
    SimStats poor = run(SimConfig.poorMaintenance(5, 40_000, 181), null);
    assertTrue(older.faults() > 1.3 * base.faults(), older.faults() + " vs " + base.faults());
    assertTrue(poor.faults() > 1.1 * base.faults(), poor.faults() + " vs " + base.faults());
    assertTrue(poor.maintenanceFaked() > 2 * base.maintenanceFaked());
    assertTrue(poor.falseReports() > 2 * base.falseReports());
  }

  @Test
  void theTrueHazardPredictsFaults() {
    List<double[]> rows = new ArrayList<>();
    CitySimulator.run(
        SimConfig.defaults(9, 20_000, 181),
        h -> {
          for (int m = 0; m < h.monthlyFaults().length; m++) {
            rows.add(new double[] {h.monthlyMeanHazard()[m], h.monthlyFaults()[m]});
          }
        },
        (d, t, n) -> {});
    rows.sort((x, y) -> Double.compare(x[0], y[0]));
    int n = rows.size();
    double lowFaults = rows.subList(0, n / 5).stream().mapToDouble(r -> r[1]).sum();
    double highFaults = rows.subList(n - n / 5, n).stream().mapToDouble(r -> r[1]).sum();
    assertTrue(
        highFaults > 3 * lowFaults, "top fifth " + highFaults + " vs bottom fifth " + lowFaults);
  }

  @Test
  void generatesTheConfiguredMixes() {
    SimConfig c = SimConfig.defaults(1, 20_000, 1);
    int drum = 0;
    int threeNo = 0;
    double maxAge = 0;
    for (int i = 0; i < c.elevators(); i++) {
      SimElevator e = CityGenerator.elevator(c, i);
      drum += e.brakeType() == BrakeType.DRUM ? 1 : 0;
      threeNo += e.threeNo() ? 1 : 0;
      maxAge = Math.max(maxAge, e.ageYears());
      assertEquals(e.threeNo(), e.company() < 0);
    }
    assertEquals(0.18, drum / 20_000.0, 0.02);
    assertEquals(0.03, threeNo / 20_000.0, 0.01);
    assertTrue(maxAge <= 30.0);
  }

  @Test
  void writesTheGroundTruth(@TempDir Path dir) throws Exception {
    SimStats s;
    try (GroundTruthWriter w = new GroundTruthWriter(dir)) {
      s = CitySimulator.run(SimConfig.defaults(2, 1000, 90), w, (d, t, n) -> {});
    }
    assertEquals(1001, lines(dir.resolve("elevators.csv.gz")).size());
    assertEquals(1 + 1000 * 3, lines(dir.resolve("monthly.csv.gz")).size());
    List<String> events = lines(dir.resolve("events.csv.gz"));
    assertEquals(s.faults(), events.stream().filter(l -> l.contains(",FAULT,")).count());
    assertEquals(
        s.falseReports(),
        events.stream().filter(l -> l.contains(",FALSE_REPORT,") && l.endsWith(",true")).count());
  }

  private static List<String> lines(Path gz) throws Exception {
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(gz))))) {
      return r.lines().toList();
    }
  }
}
