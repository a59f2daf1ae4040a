package io.liftguard.sim.model;

import io.liftguard.sim.Args;
import io.liftguard.sim.CitySimulator;
import io.liftguard.sim.LiveCity;
import io.liftguard.sim.SimConfig;
import io.liftguard.twin.domain.Decision;
import io.liftguard.twin.domain.Reading;
import io.liftguard.twin.domain.RegisterData;
import io.liftguard.twin.domain.TwinEvent;
import io.liftguard.twin.domain.TwinRules;
import io.liftguard.twin.domain.TwinState;
import io.liftguard.twin.domain.risk.RiskModel;
import io.liftguard.twin.domain.risk.TwinRiskFeatures;
import io.liftguard.twin.risk.RiskModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Training/serving skew, measured: the features the model is fitted on ({@link RiskFeatures}, from the simulator's
 * monthly aggregates) against the features a twin fed the same simulated history computes ({@link TwinRiskFeatures},
 * from its state and last reading). The city is run twice from one seed: by {@link CitySimulator} for the fitting
 * side, and by {@link LiveCity} at real time scale (one simulated day a day of timestamps) whose reports and daily
 * readings are folded into each twin's state by the twin's own rules ({@link TwinRules}), each reading persisted as
 * the twin's flush would. Both compute features at each month's end.
 *
 * <p>{@code java -cp ... io.liftguard.sim.model.FeatureSkew --elevators 2000 --seed 1 --report docs/feature-skew.md}
 */
public final class FeatureSkew {
  static final int DAYS = 365;
  static final String BY = "feature-skew";

  private FeatureSkew() {}

  public static void main(String[] args) throws IOException {
    Map<String, String> o = Args.parse(args);
    String report = measure(Integer.parseInt(o.getOrDefault("elevators", "20000")),
        Long.parseLong(o.getOrDefault("seed", "1")));
    System.out.println(report);
    if (o.containsKey("report")) {
      Files.writeString(Path.of(o.get("report")), report);
    }
  }

  /** The skew report of the default city of {@code n} elevators, one simulated year. */
  static String measure(int n, long seed) {
    SimConfig c = SimConfig.defaults(seed, n, DAYS);
    int[] monthOfDay = CitySimulator.monthOfDay(c);
    int months = monthOfDay[DAYS - 1] + 1;
    int last = months - 1; // the last month's features predict a month past the simulation: scored on months 1..last

    double[][][] fitting = new double[n][months][];
    boolean[][] faultNext = new boolean[n][months];
    boolean[][] trapNext = new boolean[n][months];
    CitySimulator.run(c, h -> {
      int i = h.elevator().index();
      int[] reported = RiskFeatures.reportedFaultsPerMonth(h, monthOfDay);
      for (int m = 0; m < months; m++) {
        fitting[i][m] = RiskFeatures.of(h, m, reported);
        if (m < last) {
          faultNext[i][m] = h.monthlyFaults()[m + 1] > 0;
          trapNext[i][m] = h.monthlyEntrapments()[m + 1] > 0;
        }
      }
    }, (done, total, nanos) -> { });

    Instant start = c.start().atStartOfDay(TwinRules.CALENDAR).toInstant();
    LiveCity city = new LiveCity(c, start, Duration.ofDays(1));
    TwinState[] twins = new TwinState[n];
    Map<String, Integer> index = new HashMap<>();
    List<RegisterData> register = city.register(c.start());
    for (int i = 0; i < n; i++) {
      RegisterData r = register.get(i);
      index.put(r.registrationCode(), i);
      twins[i] = fold(TwinState.empty(), TwinRules.register(TwinState.empty(), r, start, BY));
    }
    double[][][] serving = new double[n][months][];
    Reading.TimeWindow window = Reading.TimeWindow.DEFAULT;
    long refused = 0;
    for (int d = 0; d < DAYS; d++) {
      Instant now = start.plus(Duration.ofDays(d + 1));
      LiveCity.Tick tick = city.tick(now);
      for (var e : tick.events()) {
        int i = index.get(e.elevatorId());
        Decision decision = TwinRules.report(twins[i], e.elevatorId(), e.body(), now, window, BY);
        refused += decision instanceof Decision.Reject ? 1 : 0;
        twins[i] = fold(twins[i], decision);
      }
      for (var v : tick.visits()) {
        int i = index.get(v.elevatorId());
        Decision decision = TwinRules.maintenance(twins[i], v.elevatorId(), v.body(), now, window, BY);
        refused += decision instanceof Decision.Reject ? 1 : 0;
        twins[i] = fold(twins[i], decision);
      }
      for (var r : tick.inspections()) {
        int i = index.get(r.elevatorId());
        Decision decision = TwinRules.inspection(twins[i], r.elevatorId(), r.body(), now, BY);
        refused += decision instanceof Decision.Reject ? 1 : 0;
        twins[i] = fold(twins[i], decision);
      }
      for (Reading reading : tick.readings()) {
        int i = index.get(reading.elevatorId());
        TwinState s = twins[i];
        if (TwinRules.readings(s, s.live(), List.of(reading), now, window, BY)
            instanceof TwinRules.ReadingOutcome outcome) {
          for (TwinEvent e : outcome.events()) {
            s = s.apply(e);
          }
          // The twin flushes coalesced readings within seconds; a day apart, every reading is persisted.
          twins[i] = s.apply(new TwinEvent.LiveStateRecorded(outcome.live(), now, BY));
        } else {
          refused++;
        }
      }
      if (CitySimulator.endsMonth(monthOfDay, d)) {
        for (int i = 0; i < n; i++) {
          serving[i][monthOfDay[d]] = TwinRiskFeatures.of(twins[i], twins[i].live(), now);
        }
      }
    }
    return report(c, fitting, serving, faultNext, trapNext, last, refused);
  }

