package io.liftguard.sim.integrity;

import io.liftguard.kernel.domain.Decision;
import io.liftguard.sim.Args;
import io.liftguard.sim.CityGenerator;
import io.liftguard.sim.CitySimulator;
import io.liftguard.sim.ElevatorHistory;
import io.liftguard.sim.LiveElevator;
import io.liftguard.sim.SimConfig;
import io.liftguard.sim.SimEvent;
import io.liftguard.sim.Terminal;
import io.liftguard.twin.domain.Direction;
import io.liftguard.twin.domain.DoorState;
import io.liftguard.twin.domain.IntegrityChecks;
import io.liftguard.twin.domain.MaintenanceVisit;
import io.liftguard.twin.domain.Reading;
import io.liftguard.twin.domain.ReportedEvent;
import io.liftguard.twin.domain.RunningMode;
import io.liftguard.twin.domain.TwinEvent;
import io.liftguard.twin.domain.TwinRules;
import io.liftguard.twin.domain.TwinState;
import io.liftguard.twin.domain.access.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Measures the integrity checks ({@link IntegrityChecks}) against the simulator's injected cases:
 * each simulated elevator's year is turned into what its terminal and its companies report (faults,
 * false reports, visits real and faked, and for elevators with a bypassed safety circuit the car
 * moving with a door open), fed to a twin by the twin's own rules (each reading persisted, as the
 * entity's flush does for readings a minute or more apart), and the checks run over the resulting
 * record. Precision and recall per check, against the truth the simulator injected.
 */
public final class IntegrityValidation {
  private static final Reading.TimeWindow WINDOW = Reading.TimeWindow.DEFAULT;

  /**
   * The signal model's assumptions (no published source).
   *
   * @param terminalRaises chance a real fault is raised by the elevator's terminal itself (a
   *     controller fault code); the rest the maintenance company reports (a repair request), as it
   *     does every false report
   * @param online chance a terminal that reports that day ({@link Terminal}: elevators without one,
   *     dark spells and missed days report nothing) is reporting around a report (else nothing is
   *     checkable there)
   * @param faultVisible chance a real fault shows in the terminal's picture (out of service, a
   *     circuit open)
   * @param visitInInspection chance a real visit puts the car in inspection mode
   * @param bypassMovesPerDay a bypassed elevator's car moving with a door open, caught by the
   *     terminal, per day
   * @param doorGlitchPerDay a healthy terminal reading a door open while moving, per day
   */
  public record Signals(
      double terminalRaises,
      double online,
      double faultVisible,
      double visitInInspection,
      double bypassMovesPerDay,
      double doorGlitchPerDay) {
    public static final Signals DEFAULT = new Signals(0.6, 0.98, 0.85, 0.95, 0.05, 0.0001);
  }

  /**
   * The counts of one check: flagged and truly bad, flagged but fine, missed, and cases not
   * checkable.
   */
  public static final class Counts {
    long truePositives;
    long falsePositives;
    long falseNegatives;
    long trueNegatives;

    void add(boolean flagged, boolean bad) {
      if (flagged && bad) {
        truePositives++;
      } else if (flagged) {
        falsePositives++;
      } else if (bad) {
        falseNegatives++;
      } else {
        trueNegatives++;
      }
    }

    void add(Counts o) {
      truePositives += o.truePositives;
      falsePositives += o.falsePositives;
      falseNegatives += o.falseNegatives;
      trueNegatives += o.trueNegatives;
    }

    public double precision() {
      return truePositives + falsePositives == 0
          ? Double.NaN
          : (double) truePositives / (truePositives + falsePositives);
    }

    public double recall() {
      return truePositives + falseNegatives == 0
          ? Double.NaN
          : (double) truePositives / (truePositives + falseNegatives);
    }
  }

  private IntegrityValidation() {}

