package io.liftguard.sim.alarm;

import io.liftguard.kernel.domain.Decision;
import io.liftguard.sim.Args;
import io.liftguard.sim.CitySimulator;
import io.liftguard.sim.ElevatorHistory;
import io.liftguard.sim.LiveElevator;
import io.liftguard.sim.SimConfig;
import io.liftguard.sim.SimEvent;
import io.liftguard.sim.alarm.TerminalEpisodes.Blind;
import io.liftguard.sim.alarm.TerminalEpisodes.Episode;
import io.liftguard.sim.alarm.TerminalEpisodes.Kind;
import io.liftguard.sim.alarm.TerminalEpisodes.Signals;
import io.liftguard.twin.domain.IntelligentAlarm;
import io.liftguard.twin.domain.MaintainerOnSite;
import io.liftguard.twin.domain.MaintenanceVisit;
import io.liftguard.twin.domain.Reading;
import io.liftguard.twin.domain.TwinEvent;
import io.liftguard.twin.domain.TwinRules;
import io.liftguard.twin.domain.TwinState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures the intelligent alarm on the simulator: every simulated elevator's still periods ({@link
 * TerminalEpisodes}: true entrapments and look-alikes) are fed, reading by reading, to a twin state
 * by the twin's own rules ({@link TwinRules#readings} with the {@link IntelligentAlarm}, and {@link
 * TwinRules#alarmCheck} at the moment the entity's timer would fire), and each alarm raised is
 * matched to the still period it fell in. Reports detection delay, missed entrapments with why, and
 * false alarms per 1,000 elevator-days by source.
 */
public final class AlarmValidation {
  private static final Reading.TimeWindow WINDOW = Reading.TimeWindow.DEFAULT;

  /** One still period and the alarm the twin raised in it (null: none). */
  public record Outcome(
      Kind kind, SimEvent.Cause cause, Blind blind, Instant start, Instant end, Instant raisedAt) {}

  private AlarmValidation() {}

  /** Replays elevator {@code index}'s still periods through a twin's rules with {@code alarm}. */
  public static List<Outcome> replay(
      SimConfig c, int index, Signals s, IntelligentAlarm alarm, boolean heartbeats) {
    ElevatorHistory history = CitySimulator.history(c, index);
    return replay(c, index, TerminalEpisodes.of(c, history, s, heartbeats), alarm);
  }

  static List<Outcome> replay(
      SimConfig c, int index, List<Episode> episodes, IntelligentAlarm alarm) {
    Instant start = c.start().atStartOfDay(TwinRules.CALENDAR).toInstant();
    TwinState state =
        TwinState.empty()
            .apply(
                new TwinEvent.ElevatorRegistered(
                    LiveElevator.of(c, index, start, Duration.ofDays(1)).register(c.start()),
                    start,
                    "sim"));
    Reading live = null;
    List<Outcome> out = new ArrayList<>(episodes.size());
    for (Episode e : episodes) {
      Instant raised = null;
      boolean checksIn = e.kind() == Kind.MAINTAINER_IN_CAR;
      String visitId = "visit-" + e.start().toEpochMilli();
      if (checksIn) {
        state = applied(state, checkIn(state, visitId, e.start()));
      }
      for (Reading r : e.readings()) {
        Instant due = alarm.timerAt(state.stuck(), state.onSite());
        if (due != null
            && due.isBefore(r.timestamp())) { // the entity's timer fires before this reading comes
          for (TwinEvent ev : TwinRules.alarmCheck(state, alarm, due)) {
            state = state.apply(ev);
            raised = raised == null && isAlarm(ev) ? due : raised;
          }
        }
        var decision =
            TwinRules.readings(state, live, List.of(r), r.timestamp(), WINDOW, alarm, "terminal");
        if (!(decision instanceof TwinRules.ReadingOutcome o)) {
          throw new IllegalStateException("reading refused: " + decision);
        }
        for (TwinEvent ev : o.events()) {
          state = state.apply(ev);
          raised = raised == null && isAlarm(ev) ? r.timestamp() : raised;
        }
        live = o.live();
      }
      if (checksIn) {
        state =
            applied(
                state,
                TwinRules.checkOut(
                    state, ID_UNUSED, visitId, e.end(), null, e.end(), WINDOW, "maintainer"));
      }
      out.add(new Outcome(e.kind(), e.cause(), e.blind(), e.start(), e.end(), raised));
    }
    return out;
  }

  /** Where the rules name the elevator only in a refusal, which the replay turns into an error. */
  private static final String ID_UNUSED = "replayed";

  /** The maintainer's check-in at the car, through the twin's own rule. */
  private static Decision<TwinEvent> checkIn(TwinState state, String visitId, Instant at) {
    MaintainerOnSite visit =
        new MaintainerOnSite(
            visitId, "sim", "worker", "cert", MaintenanceVisit.Kind.ROUTINE, at, false);
    return TwinRules.checkIn(state, ID_UNUSED, visit, at, WINDOW, "maintainer");
  }