  private static TwinState fold(TwinState s, Decision d) {
    if (d instanceof Decision.Accept a) {
      for (TwinEvent e : a.events()) {
        s = s.apply(e);
      }
    }
    return s;
  }

  static String report(SimConfig c, double[][][] fitting, double[][][] serving, boolean[][] faultNext,
      boolean[][] trapNext, int scoredMonths, long refused) {
    int n = fitting.length;
    int rows = n * scoredMonths;
    List<String> names = RiskModel.FEATURES;
    StringBuilder out = new StringBuilder("# Training/serving skew of the risk features\n\n");
    out.append(String.format(Locale.ROOT, "Produced by `scripts/feature-skew.sh %d %d` (%s city, %,d elevators, %d "
        + "days; %,d elevator-months compared at month ends; %,d reports or readings the twin refused). Fitting: "
        + "`RiskFeatures` from the simulator's monthly aggregates; serving: `TwinRiskFeatures` of a twin fed the same "
        + "history by the twin's rules at real time scale (LiveCity, one reading a day). A NaN on the serving side is "
        + "an input the twin does not know yet (read as the fleet mean).%n%n", n, c.seed(), c.name(), n, c.days(), rows,
        refused));
    out.append("| feature | mean, fitting | mean, serving | mean abs difference | equal (within 1e-6) | "
        + "correlation | unknown to the twin |\n| --- | --- | --- | --- | --- | --- | --- |\n");
    for (int k = 1; k < names.size(); k++) {
      double sf = 0;
      double ss = 0;
      double sff = 0;
      double sss = 0;
      double sfs = 0;
      double abs = 0;
      long equal = 0;
      long known = 0;
      for (int i = 0; i < n; i++) {
        for (int m = 0; m < scoredMonths; m++) {
          double f = fitting[i][m][k];
          double s = serving[i][m][k];
          if (Double.isNaN(s)) {
            continue;
          }
          known++;
          sf += f;
          ss += s;
          sff += f * f;
          sss += s * s;
          sfs += f * s;
          abs += Math.abs(f - s);
          equal += Math.abs(f - s) < 1e-6 ? 1 : 0;
        }
      }
      double mf = sf / known;
      double ms = ss / known;
      double cov = sfs / known - mf * ms;
      double corr = cov / Math.sqrt(Math.max(1e-300, (sff / known - mf * mf) * (sss / known - ms * ms)));
      out.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f | %.4f | %.1f %% | %.3f | %.1f %% |%n", names.get(k), mf,
          ms, abs / known, 100.0 * equal / known, corr, 100.0 * (rows - known) / rows));
    }
    RiskModel model = RiskModels.loadDefault();
    double[][] p = new double[4][rows];
    boolean[] yFault = new boolean[rows];
    boolean[] yTrap = new boolean[rows];
    int r = 0;
    for (int i = 0; i < n; i++) {
      for (int m = 0; m < scoredMonths; m++) {
        RiskModel.Assessment fit = model.assess(fitting[i][m]);
        RiskModel.Assessment serve = model.assess(serving[i][m]);
        p[0][r] = fit.faultProbability30d();
        p[1][r] = serve.faultProbability30d();
        p[2][r] = fit.entrapmentProbability30d();
        p[3][r] = serve.entrapmentProbability30d();
        yFault[r] = faultNext[i][m];
        yTrap[r] = trapNext[i][m];
        r++;
      }
    }
    out.append(String.format(Locale.ROOT, "%nThe shipped model (`%s`) on both, scored against the next month:%n%n"
        + "| target | mean predicted, fitting features | mean predicted, twin features | observed | ROC AUC, fitting "
        + "features | ROC AUC, twin features |%n| --- | --- | --- | --- | --- | --- |%n", model.version()));
    out.append(row("fault", p[0], p[1], yFault));
    out.append(row("entrapment", p[2], p[3], yTrap));
    return out.toString();
  }

  private static String row(String target, double[] fit, double[] serve, boolean[] y) {
    double observed = 0;
    for (boolean b : y) {
      observed += b ? 1 : 0;
    }
    return String.format(Locale.ROOT, "| %s | %.3f %% | %.3f %% | %.3f %% | %.3f | %.3f |%n", target,
        100 * mean(fit), 100 * mean(serve), 100 * observed / y.length, Metrics.auc(fit, y), Metrics.auc(serve, y));
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }
}