  /**
   * A report or reading at a time, with whether it is an injected case (for reports and visits),
   * and the role of who reported it.
   */
  private record Input(Instant at, Object what, boolean bad, Role role) {
    Input(Instant at, Object what, boolean bad) {
      this(at, what, bad, null);
    }
  }

  /**
   * What the platform holds of one simulated elevator: the twin's record of what its terminal and
   * companies reported ({@code record}), and which of the reports (by subject) were injected cases.
   */
  public record Reported(
      ElevatorHistory history, List<TwinEvent> record, Map<String, Boolean> badReports) {}

  /** Elevator {@code index}'s year through a twin's rules, checked; the counts per check. */
  public static Map<IntegrityChecks.Kind, Counts> validate(SimConfig c, int index, Signals s) {
    Reported reported = reported(c, index, s);
    ElevatorHistory h = reported.history();
    List<TwinEvent> record = reported.record();
    Map<String, Boolean> badReports = reported.badReports();
    List<IntegrityChecks.Flag> flags =
        IntegrityChecks.check(record, IntegrityChecks.Settings.DEFAULT);
    Map<IntegrityChecks.Kind, Counts> out = new EnumMap<>(IntegrityChecks.Kind.class);
    for (IntegrityChecks.Kind k : IntegrityChecks.Kind.values()) {
      out.put(k, new Counts());
    }
    java.util.Set<String> flagged = new java.util.HashSet<>();
    boolean bypassFlagged = false;
    for (IntegrityChecks.Flag f : flags) {
      if (f.kind() == IntegrityChecks.Kind.MOVING_WITH_DOOR_OPEN) {
        bypassFlagged = true;
      } else {
        flagged.add(f.subject());
      }
    }
    for (var e : badReports.entrySet()) {
      IntegrityChecks.Kind k =
          e.getKey().startsWith("maintenance")
              ? IntegrityChecks.Kind.VISIT_WITHOUT_INSPECTION_MODE
              : IntegrityChecks.Kind.FAULT_WITHOUT_EVIDENCE;
      out.get(k).add(flagged.contains(e.getKey()), e.getValue());
    }
    out.get(IntegrityChecks.Kind.MOVING_WITH_DOOR_OPEN)
        .add(bypassFlagged, h.elevator().safetyCircuitBypassed());
    return out;
  }