  private static TwinState applied(TwinState state, Decision<TwinEvent> d) {
    if (!(d instanceof Decision.Accept<TwinEvent> a)) {
      throw new IllegalStateException("refused: " + d);
    }
    for (TwinEvent ev : a.events()) {
      state = state.apply(ev);
    }
    return state;
  }

  private static boolean isAlarm(TwinEvent e) {
    return e instanceof TwinEvent.FaultRaised f
        && IntelligentAlarm.RECORDED_BY.equals(f.recordedBy());
  }

  /** The figures of one alarm setting over a city. */
  public static final class Summary {
    final IntelligentAlarm alarm;
    final long elevatorDays;
    int entrapments;
    int detected;
    final Map<Blind, Integer> missedBlind = new EnumMap<>(Blind.class);
    int missedVisible;
    final Map<SimEvent.Cause, int[]> byCause =
        new EnumMap<>(SimEvent.Cause.class); // {entrapments, detected}
    final List<Long> delaysS = new ArrayList<>();
    final Map<Kind, Integer> falseAlarms = new EnumMap<>(Kind.class);
    final Map<Kind, Integer> episodes = new EnumMap<>(Kind.class);

    Summary(IntelligentAlarm alarm, long elevatorDays) {
      this.alarm = alarm;
      this.elevatorDays = elevatorDays;
    }

    void add(Outcome o) {
      episodes.merge(o.kind(), 1, Integer::sum);
      if (o.kind() != Kind.ENTRAPMENT) {
        if (o.raisedAt() != null) {
          falseAlarms.merge(o.kind(), 1, Integer::sum);
        }
        return;
      }
      entrapments++;
      int[] cause = byCause.computeIfAbsent(o.cause(), k -> new int[2]);
      cause[0]++;
      if (o.raisedAt() != null) {
        detected++;
        cause[1]++;
        delaysS.add(Duration.between(o.start(), o.raisedAt()).toSeconds());
      } else if (o.blind() != Blind.NONE) {
        missedBlind.merge(o.blind(), 1, Integer::sum);
      } else {
        missedVisible++;
      }
    }

    public int entrapments() {
      return entrapments;
    }

    public int detected() {
      return detected;
    }

    public int missed() {
      return entrapments - detected;
    }

    public int falseAlarms() {
      return falseAlarms.values().stream().mapToInt(Integer::intValue).sum();
    }

    public double falseAlarmsPer1000ElevatorDays() {
      return 1000.0 * falseAlarms() / elevatorDays;
    }

    /**
     * The {@code q} quantile of detection delays in seconds (nearest rank); -1 when nothing was
     * detected.
     */
    public long delayQuantileS(double q) {
      if (delaysS.isEmpty()) {
        return -1;
      }
      List<Long> sorted = delaysS.stream().sorted().toList();
      int rank = Math.max(1, (int) Math.ceil(q * sorted.size()));
      return sorted.get(Math.min(sorted.size(), rank) - 1);
    }
  }

  /** Replays {@code c} with each of {@code alarms}; progress on stderr. */
  public static List<Summary> run(SimConfig c, Signals s, List<IntelligentAlarm> alarms) {
    List<Summary> out =
        alarms.stream().map(a -> new Summary(a, (long) c.elevators() * c.days())).toList();
    CitySimulator.forEachElevator(
        c.elevators(),
        i -> {
          List<Episode> episodes = TerminalEpisodes.of(c, CitySimulator.history(c, i), s, false);
          return alarms.stream().map(a -> replay(c, i, episodes, a)).toList();
        },
        perAlarm -> {
          for (int k = 0; k < alarms.size(); k++) {
            perAlarm.get(k).forEach(out.get(k)::add);
          }
        },
        CitySimulator.Progress.toStderr(c.name()));
    return out;
  }

  public static void main(String[] args) throws IOException {
    Map<String, String> o = Args.parse(args);
    int elevators = Integer.parseInt(o.getOrDefault("elevators", "20000"));
    int days = Integer.parseInt(o.getOrDefault("days", "365"));
    long seed = Long.parseLong(o.getOrDefault("seed", "1"));
    SimConfig c = SimConfig.defaults(seed, elevators, days);
    Signals s = Signals.DEFAULT;
    Duration quiet = IntelligentAlarm.DEFAULT.quietFor();
    List<IntelligentAlarm> alarms =
        List.of(
            IntelligentAlarm.DEFAULT,
            new IntelligentAlarm(Duration.ofMinutes(2), Duration.ZERO, quiet),
            new IntelligentAlarm(Duration.ofMinutes(1), Duration.ofSeconds(30), quiet),
            new IntelligentAlarm(Duration.ofMinutes(3), Duration.ofMinutes(2), quiet),
            new IntelligentAlarm(Duration.ofMinutes(5), Duration.ofMinutes(3), quiet));
    long t0 = System.nanoTime();
    List<Summary> results = run(c, s, alarms);
    String report = report(c, s, results, elevators, days, seed, (System.nanoTime() - t0) / 1e9);
    System.out.println(report);
    if (o.containsKey("report")) {
      Files.writeString(Path.of(o.get("report")), report);
    }
  }

