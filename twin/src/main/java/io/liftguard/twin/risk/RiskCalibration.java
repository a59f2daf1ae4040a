package io.liftguard.twin.risk;

import static io.liftguard.kernel.readside.Sql.instant;
import static io.liftguard.kernel.readside.Sql.prepare;
import static io.liftguard.kernel.readside.Sql.ts;
import static io.liftguard.kernel.readside.Sql.update;

import io.liftguard.kernel.readside.ReadStore;
import io.liftguard.twin.domain.EventType;
import io.liftguard.twin.domain.IntegrityChecks;
import io.liftguard.twin.domain.TwinEvent;
import io.liftguard.twin.domain.TwinRules;
import io.liftguard.twin.domain.risk.FaultCounting;
import io.liftguard.twin.domain.risk.MassEvents;
import io.liftguard.twin.domain.risk.Recalibration;
import io.liftguard.twin.domain.risk.RiskModel;
import io.liftguard.twin.domain.risk.SegmentLevels;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;

/**
 * The risk model's recalibration to the fleet the platform serves, from the fleet read model. Time
 * is cut into calibration periods (the rating period: 30 days by default, 30 simulated days in the
 * demo) counted from the epoch. At the start of each period every assessed elevator's 30-day
 * probabilities are recorded as its prediction; when the period has ended, whether each had a fault
 * and an entrapment in it is counted: an entrapment from {@code fleet_history_public}, a fault only
 * if the platform has reason to believe it ({@link FaultCounting}: an equipment fault the
 * terminal's readings in the twin's own history do not contradict). The predictions of the last
 * {@value #WINDOW} counted periods against what happened give the level factors ({@link
 * Recalibration}: credibility-blended, so a small or young fleet keeps the shipped level; only the
 * level moves, never the ranking), kept as a versioned row of {@code cal_model} that every node
 * serves.
 */
public final class RiskCalibration {
  /** How many counted periods a recalibration looks back on (a year of 30-day periods). */
  static final int WINDOW = 12;

  private final ReadStore store;
  private final ServingModel serving;
  private final Duration period;
  private final Duration settle;
  private final Clock clock;
  private final TwinHistory history;

  /**
   * One twin's persisted events from a sequence number on, oldest first, at most {@code max}
   * ({@link io.liftguard.twin.ElevatorFleet#history}).
   */
  public interface TwinHistory {
    CompletionStage<List<TwinEvent>> events(String elevatorId, long fromSeqNr, int max);
  }

  /**
   * How many of a twin's events before a reported fault are read to judge it: the integrity check
   * looks at the readings of the half hour before, which at the default flush interval (a minute)
   * are some 30 events.
   */
  static final int EVENTS_BEFORE = 500;

  /** Events read at a time. */
  private static final int PAGE = 1000;

  /**
   * At most this many pages per twin and period: a month of readings persisted every minute is some
   * 44.
   */
  private static final int MAX_PAGES = 50;

  /**
   * @param settle how long after a period's end its faults are counted: the read model follows the
   *     journal by its projection lag, so a fault reported just before the end is in {@code
   *     fleet_history_public} only a moment later
   */
  /**
   * Brings the calibration's tables up to date in the read database (off the caller's thread), then
   * runs the calibration every {@code interval}: once in the cluster, loaded on every node.
   */
  public static CompletionStage<RiskCalibration> start(
      ActorSystem<?> system,
      ReadStore store,
      ServingModel serving,
      Duration period,
      Duration settle,
      Duration interval,
      Clock clock,
      TwinHistory history) {
    var blocking = system.dispatchers().lookup(DispatcherSelector.blocking());
    return CompletableFuture.runAsync(() -> store.migrateModule("twin"), blocking)
        .thenApply(
            v -> {
              RiskCalibration calibration =
                  new RiskCalibration(store, serving, period, settle, clock, history);
              RiskCalibrationJob.init(system, calibration, interval);
              return calibration;
            });
  }