  /**
   * Elevator {@code index}'s simulated life as its terminal (with the signal model {@code s}) and
   * companies report it, through a twin's rules.
   */
  public static Reported reported(SimConfig c, int index, Signals s) {
    ElevatorHistory h = CitySimulator.history(c, index);
    SplittableRandom r = new SplittableRandom(c.seed() * 0x632BE59BD9B4E019L + index);
    Instant start = c.start().atStartOfDay(TwinRules.CALENDAR).toInstant();
    String id = h.elevator().id();
    Terminal terminal = Terminal.of(c, index);
    List<Input> inputs = new ArrayList<>();
    Map<String, Boolean> badReports = new HashMap<>();
    for (SimEvent ev : h.events()) {
      Instant at = start.plus(Duration.ofDays(ev.day())).plus(Duration.ofMinutes(ev.minute()));
      String subject =
          ev.kind().name().toLowerCase(Locale.ROOT) + "-" + ev.day() + "-" + ev.minute();
      switch (ev.kind()) {
        case FAULT, FALSE_REPORT -> {
          boolean bad = ev.kind() == SimEvent.Kind.FALSE_REPORT;
          boolean terminalUp = terminal.reports(ev.day());
          boolean byTerminal = !bad && terminalUp && r.nextDouble() < s.terminalRaises();
          badReports.put(subject, bad);
          inputs.add(
              new Input(
                  at,
                  new ReportedEvent(
                      subject,
                      ev.faultType(),
                      ReportedEvent.Phase.RAISED,
                      at,
                      byTerminal ? "terminal" : "repair request"),
                  bad,
                  byTerminal ? Role.GATEWAY : Role.MAINTAINER));
          if (terminalUp && r.nextDouble() < s.online()) {
            heartbeats(id, at, inputs);
            if (!bad && r.nextDouble() < s.faultVisible()) {
              boolean circuit = r.nextBoolean();
              inputs.add(
                  new Input(
                      at.plusSeconds(20),
                      reading(
                          id,
                          at.plusSeconds(20),
                          circuit ? RunningMode.NORMAL : RunningMode.OUT_OF_SERVICE,
                          !circuit,
                          false,
                          DoorState.CLOSED),
                      false));
              inputs.add(
                  new Input(
                      at.plus(Duration.ofMinutes(45)),
                      reading(
                          id,
                          at.plus(Duration.ofMinutes(45)),
                          RunningMode.NORMAL,
                          true,
                          false,
                          DoorState.CLOSED),
                      false));
            }
          }
        }
        case MAINTENANCE_DONE, MAINTENANCE_FAKED -> {
          boolean bad = ev.kind() == SimEvent.Kind.MAINTENANCE_FAKED;
          badReports.put(subject, bad);
          Instant end = at.plus(Duration.ofMinutes(60));
          inputs.add(
              new Input(
                  end.plusSeconds(60),
                  new MaintenanceVisit(
                      subject, "Company", "Worker", MaintenanceVisit.Kind.ROUTINE, at, end, null),
                  bad));
          if (terminal.reports(ev.day()) && r.nextDouble() < s.online()) {
            heartbeats(id, at, inputs);
            if (!bad && r.nextDouble() < s.visitInInspection()) {
              inputs.add(
                  new Input(
                      at.plus(Duration.ofMinutes(5)),
                      reading(
                          id,
                          at.plus(Duration.ofMinutes(5)),
                          RunningMode.INSPECTION,
                          true,
                          false,
                          DoorState.CLOSED),
                      false));
              inputs.add(
                  new Input(
                      at.plus(Duration.ofMinutes(50)),
                      reading(
                          id,
                          at.plus(Duration.ofMinutes(50)),
                          RunningMode.NORMAL,
                          true,
                          false,
                          DoorState.CLOSED),
                      false));
            }
          }
        }
        default -> {}
      }
    }
    double movesPerDay =
        h.elevator().safetyCircuitBypassed() ? s.bypassMovesPerDay() : s.doorGlitchPerDay();
    for (int d = 0; d < c.days(); d++) {
      if (r.nextDouble() < movesPerDay && terminal.reports(d)) {
        Instant at =
            start.plus(Duration.ofDays(d)).plus(Duration.ofMinutes(6 * 60 + r.nextInt(16 * 60)));
        inputs.add(
            new Input(at, reading(id, at, RunningMode.NORMAL, true, true, DoorState.OPEN), false));
        inputs.add(
            new Input(
                at.plusSeconds(30),
                reading(id, at.plusSeconds(30), RunningMode.NORMAL, true, false, DoorState.CLOSED),
                false));
      }
    }
    inputs.sort(Comparator.comparing(Input::at));
    return new Reported(h, replay(c, index, start, inputs), badReports);
  }

  /** Who reports elevator {@code index}'s faults in person: its maintenance company. */
  private static String company(SimConfig c, int index) {
    int company = CityGenerator.elevator(c, index).company();
    return company < 0 ? "on-call repairer" : c.companies().get(company).name();
  }

  /** Normal-service readings every 10 minutes from an hour before {@code at} to two hours after. */
  private static void heartbeats(String id, Instant at, List<Input> inputs) {
    for (int m = -60; m <= 120; m += 10) {
      Instant t = at.plus(Duration.ofMinutes(m)).plusSeconds(7);
      inputs.add(
          new Input(t, reading(id, t, RunningMode.NORMAL, true, false, DoorState.CLOSED), false));
    }
  }

  private static Reading reading(
      String id, Instant at, RunningMode mode, boolean safety, boolean moving, DoorState door) {
    return new Reading(
        id,
        at,
        3,
        moving ? Direction.UP : Direction.STOPPED,
        moving ? 1.0 : 0.0,
        door,
        null,
        mode,
        safety,
        true,
        false,
        false,
        true,
        null,
        null,
        null);
  }