  static String report(
      SimConfig c,
      Signals s,
      List<Summary> results,
      int elevators,
      int days,
      long seed,
      double seconds) {
    Summary d = results.get(0);
    StringBuilder b = new StringBuilder();
    b.append("# Intelligent alarm (智能报警): detection measured on the simulator\n\n");
    b.append(
        String.format(
            Locale.ROOT,
            "Produced by `scripts/validate-alarm.sh %d %d %d` (%,d elevators of the default city,"
                + " %d days, seed %d; %.0f s on this machine). Every still period of every"
                + " simulated elevator (the simulator's true entrapments and the situations that"
                + " look like one) is sent to a twin's rules reading by reading, as"
                + " `TerminalEpisodes` describes, and the twin's timer is fired when the alarm is"
                + " due between readings (`AlarmValidation`). The rule: %s.%n%n",
            elevators,
            days,
            seed,
            elevators,
            days,
            seed,
            seconds,
            describe(d.alarm)));
    b.append("## The shipped setting\n\n");
    b.append("| | value |\n| --- | --- |\n");
    b.append(String.format(Locale.ROOT, "| elevator-days | %,d |%n", d.elevatorDays));
    b.append(String.format(Locale.ROOT, "| true entrapments | %,d |%n", d.entrapments));
    b.append(
        String.format(
            Locale.ROOT,
            "| detected | %,d (%.1f %%) |%n",
            d.detected,
            pct(d.detected, d.entrapments)));
    b.append(
        String.format(
            Locale.ROOT,
            "| detection delay from the car getting stuck: median / 90th pct / max | "
                + "%d s / %d s / %d s |%n",
            d.delayQuantileS(0.5),
            d.delayQuantileS(0.9),
            d.delayQuantileS(1.0)));
    b.append(
        String.format(
            Locale.ROOT,
            "| missed: terminal offline (no battery in a power cut, or no connection) "
                + "| %,d |%n",
            d.missedBlind.getOrDefault(Blind.TERMINAL_OFFLINE, 0)));
    b.append(
        String.format(
            Locale.ROOT,
            "| missed: at a landing with the controller in normal service (nothing says "
                + "stuck) | %,d |%n",
            d.missedBlind.getOrDefault(Blind.LOOKS_IN_SERVICE, 0)));
    b.append(
        String.format(
            Locale.ROOT,
            "| missed although visible (released before the alarm was due, or no one "
                + "sensed for the minute) | %,d |%n",
            d.missedVisible));
    b.append(
        String.format(
            Locale.ROOT,
            "| false alarms | %,d: %.3f per 1,000 elevator-days |%n",
            d.falseAlarms(),
            d.falseAlarmsPer1000ElevatorDays()));
    for (Kind k : Kind.values()) {
      if (k != Kind.ENTRAPMENT) {
        b.append(
            String.format(
                Locale.ROOT,
                "| false alarms from %s | %,d |%n",
                k.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                d.falseAlarms.getOrDefault(k, 0)));
      }
    }
    d.falseAlarms.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .ifPresent(
            top ->
                b.append(
                    String.format(
                        Locale.ROOT,
                        "%nThe largest source of false alarms: %s, %,d of %,d. They scale with the"
                            + " assumption behind it (below); nothing in the terminal's signals"
                            + " tells that car from a trapped one.%n",
                        top.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                        top.getValue(),
                        d.falseAlarms())));
    b.append(checkInSensitivity(d, s));
    b.append("\nDetected by cause:\n\n| cause | entrapments | detected |\n| --- | --- | --- |\n");
    d.byCause.forEach(
        (cause, n) ->
            b.append(
                String.format(
                    Locale.ROOT,
                    "| %s | %,d | %,d (%.1f %%) |%n",
                    cause.name().toLowerCase(Locale.ROOT),
                    n[0],
                    n[1],
                    pct(n[1], n[0]))));
    b.append("\n## Other settings, same city and signals\n\n");
    b.append(
        "| stuck for | someone inside for | detected | median delay | 90th pct delay | false alarms"
            + " per 1,000 elevator-days |\n"
            + "| --- | --- | --- | --- | --- | --- |\n");
    for (Summary r : results) {
      b.append(
          String.format(
              Locale.ROOT,
              "| %d s | %d s | %.1f %% | %d s | %d s | %.3f |%n",
              r.alarm.stuckFor().toSeconds(),
              r.alarm.presentFor().toSeconds(),
              pct(r.detected, r.entrapments),
              r.delayQuantileS(0.5),
              r.delayQuantileS(0.9),
              r.falseAlarmsPer1000ElevatorDays()));
    }
    b.append(
        String.format(
            Locale.ROOT,
            "%n## Assumptions of the signal model (`TerminalEpisodes.Signals`)%n%nNone of these has"
                + " a published source; they are what the figures above depend on. Heartbeat %d s;"
                + " passenger sensor sees trapped passengers in %.0f %% of readings and reads"
                + " present in an empty car in %.1f %%; trapped passengers press the alarm button"
                + " at %.0f %% of readings; terminals without a backup battery in a power cut %.0f"
                + " %%, offline otherwise %.0f %%; an entrapment at a landing puts the controller"
                + " out of service in %.0f %%; an equipment entrapment between floors reports out"
                + " of service in %.0f %%; %.0f %% of office, mall and school elevators (3 %% of"
                + " the others) are parked out of service every night 22:00-07:00; %.0f %% of"
                + " maintenance visits have the maintainer in the car out of service with the doors"
                + " shut for 10-40 min, and %.0f %% of those maintainers checked in at the car"
                + " first; a power cut stops %.0f %% of the empty cars between floors"
                + " until the power is back (median 60 min). Rescue: the simulator's arrival times"
                + " (mean %.1f min) plus an exponential %.1f min on site.%n",
            s.heartbeat().toSeconds(),
            100 * s.passengerSensed(),
            100 * s.sensorGlitch(),
            100 * s.alarmPressed(),
            100 * s.offlineInPowerCut(),
            100 * s.offline(),
            100 * s.stuckOutOfServiceAtLanding(),
            100 * s.outOfServiceBetweenFloors(),
            100 * s.parkingShare(),
            100 * s.maintainerInCar(),
            100 * s.checkedIn(),
            100 * s.idleStopInPowerCut(),
            c.meanRescueArrivalMin(),
            c.meanOnSiteRescueMin()));
    return b.toString();
  }