  public RiskCalibration(
      ReadStore store,
      ServingModel serving,
      Duration period,
      Duration settle,
      Clock clock,
      TwinHistory history) {
    this.store = store;
    this.serving = serving;
    this.period = period;
    this.settle = settle;
    this.clock = clock;
    this.history = history;
  }

  /** The start of the calibration period {@code at} falls in. */
  Instant periodStart(Instant at) {
    long n = Math.floorDiv(at.toEpochMilli(), period.toMillis());
    return Instant.ofEpochMilli(n * period.toMillis());
  }

  /**
   * One step of the job (idempotent: run it as often as convenient): records the current period's
   * predictions if not yet recorded, counts every ended period not yet counted, and recalibrates
   * when a period was counted. Returns the recalibration made, if any.
   */
  public Optional<Recalibration> step() throws SQLException {
    Instant now = clock.instant();
    Instant current = periodStart(now);
    List<Instant[]> due =
        store.transaction(
            c -> {
              snapshot(c, current);
              return due(c, now);
            });
    if (due.isEmpty()) {
      return Optional.empty();
    }
    for (Instant[] p : due) {
      // The twins' histories are read outside any transaction of the read database.
      Map<String, Reported> reported = store.transaction(c -> reportedFaults(c, p[0], p[1]));
      Map<String, Double> faulted = faulted(reported, p[0], p[1]);
      store.transaction(
          c -> {
            count(c, p[0], p[1], faulted);
            return null;
          });
    }
    return store.transaction(c -> recalibrate(c, now));
  }