  /**
   * The twin's record of {@code inputs}: every reading persisted (the entity's flush), reports by
   * the rules.
   */
  private static List<TwinEvent> replay(SimConfig c, int index, Instant start, List<Input> inputs) {
    TwinState state = TwinState.empty();
    List<TwinEvent> record = new ArrayList<>();
    TwinEvent registered =
        new TwinEvent.ElevatorRegistered(
            LiveElevator.of(c, index, start, Duration.ofDays(1)).register(c.start()), start, "sim");
    state = state.apply(registered);
    record.add(registered);
    for (Input in : inputs) {
      Instant now = in.at().plusSeconds(1);
      List<TwinEvent> events;
      if (in.what() instanceof Reading reading) {
        var d = TwinRules.readings(state, state.live(), List.of(reading), now, WINDOW, "terminal");
        if (!(d instanceof TwinRules.ReadingOutcome o)) {
          throw new IllegalStateException("refused: " + d);
        }
        events = new ArrayList<>(o.events());
        if (o.coalesced()) {
          events.add(
              new TwinEvent.LiveStateRecorded(
                  o.live(), now, "terminal")); // the flush, a minute later at most
        }
      } else {
        Decision<TwinEvent> d =
            in.what() instanceof ReportedEvent e
                ? TwinRules.report(
                    state,
                    LiveElevator.of(c, index, start, Duration.ofDays(1)).id(),
                    e,
                    now,
                    WINDOW,
                    in.role() == Role.GATEWAY ? "terminal" : company(c, index),
                    in.role())
                : TwinRules.maintenance(
                    state, "?", (MaintenanceVisit) in.what(), now, WINDOW, "maintainer");
        if (!(d instanceof Decision.Accept<TwinEvent> a)) {
          throw new IllegalStateException("refused: " + d);
        }
        events = a.events();
      }
      for (TwinEvent e : events) {
        state = state.apply(e);
        record.add(e);
      }
    }
    return record;
  }

  public static Map<IntegrityChecks.Kind, Counts> run(SimConfig c, Signals s) {
    Map<IntegrityChecks.Kind, Counts> total = new EnumMap<>(IntegrityChecks.Kind.class);
    for (IntegrityChecks.Kind k : IntegrityChecks.Kind.values()) {
      total.put(k, new Counts());
    }
    CitySimulator.forEachElevator(
        c.elevators(),
        i -> validate(c, i, s),
        m -> m.forEach((k, v) -> total.get(k).add(v)),
        CitySimulator.Progress.toStderr(c.name()));
    return total;
  }

  public static void main(String[] args) throws IOException {
    Map<String, String> o = Args.parse(args);
    int elevators = Integer.parseInt(o.getOrDefault("elevators", "20000"));
    int days = Integer.parseInt(o.getOrDefault("days", "365"));
    long seed = Long.parseLong(o.getOrDefault("seed", "1"));
    SimConfig c = SimConfig.defaults(seed, elevators, days);
    long t0 = System.nanoTime();
    Map<IntegrityChecks.Kind, Counts> counts = run(c, Signals.DEFAULT);
    String report = report(c, Signals.DEFAULT, counts, (System.nanoTime() - t0) / 1e9);
    System.out.println(report);
    if (o.containsKey("report")) {
      Files.writeString(Path.of(o.get("report")), report);
    }
  }

  /** The share of days a terminal of {@code c} reports, over its first 1,000 terminals. */
  static double reportingDays(SimConfig c) {
    long days = 0;
    long reporting = 0;
    for (int i = 0; i < Math.min(c.elevators(), 1000); i++) {
      Terminal t = Terminal.of(c, i);
      for (int d = 0; t.present() && d < c.days(); d++) {
        days++;
        reporting += t.reports(d) ? 1 : 0;
      }
    }
    return days == 0 ? 0 : (double) reporting / days;
  }