  /**
   * How the false alarms move with the share of maintainers who do not check in before working in
   * the car: the alarms per visit not checked in, as measured, times the visits with a maintainer
   * in the car, plus every other false alarm.
   */
  private static String checkInSensitivity(Summary d, Signals s) {
    int notIn = d.episodes.getOrDefault(Kind.MAINTAINER_NOT_CHECKED_IN, 0);
    int in = d.episodes.getOrDefault(Kind.MAINTAINER_IN_CAR, 0);
    int alarmsNotIn = d.falseAlarms.getOrDefault(Kind.MAINTAINER_NOT_CHECKED_IN, 0);
    int alarmsIn = d.falseAlarms.getOrDefault(Kind.MAINTAINER_IN_CAR, 0);
    if (notIn == 0) {
      return "";
    }
    double perVisit = (double) alarmsNotIn / notIn;
    int others = d.falseAlarms() - alarmsNotIn - alarmsIn;
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "%nA maintainer checked in at the car holds the alarm until the check-out"
                + " (`MaintainerOnSite`, at most %d h). Of %,d visits with the maintainer in the"
                + " car, %,d checked in first (%.0f %% assumed) and raised %,d false alarms; the"
                + " %,d that did not raised %,d (%.3f per visit). The false alarms if a share of"
                + " them did not check in (that rate times the visits, plus the %,d from other"
                + " sources):%n%n| not checked in | false alarms per 1,000 elevator-days |%n"
                + "| --- | --- |%n",
            MaintainerOnSite.HOLDS_ALARM_AT_MOST.toHours(),
            in + notIn,
            in,
            100 * s.checkedIn(),
            alarmsIn,
            notIn,
            alarmsNotIn,
            perVisit,
            others));
    for (double share : new double[] {0, 0.05, 0.1, 0.2, 1}) {
      double alarms = others + perVisit * (in + notIn) * share;
      b.append(
          String.format(
              Locale.ROOT, "| %.0f %% | %.3f |%n", 100 * share, 1000.0 * alarms / d.elevatorDays));
    }
    return b.toString();
  }

  private static String describe(IntelligentAlarm a) {
    return String.format(
        Locale.ROOT,
        "car stuck (stopped, doors shut, out of normal service or outside a door zone; not in"
            + " inspection or fire service) for %d s, with someone sensed (or the alarm button"
            + " pressed) in every reading for %d s; a silent terminal's alarm raised %d s after it"
            + " is due",
        a.stuckFor().toSeconds(),
        a.presentFor().toSeconds(),
        a.quietFor().toSeconds());
  }

  private static double pct(int n, int of) {
    return of == 0 ? 0 : 100.0 * n / of;
  }
}