  /** Serves the newest recalibration recorded (by any node); true if the served model changed. */
  public boolean load() throws SQLException {
    return store.transaction(
        c -> {
          try (PreparedStatement ps =
                  prepare(
                      c,
                      "SELECT * FROM cal_model WHERE shipped_version = ? "
                          + "ORDER BY computed_at DESC LIMIT 1",
                      serving.shipped().version());
              ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
              return false;
            }
            Recalibration r =
                new Recalibration(
                    rs.getDouble("predicted_faults"),
                    rs.getLong("observed_faults"),
                    rs.getDouble("fault_credibility"),
                    rs.getDouble("fault_factor"),
                    rs.getDouble("predicted_entrapments"),
                    rs.getDouble("predicted_equipment_entrapments"),
                    rs.getLong("observed_entrapments"),
                    rs.getDouble("entrapment_credibility"),
                    rs.getDouble("entrapment_factor"),
                    rs.getDouble("entrapment_clustering"));
            RiskModel model = r.apply(serving.shipped(), instant(rs, "computed_at").toString());
            return serving.serve(
                model.withSegments(
                    segments(c).getOrDefault(rs.getString("version"), SegmentLevels.NONE),
                    model.version()));
          }
        });
  }

  private void snapshot(Connection c, Instant start) throws SQLException {
    try (PreparedStatement ps =
            prepare(c, "SELECT 1 FROM cal_period WHERE period_start = ?", ts(start));
        ResultSet rs = ps.executeQuery()) {
      if (rs.next()) {
        return;
      }
    }
    // Each prediction is kept at the shipped model's level: one made by a recalibrated model is
    // shifted back by that recalibration's factors, so every recalibration compares the shipped
    // model with what happened.
    Map<String, double[]> factors = new HashMap<>();
    try (PreparedStatement ps =
            prepare(c, "SELECT version, fault_factor, entrapment_factor FROM cal_model");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        factors.put(rs.getString(1), new double[] {rs.getDouble(2), rs.getDouble(3)});
      }
    }
    Map<String, SegmentLevels> segments = segments(c);
    LocalDate day = TwinRules.today(start);
    int n = 0;
    try (PreparedStatement read =
            prepare(
                c,
                "SELECT elevator_id, district, fault_risk, entrapment_risk, risk_model,"
                    + " equipment_entrapment_risk, maintenance_company, installation_date FROM"
                    + " fleet_elevator_public WHERE fault_risk IS NOT NULL");
        ResultSet rs = read.executeQuery();
        PreparedStatement write =
            c.prepareStatement(
                "INSERT INTO cal_prediction (period_start, elevator_id, district, fault_p,"
                    + " entrapment_p, model_version, equipment_entrapment_p, maintenance_company,"
                    + " age_band) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      while (rs.next()) {
        String version = rs.getString(5);
        LocalDate installed = rs.getObject(8, LocalDate.class);
        String ageBand =
            installed == null
                ? null
                : SegmentLevels.ageBand(ChronoUnit.DAYS.between(installed, day) / 365.25);
        SegmentLevels.Segment segment =
            new SegmentLevels.Segment(rs.getString(2), rs.getString(7), ageBand);
        double[] f = factors.getOrDefault(version, new double[] {1, 1});
        // The fault level the elevator was served at: the city's factor and its segment's.
        double faultLevel =
            f[0] * segments.getOrDefault(version, SegmentLevels.NONE).factor(segment);
        double entrapment = rs.getDouble(4);
        double equipment = rs.getDouble(6);
        boolean byCause = !rs.wasNull();
        write.setTimestamp(1, ts(start));
        write.setString(2, rs.getString(1));
        write.setString(3, rs.getString(2));
        write.setDouble(4, shift(rs.getDouble(3), 1 / faultLevel));
        if (byCause) {
          // Equipment entrapments were shifted by the fault level, the other causes by the
          // entrapment factor.
          double shippedEquipment = shift(equipment, 1 / faultLevel);
          double shippedOther = shift(1 - (1 - entrapment) / (1 - equipment), 1 / f[1]);
          write.setDouble(5, 1 - (1 - shippedEquipment) * (1 - shippedOther));
          write.setDouble(7, shippedEquipment);
        } else {
          write.setDouble(5, shift(entrapment, 1 / f[1]));
          write.setNull(7, java.sql.Types.DOUBLE);
        }
        write.setString(6, version);
        write.setString(8, segment.maintenanceCompany());
        write.setString(9, segment.ageBand());
        write.addBatch();
        if (++n % 1000 == 0) {
          write.executeBatch();
        }
      }
      write.executeBatch();
    }
    update(
        c,
        "INSERT INTO cal_period (period_start, period_end, elevators, counted) VALUES (?, ?, ?,"
            + " FALSE)",
        ts(start),
        ts(start.plus(period)),
        n);
  }

  /**
   * One group of the calibration report: elevator-months, mean predicted probability (shipped
   * level), observed share.
   */
  public record Group(
      String key,
      long elevatorMonths,
      double predictedFault,
      double observedFault,
      double predictedEntrapment,
      double observedEntrapment) {}

  /** A recalibration as recorded. */
  public record Level(
      String version,
      Instant computedAt,
      int periods,
      double predictedFaults,
      long observedFaults,
      double faultCredibility,
      double faultFactor,
      double predictedEntrapments,
      double predictedEquipmentEntrapments,
      long observedEntrapments,
      double entrapmentCredibility,
      double entrapmentFactor,
      double entrapmentClustering) {}

  /**
   * Predicted against observed over the last {@code periods} counted periods, by decile of
   * predicted fault probability and by district. Predictions are at the shipped model's level; the
   * factors of {@code levels} (newest first) are what the platform serves on top of it, with the
   * newest's {@code segments}' fault levels on top of that.
   */
  public record Report(
      String servingVersion,
      String shippedVersion,
      Duration period,
      int periodsCounted,
      Instant from,
      List<Level> levels,
      List<SegmentLevels.Level> segments,
      List<Group> deciles,
      List<Group> districts) {}

  public Report report(int periods) throws SQLException {
    return store.transaction(
        c -> {
          List<Instant> counted = new ArrayList<>();
          try (PreparedStatement ps =
                  prepare(
                      c,
                      "SELECT period_start FROM cal_period WHERE counted ORDER BY period_start "
                          + "DESC LIMIT "
                          + periods);
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              counted.add(instant(rs, "period_start"));
            }
          }
          List<Level> levels = new ArrayList<>();
          try (PreparedStatement ps =
                  prepare(
                      c,
                      "SELECT * FROM cal_model WHERE shipped_version = ? ORDER BY computed_at DESC "
                          + "LIMIT 24",
                      serving.shipped().version());
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              levels.add(
                  new Level(
                      rs.getString("version"),
                      instant(rs, "computed_at"),
                      rs.getInt("periods"),
                      rs.getDouble("predicted_faults"),
                      rs.getLong("observed_faults"),
                      rs.getDouble("fault_credibility"),
                      rs.getDouble("fault_factor"),
                      rs.getDouble("predicted_entrapments"),
                      rs.getDouble("predicted_equipment_entrapments"),
                      rs.getLong("observed_entrapments"),
                      rs.getDouble("entrapment_credibility"),
                      rs.getDouble("entrapment_factor"),
                      rs.getDouble("entrapment_clustering")));
            }
          }
          Instant from = counted.isEmpty() ? null : counted.get(counted.size() - 1);
          List<Group> deciles =
              from == null
                  ? List.of()
                  : groups(
                      c,
                      "SELECT CAST(decile AS VARCHAR(8)) AS k, "
                          + MEANS
                          + " FROM (SELECT p.*, NTILE(10) OVER (ORDER BY fault_p, elevator_id) AS"
                          + " decile FROM cal_prediction p WHERE period_start >= ? AND faulted IS"
                          + " NOT NULL) t GROUP BY decile ORDER BY decile",
                      from);
          List<Group> districts =
              from == null
                  ? List.of()
                  : groups(
                      c,
                      "SELECT district AS k, "
                          + MEANS
                          + " FROM cal_prediction WHERE period_start >= ? AND faulted IS NOT NULL"
                          + " GROUP BY district ORDER BY district",
                      from);
          return new Report(
              serving.get().version(),
              serving.shipped().version(),
              period,
              counted.size(),
              from,
              levels,
              levels.isEmpty()
                  ? List.of()
                  : segments(c).getOrDefault(levels.get(0).version(), SegmentLevels.NONE).levels(),
              deciles,
              districts);
        });
  }

  /**
   * An elevator-period's faults as counted: the probability one was real (rows counted before it
   * was kept: their flag).
   */
  private static final String FAULTS =
      "COALESCE(fault_weight, CASE WHEN faulted THEN 1.0 ELSE 0.0 END)";

  private static final String MEANS =
      "COUNT(*) AS n, AVG(fault_p) AS pf, AVG("
          + FAULTS
          + ") AS of, AVG(entrapment_p) AS pe, AVG(CASE WHEN entrapped THEN 1.0 ELSE 0.0 END) AS"
          + " oe";

  private static List<Group> groups(Connection c, String sql, Instant from) throws SQLException {
    List<Group> out = new ArrayList<>();
    try (PreparedStatement ps = prepare(c, sql, ts(from));
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new Group(
                rs.getString("k"),
                rs.getLong("n"),
                rs.getDouble("pf"),
                rs.getDouble("of"),
                rs.getDouble("pe"),
                rs.getDouble("oe")));
      }
    }
    return out;
  }

  /**
   * {@code p} with its log-odds shifted by {@code ln(factor)}, as {@link Recalibration#apply}
   * shifts a model.
   */
  static double shift(double p, double factor) {
    double z = Math.log(p / (1 - p)) + Math.log(factor);
    return 1 / (1 + Math.exp(-z));
  }

  /** The ended periods not yet counted, {start, end}, oldest first. */
  private List<Instant[]> due(Connection c, Instant now) throws SQLException {
    List<Instant[]> due = new ArrayList<>();
    try (PreparedStatement ps =
            prepare(
                c,
                "SELECT period_start, period_end FROM cal_period WHERE NOT counted "
                    + "AND period_end <= ? ORDER BY period_start",
                ts(now.minus(settle)));
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        due.add(new Instant[] {instant(rs, "period_start"), instant(rs, "period_end")});
      }
    }
    return due;
  }

  /** The equipment fault types ({@link FaultCounting#isEquipmentFault}) as an SQL list. */
  private static final String EQUIPMENT_FAULTS =
      Arrays.stream(EventType.values())
          .filter(FaultCounting::isEquipmentFault)
          .map(t -> "'" + t.name() + "'")
          .collect(Collectors.joining(", "));

  /**
   * Where a twin's reported faults of a period lie in its journal, and which of its reports were a
   * grid power cut's ({@link MassEvents}), not its equipment's.
   */
  private record Reported(long firstSeqNr, Instant lastAt, Set<String> gridCuts) {
    Reported and(long seqNr, Instant at) {
      return new Reported(Math.min(firstSeqNr, seqNr), at.isAfter(lastAt) ? at : lastAt, gridCuts);
    }
  }

  /**
   * The elevators predicted for the period that reported an equipment fault in it, other than a
   * power loss that was one of a mass event.
   */
  private static Map<String, Reported> reportedFaults(Connection c, Instant start, Instant end)
      throws SQLException {
    record Report(String elevator, long seqNr, Instant at, String eventId, boolean powerLoss) {}
    List<Report> reports = new ArrayList<>();
    List<MassEvents.Occurrence> powerLosses = new ArrayList<>();
    try (PreparedStatement ps =
            prepare(
                c,
                "SELECT h.elevator_id, h.seq_nr, h.occurred_at, h.event_id, h.event_type,"
                    + " p.district FROM fleet_history_public h JOIN cal_prediction p ON"
                    + " p.elevator_id = h.elevator_id AND p.period_start = ? WHERE h.phase ="
                    + " 'RAISED' AND h.event_type IN ("
                    + EQUIPMENT_FAULTS
                    + ") AND h.occurred_at >= ? AND h.occurred_at < ?",
                ts(start),
                ts(start),
                ts(end));
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Report r =
            new Report(
                rs.getString(1),
                rs.getLong(2),
                instant(rs, "occurred_at"),
                rs.getString(4),
                EventType.POWER_LOSS.name().equals(rs.getString(5)));
        reports.add(r);
        if (r.powerLoss()) {
          powerLosses.add(new MassEvents.Occurrence(rs.getString(6), r.at(), r.elevator()));
        }
      }
    }
    Set<String> cutElevatorsAt = new java.util.HashSet<>();
    for (List<MassEvents.Occurrence> g : MassEvents.groups(powerLosses)) {
      if (g.size() >= MassEvents.MASS) {
        g.forEach(o -> cutElevatorsAt.add(o.subject() + "@" + o.at()));
      }
    }
    Map<String, Reported> reported = new TreeMap<>();
    for (Report r : reports) {
      boolean gridCut = r.powerLoss() && cutElevatorsAt.contains(r.elevator() + "@" + r.at());
      Reported was =
          reported.computeIfAbsent(
              r.elevator(), id -> new Reported(r.seqNr(), r.at(), new TreeSet<>()));
      reported.put(r.elevator(), was.and(r.seqNr(), r.at()));
      if (gridCut) {
        was.gridCuts().add(r.eventId());
      }
    }
    return reported;
  }

  /**
   * Of {@code reported}, the elevators with a fault in {@code [start, end)} that their own history
   * gives reason to believe ({@link FaultCounting}), each with the probability that one or more of
   * its faults is real: a person's report no reading could check weighs as its reporter's record on
   * the period's checkable reports. Each twin's journal is read around its reported faults: from
   * {@value #EVENTS_BEFORE} events before the first to the end of the integrity check's window
   * after the last.
   */
  private Map<String, Double> faulted(Map<String, Reported> reported, Instant start, Instant end)
      throws SQLException {
    IntegrityChecks.Settings checks = IntegrityChecks.Settings.DEFAULT;
    Map<String, List<FaultCounting.Judged>> judged = new TreeMap<>();
    Map<String, FaultCounting.ReporterRecord> records = new HashMap<>();
    for (Map.Entry<String, Reported> r : reported.entrySet()) {
      Instant until = r.getValue().lastAt().plus(checks.faultAfter());
      List<TwinEvent> events = new ArrayList<>();
      long from = Math.max(1, r.getValue().firstSeqNr() - EVENTS_BEFORE);
      for (int page = 0; page < MAX_PAGES; page++) {
        List<TwinEvent> read;
        try {
          read =
              history.events(r.getKey(), from, PAGE).toCompletableFuture().get(2, TimeUnit.MINUTES);
        } catch (Exception e) {
          // The period stays uncounted, and is counted at a later step.
          throw new SQLException(
              "could not read the history of " + r.getKey() + " to count its faults", e);
        }
        events.addAll(read);
        if (read.size() < PAGE || read.get(read.size() - 1).recordedAt().isAfter(until)) {
          break;
        }
        from += PAGE;
      }
      Set<String> gridCuts = r.getValue().gridCuts();
      List<FaultCounting.Judged> own =
          FaultCounting.judged(events, start, end, checks).stream()
              .filter(j -> !gridCuts.contains(j.fault().eventId()))
              .toList();
      FaultCounting.addTo(records, own);
      judged.put(r.getKey(), own);
    }
    Map<String, Double> faulted = new TreeMap<>();
    FaultCounting.Reporters reporters = FaultCounting.Reporters.of(records);
    judged.forEach(
        (id, faults) -> {
          double p = FaultCounting.anyReal(faults, reporters);
          if (p > 0) {
            faulted.put(id, p);
          }
        });
    return faulted;
  }

  private void count(Connection c, Instant start, Instant end, Map<String, Double> faulted)
      throws SQLException {
    update(
        c,
        "UPDATE cal_prediction SET faulted = FALSE, fault_weight = 0 WHERE period_start = ?",
        ts(start));
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE cal_prediction SET faulted = TRUE, fault_weight = ? WHERE period_start = ? AND"
                + " elevator_id = ?")) {
      for (Map.Entry<String, Double> f : faulted.entrySet()) {
        ps.setDouble(1, f.getValue());
        ps.setTimestamp(2, ts(start));
        ps.setString(3, f.getKey());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    update(
        c,
        "UPDATE cal_prediction SET entrapped_at = (SELECT MIN(h.occurred_at) FROM"
            + " fleet_history_public h WHERE h.elevator_id = cal_prediction.elevator_id AND h.kind"
            + " = 'ENTRAPMENT' AND h.phase = 'RAISED' AND h.occurred_at >= ? AND h.occurred_at < ?)"
            + " WHERE period_start = ?",
        ts(start),
        ts(end),
        ts(start));
    update(
        c,
        "UPDATE cal_prediction SET entrapped = entrapped_at IS NOT NULL WHERE period_start = ?",
        ts(start));
    update(c, "UPDATE cal_period SET counted = TRUE WHERE period_start = ?", ts(start));
  }

  private Optional<Recalibration> recalibrate(Connection c, Instant now) throws SQLException {
    List<Instant> window = new ArrayList<>();
    try (PreparedStatement ps =
            prepare(
                c,
                "SELECT period_start FROM cal_period WHERE counted "
                    + "ORDER BY period_start DESC LIMIT "
                    + WINDOW);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        window.add(instant(rs, "period_start"));
      }
    }
    if (window.isEmpty()) {
      return Optional.empty();
    }
    Instant from = window.get(window.size() - 1);
    Recalibration r;
    // Predictions are kept at the shipped level (see snapshot): the factors always apply to the
    // shipped model.
    try (PreparedStatement ps =
            prepare(
                c,
                "SELECT COUNT(*), COALESCE(SUM(fault_p), 0), COALESCE(SUM("
                    + FAULTS
                    + "), 0), COALESCE(SUM(entrapment_p), 0), COUNT(*) FILTER (WHERE entrapped),"
                    + " COALESCE(SUM(equipment_entrapment_p), 0) FROM cal_prediction WHERE"
                    + " period_start >= ? AND faulted IS NOT NULL",
                ts(from));
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      if (rs.getLong(1) == 0) {
        return Optional.empty(); // nothing was predicted yet: nothing to learn from
      }
      r =
          Recalibration.of(
              rs.getDouble(2),
              Math.round(rs.getDouble(3)),
              rs.getDouble(4),
              rs.getDouble(6),
              rs.getLong(5),
              MassEvents.clustering(entrapments(c, from)));
    }
    RiskModel model = r.apply(serving.shipped(), now.truncatedTo(ChronoUnit.SECONDS).toString());
    SegmentLevels levels = SegmentLevels.fit(outcomes(c, from), r.faultFactor());
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO cal_segment (version, dimension, segment, predicted, observed,"
                + " credibility, factor) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (SegmentLevels.Level l : levels.levels()) {
        ps.setString(1, model.version());
        ps.setString(2, l.dimension().name());
        ps.setString(3, l.value());
        ps.setDouble(4, l.predicted());
        ps.setLong(5, l.observed());
        ps.setDouble(6, l.credibility());
        ps.setDouble(7, l.factor());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    update(
        c,
        "INSERT INTO cal_model (version, computed_at, shipped_version, periods, predicted_faults,"
            + " observed_faults, fault_credibility, fault_factor, predicted_entrapments,"
            + " observed_entrapments, entrapment_credibility, entrapment_factor,"
            + " predicted_equipment_entrapments, entrapment_clustering) VALUES (?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?, ?, ?)",
        model.version(),
        ts(now),
        serving.shipped().version(),
        window.size(),
        r.predictedFaults(),
        r.observedFaults(),
        r.faultCredibility(),
        r.faultFactor(),
        r.predictedEntrapments(),
        r.observedEntrapments(),
        r.entrapmentCredibility(),
        r.entrapmentFactor(),
        r.predictedEquipmentEntrapments(),
        r.entrapmentClustering());
    return Optional.of(r);
  }

  /** Every counted elevator-period from {@code from} on: its segment, prediction and outcome. */
  private static List<SegmentLevels.Outcome> outcomes(Connection c, Instant from)
      throws SQLException {
    List<SegmentLevels.Outcome> out = new ArrayList<>();
    try (PreparedStatement ps =
            prepare(
                c,
                "SELECT district, maintenance_company, age_band, fault_p, "
                    + FAULTS
                    + " FROM cal_prediction WHERE period_start >= ? AND faulted IS NOT NULL",
                ts(from));
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new SegmentLevels.Outcome(
                new SegmentLevels.Segment(rs.getString(1), rs.getString(2), rs.getString(3)),
                rs.getDouble(4),
                rs.getDouble(5)));
      }
    }
    return out;
  }

  /** The segment levels of every recalibration recorded, by version. */
  private static Map<String, SegmentLevels> segments(Connection c) throws SQLException {
    Map<String, List<SegmentLevels.Level>> byVersion = new HashMap<>();
    try (PreparedStatement ps =
            prepare(
                c,
                "SELECT version, dimension, segment, predicted, observed, credibility, factor FROM"
                    + " cal_segment ORDER BY version, dimension, segment");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        byVersion
            .computeIfAbsent(rs.getString(1), v -> new ArrayList<>())
            .add(
                new SegmentLevels.Level(
                    SegmentLevels.Dimension.valueOf(rs.getString(2)),
                    rs.getString(3),
                    rs.getDouble(4),
                    rs.getLong(5),
                    rs.getDouble(6),
                    rs.getDouble(7)));
      }
    }
    Map<String, SegmentLevels> out = new HashMap<>();
    byVersion.forEach((v, levels) -> out.put(v, new SegmentLevels(levels)));
    return out;
  }

  /** The counted entrapments (an elevator's first in a period) from {@code from} on. */
  private static List<MassEvents.Occurrence> entrapments(Connection c, Instant from)
      throws SQLException {
    List<MassEvents.Occurrence> out = new ArrayList<>();
    try (PreparedStatement ps =
            prepare(
                c,
                "SELECT district, entrapped_at FROM cal_prediction WHERE period_start >= ? AND"
                    + " entrapped",
                ts(from));
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new MassEvents.Occurrence(rs.getString(1), instant(rs, "entrapped_at"), null));
      }
    }
    return out;
  }
}