  static String report(
      SimConfig c, Signals s, Map<IntegrityChecks.Kind, Counts> counts, double seconds) {
    StringBuilder b =
        new StringBuilder("# Integrity checks: precision and recall on the simulator\n\n");
    b.append(
        String.format(
            Locale.ROOT,
            "Produced by `scripts/validate-integrity.sh %d %d %d` (%,d elevators of the default"
                + " city, %d days, seed %d; %.0f s on this machine). Each elevator's simulated year"
                + " is reported as its terminal and companies would (`IntegrityValidation`), fed to"
                + " a twin by the twin's own rules, and `IntegrityChecks` run over the twin's"
                + " record; the injected cases are the simulator's false fault reports of its"
                + " fraudulent company (无故障报故障), its faked visits (以修代保) and its elevators with a"
                + " bypassed safety circuit (短接安全回路).%n%n",
            c.elevators(),
            c.days(),
            c.seed(),
            c.elevators(),
            c.days(),
            c.seed(),
            seconds));
    b.append(
        "| check | unit | injected | flagged | true positives | false positives | missed |"
            + " precision | recall |\n");
    b.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (var e : counts.entrySet()) {
      Counts n = e.getValue();
      String unit =
          e.getKey() == IntegrityChecks.Kind.MOVING_WITH_DOOR_OPEN
              ? "elevator"
              : e.getKey() == IntegrityChecks.Kind.FAULT_WITHOUT_EVIDENCE
                  ? "fault report"
                  : "visit";
      b.append(
          String.format(
              Locale.ROOT,
              "| %s %s | %s | %,d of %,d | %,d | %,d | %,d | %,d | %.3f | %.3f |%n",
              e.getKey(),
              e.getKey().nameZh(),
              unit,
              n.truePositives + n.falseNegatives,
              n.truePositives + n.falsePositives + n.falseNegatives + n.trueNegatives,
              n.truePositives + n.falsePositives,
              n.truePositives,
              n.falsePositives,
              n.falseNegatives,
              n.precision(),
              n.recall()));
    }
    b.append(
        String.format(
            Locale.ROOT,
            "%nMisses are reports made while the terminal reported nothing around them (nothing is"
                + " flagged either way then) and, for the bypass, elevators whose car was caught"
                + " moving with a door open fewer than twice in the year. False positives are real"
                + " faults a company reported that left no trace in the terminal's picture, real"
                + " visits done without inspection mode, and healthy terminals that twice read a"
                + " door open while moving.%n%n## Assumptions of the signal model"
                + " (`IntegrityValidation.Signals`)%n%nNo published source: %.0f %% of elevators"
                + " have a terminal, which reports %.0f %% of its days (missed days and dark"
                + " spells, `SimConfig.Terminals`) and on such a day around a report %.0f %% of the"
                + " time; a real fault shows in its picture (out of service or a circuit open) %.0f"
                + " %% of the time; the terminal raises %.0f %% of real faults itself (its own"
                + " evidence, never flagged), the maintenance company reports the rest and every"
                + " false report; a real visit uses inspection mode %.0f %% of the time; a bypassed"
                + " car is caught moving with a door open %.2f times a day, a healthy terminal"
                + " reads that by mistake %.4f times a day. Injected by the simulator"
                + " (`SimConfig`): false reports %.1f a year per elevator of the fraudulent"
                + " company, faked visits by company (1-15 %%), bypassed elevators %.1f %%.%n",
            100 * c.terminals().share(),
            100 * reportingDays(c),
            100 * s.online(),
            100 * s.faultVisible(),
            100 * s.terminalRaises(),
            100 * s.visitInInspection(),
            s.bypassMovesPerDay(),
            s.doorGlitchPerDay(),
            c.falseReportsPerYear(),
            100 * c.bypassShare()));
    return b.toString();
  }
}
