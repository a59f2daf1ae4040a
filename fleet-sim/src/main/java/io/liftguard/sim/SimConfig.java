package io.liftguard.sim;

import java.time.LocalDate;
import java.util.List;

/**
 * Every parameter of a simulated city, with where its value comes from. "Calibrated" values were
 * tuned by running the simulator until the default city matched the published figure named;
 * "assumption" values have no published source and are documented so they can be challenged.
 *
 * @param seed all randomness derives from it: same config, same city, same history
 * @param meanAgeYears mean elevator age at the start, ages exponential and capped at 30 years.
 *     Assumption: China's fleet roughly tripled 2010-2023 (10.6 M in 2023, DOMAIN.md), so most
 *     elevators are young; mean ~9 years
 * @param drumBrakeShare share of traction machines with drum brakes. Assumption (the national
 *     campaign publishes no share): 18 %
 * @param threeNoShare share of 三无 elevators (no property management, maintenance company or repair
 *     fund). Assumption: 3 %
 * @param companies maintenance companies and their quality; elevators are assigned uniformly
 * @param baseDailyFaultHazard daily fault probability of a new, well-maintained, average-use
 *     elevator. Calibrated earlier, when equipment was the only cause of entrapment, to a monthly
 *     entrapment rate of ~0.5 % (Jiangsu 96333 2020: 0.55 %); the fault rate it gives is kept
 * @param meanRescueDispatchMin mean minutes from alarm to a rescuer dispatched by the rescue
 *     centre. Assumption: 2 min (no published figure; the Jiangjin plan's response-rate KPI asks
 *     alarms to be answered within a window)
 * @param meanRescueArrivalMin mean minutes from alarm to rescuer on site. Jiangsu 96333 2020: 13.1
 *     min (the 2023 white paper: 12 min; kept at 13.1 so the validated rescue KPIs stay comparable)
 * @param meanOnSiteRescueMin mean minutes from arrival to release. Jiangsu 96333 2020 and 2023: 4.8
 *     min
 * @param falseReportsPerYear fault reports with no real fault, per elevator-year of a fraudulent
 *     company's elevators (无故障报故障; injected integrity case, assumption)
 * @param bypassShare share of elevators whose safety circuit is bypassed (短接安全回路; injected,
 *     assumption)
 * @param causes why passengers are trapped besides equipment faults: misuse and external causes
 *     (see {@link EntrapmentCauses})
 * @param terminals the IoT terminals: which elevators have one, how well it reports (see {@link
 *     Terminals})
 */
public record SimConfig(
    String name,
    long seed,
    int elevators,
    int days,
    LocalDate start,
    double meanAgeYears,
    double drumBrakeShare,
    double threeNoShare,
    List<Company> companies,
    double baseDailyFaultHazard,
    double meanRescueDispatchMin,
    double meanRescueArrivalMin,
    double meanOnSiteRescueMin,
    double falseReportsPerYear,
    double bypassShare,
    EntrapmentCauses causes,
    Terminals terminals,
    Upkeep upkeep) {

  /** A city maintained as the simulator always has been ({@link Upkeep#CALENDAR}). */
  public SimConfig(
      String name,
      long seed,
      int elevators,
      int days,
      LocalDate start,
      double meanAgeYears,
      double drumBrakeShare,
      double threeNoShare,
      List<Company> companies,
      double baseDailyFaultHazard,
      double meanRescueDispatchMin,
      double meanRescueArrivalMin,
      double meanOnSiteRescueMin,
      double falseReportsPerYear,
      double bypassShare,
      EntrapmentCauses causes,
      Terminals terminals) {
    this(
        name,
        seed,
        elevators,
        days,
        start,
        meanAgeYears,
        drumBrakeShare,
        threeNoShare,
        companies,
        baseDailyFaultHazard,
        meanRescueDispatchMin,
        meanRescueArrivalMin,
        meanOnSiteRescueMin,
        falseReportsPerYear,
        bypassShare,
        causes,
        terminals,
        Upkeep.CALENDAR);
  }

  /**
   * How visits are scheduled and what their absence does to an elevator.
   *
   * <p>{@link #CALENDAR} is the model every validation report was produced with: a visit every 15
   * days, and a fault hazard 4 % higher for each day past it, a calendar rule with no physical
   * state behind it (an assumption). The condition model ({@link #condition}) gives the elevator an
   * adjustment state instead: it drifts with use, {@code usage / 400 trips} a day (a reference
   * elevator drifts one unit a day), a real visit (not a skipped or faked one) sets it back to 0,
   * and the hazard rises by {@code slope} per unit beyond {@code tolerance}. At the defaults
   * (tolerance 15, slope 0.04) a reference elevator visited every 15 days never leaves the
   * tolerance, as under the calendar model, while a busy one does and a quiet one could wait: what
   * on-demand maintenance by condition rests on. Both constants are assumptions (no published
   * figure relates drift to trips), which the comparison varies. A visit's wear reset (the
   * company's {@code wearReset}) is the same in both models.
   *
   * @param policy when the company comes
   * @param condition the condition model (else the calendar one)
   */
  public record Upkeep(Policy policy, boolean condition, double tolerance, double slope) {
    public static final Upkeep CALENDAR = new Upkeep(new Fixed(15), false, 15, 0.04);

    /** The condition model with {@code policy} at the default tolerance and slope. */
    public static Upkeep condition(Policy policy) {
      return new Upkeep(policy, true, 15, 0.04);
    }

    public Upkeep with(double tolerance, double slope) {
      return new Upkeep(policy, condition, tolerance, slope);
    }

    /** When the company comes. */
    public sealed interface Policy {}

    /** Every {@code days} days (TSG T5002: 15). */
    public record Fixed(int days) implements Policy {}

    /**
     * On demand (按需维保) from what a platform sees of the elevator, at the latest {@code maxDays}
     * after the last visit: {@code faults} faults since it, a drift warning since it, or the trip
     * counter past the tolerance ({@code onUsage}).
     */
    public record OnDemand(int maxDays, int faults, boolean onDriftWarning, boolean onUsage)
        implements Policy {}

    public String describe() {
      String p =
          policy instanceof Fixed f
              ? "fixed " + f.days() + " d"
              : "on demand, max "
                  + ((OnDemand) policy).maxDays()
                  + " d"
                  + (((OnDemand) policy).onUsage() ? "" : ", no trip counter");
      return p + (condition ? "" : " (calendar model)");
    }
  }

  /** This city maintained by {@code u}. */
  public SimConfig withUpkeep(Upkeep u) {
    return new SimConfig(
        name,
        seed,
        elevators,
        days,
        start,
        meanAgeYears,
        drumBrakeShare,
        threeNoShare,
        companies,
        baseDailyFaultHazard,
        meanRescueDispatchMin,
        meanRescueArrivalMin,
        meanOnSiteRescueMin,
        falseReportsPerYear,
        bypassShare,
        causes,
        terminals,
        u);
  }

  /**
   * The IoT terminals (物联网终端). The platform sees an elevator's condition only through its terminal,
   * and real terminals are not the simulator's hidden wear: some elevators have none, a terminal
   * misses readings and goes dark for days (power, SIM card, a removed unit), and its sensors are
   * noisy and drift out of calibration. No published figure for any of these was found (the seeds
   * and DOMAIN.md name smart-elevator platforms and their terminals, not their coverage or online
   * rates): every value is an assumption, chosen to be pessimistic rather than kind.
   *
   * @param share elevators with a terminal. Assumption: 85 % (cities retrofit terminals by
   *     campaign; older and 三无 elevators lag)
   * @param noiseScale factor on each condition signal's measurement noise ({@link LiveElevator}:
   *     door close time ±0.15 s, vibration ±0.03 m/s², brake temperature ±2 °C at 1). Assumption: 2
   * @param doorDriftSdPerYear spread across terminals of the door close time sensor's drift,
   *     seconds a year (each terminal drifts one way at its own rate). Assumption: 0.15
   * @param vibrationDriftSdPerYear the vibration sensor's, m/s² a year. Assumption: 0.02
   * @param brakeTempDriftSdPerYear the brake temperature sensor's, °C a year. Assumption: 2
   * @param missingDayProbability a day's reading does not reach the platform. Assumption: 5 %
   * @param darkSpellsPerYear spells a terminal reports nothing at all, per terminal-year.
   *     Assumption: 1.5
   * @param meanDarkDays mean length of a dark spell (exponential), days. Assumption: 12
   */
  public record Terminals(
      double share,
      double noiseScale,
      double doorDriftSdPerYear,
      double vibrationDriftSdPerYear,
      double brakeTempDriftSdPerYear,
      double missingDayProbability,
      double darkSpellsPerYear,
      double meanDarkDays) {
    public static final Terminals DEFAULT =
        new Terminals(0.85, 2.0, 0.15, 0.02, 2.0, 0.05, 1.5, 12);

    /** Every elevator with a terminal that reads its true wear daily: the simulator before. */
    public static final Terminals PERFECT = new Terminals(1.0, 1.0, 0, 0, 0, 0, 0, 1);
  }

  /**
   * The causes of entrapment. Jiangsu's 2023 elevator safety white paper (96333 platform, ~945,000
   * elevators, January-October 2023: monthly entrapment rate 0.48 %, arrival in 12 min on average,
   * 4.8 min to release) attributes entrapment faults to misuse 52.7 % (garbage and renovation
   * debris blocking doors about half of it, forced loading deforming doors, overloading, holding
   * doors), equipment 26.7 % and sudden external causes 20.6 % (power cuts and the like). The
   * default values were calibrated by running the default city until its mix matched those shares
   * within a few points and its monthly rate stayed near 0.5 % (CitySimulatorTest checks both).
   *
   * @param equipmentTrapScale scales the chance that an equipment fault traps the passengers
   *     (calibrated)
   * @param misuseDailyRate daily chance of a misuse entrapment for an average-use residential
   *     elevator not under renovation (calibrated); other building types by {@code ElevatorLife}'s
   *     factors (calibrated to the residential share of 96333 bulletins, docs/simulator.md)
   * @param renovationsPerYear renovation works starting in an elevator's building per year
   *     (residential; others less; buildings under 3 years old four times as many: residents moving
   *     in). Assumption
   * @param renovationMisuseFactor misuse is this many times likelier during works (debris, forced
   *     loading). Assumption
   * @param powerCutsPerDistrictMonth grid power cuts per district per month, each hitting every
   *     elevator of the district at once. Assumption
   * @param powerCutTrapProbability chance that a power cut traps passengers in one average-use
   *     elevator at its building's mean traffic of the day (in use at that moment, no working
   *     automatic rescue device; scaled by the hour's traffic, {@code HourlyTraffic}): calibrated
   */
  public record EntrapmentCauses(
      double equipmentTrapScale,
      double misuseDailyRate,
      double renovationsPerYear,
      double renovationMisuseFactor,
      double powerCutsPerDistrictMonth,
      double powerCutTrapProbability) {
    public static final EntrapmentCauses DEFAULT =
        new EntrapmentCauses(0.27, 0.0000960, 1.0, 5.0, 0.5, 0.00145);
  }

  /**
   * A maintenance company. TSG T5002 asks for a visit every 15 days.
   *
   * @param skipProbability a due visit does not happen (overdue maintenance)
   * @param fakeProbability a due visit is recorded but not done (以修代保, paper maintenance; injected)
   * @param wearReset share of door and brake wear a real visit removes (quality of the work)
   * @param fraudulent the company files false fault reports (无故障报故障) to earn repair fees
   */
  public record Company(
      String name,
      double skipProbability,
      double fakeProbability,
      double wearReset,
      boolean fraudulent) {}

  /** Four companies from good to poor; one of them files false reports. Assumption. */
  public static final List<Company> DEFAULT_COMPANIES =
      List.of(
          new Company("Yongan Lift Service", 0.02, 0.01, 0.35, false),
          new Company("Shancheng Elevator Maintenance", 0.05, 0.03, 0.30, false),
          new Company("Jialing Lift Care", 0.10, 0.08, 0.20, false),
          new Company("Chuanyu Elevator Works", 0.20, 0.15, 0.12, true));

  /** A city whose companies are mostly poor: the "poorer maintenance" validation configuration. */
  public static final List<Company> POOR_COMPANIES =
      List.of(
          new Company("Shancheng Elevator Maintenance", 0.10, 0.08, 0.20, false),
          new Company("Jialing Lift Care", 0.20, 0.15, 0.12, true),
          new Company("Chuanyu Elevator Works", 0.30, 0.20, 0.08, true),
          new Company("Budget Lift Co", 0.35, 0.25, 0.06, true));

  public static SimConfig defaults(long seed, int elevators, int days) {
    return new SimConfig(
        "default",
        seed,
        elevators,
        days,
        LocalDate.of(2026, 1, 1),
        9.0,
        0.18,
        0.03,
        DEFAULT_COMPANIES,
        0.000192,
        2.0,
        13.1,
        4.8,
        0.5,
        0.002,
        EntrapmentCauses.DEFAULT,
        Terminals.DEFAULT);
  }

  /** This city with other terminals. */
  public SimConfig withTerminals(Terminals t) {
    return new SimConfig(
        name,
        seed,
        elevators,
        days,
        start,
        meanAgeYears,
        drumBrakeShare,
        threeNoShare,
        companies,
        baseDailyFaultHazard,
        meanRescueDispatchMin,
        meanRescueArrivalMin,
        meanOnSiteRescueMin,
        falseReportsPerYear,
        bypassShare,
        causes,
        t,
        upkeep);
  }

  /** The "older fleet" validation configuration: mean age 18 years. */
  public static SimConfig olderFleet(long seed, int elevators, int days) {
    SimConfig d = defaults(seed, elevators, days);
    return new SimConfig(
        "older-fleet",
        seed,
        elevators,
        days,
        d.start(),
        18.0,
        0.35,
        d.threeNoShare(),
        d.companies(),
        d.baseDailyFaultHazard(),
        d.meanRescueDispatchMin(),
        d.meanRescueArrivalMin(),
        d.meanOnSiteRescueMin(),
        d.falseReportsPerYear(),
        d.bypassShare(),
        d.causes(),
        d.terminals());
  }

  /** The "poorer maintenance" validation configuration. */
  public static SimConfig poorMaintenance(long seed, int elevators, int days) {
    SimConfig d = defaults(seed, elevators, days);
    return new SimConfig(
        "poor-maintenance",
        seed,
        elevators,
        days,
        d.start(),
        d.meanAgeYears(),
        d.drumBrakeShare(),
        d.threeNoShare(),
        POOR_COMPANIES,
        d.baseDailyFaultHazard(),
        d.meanRescueDispatchMin(),
        d.meanRescueArrivalMin(),
        d.meanOnSiteRescueMin(),
        d.falseReportsPerYear(),
        d.bypassShare(),
        d.causes(),
        d.terminals());
  }
}
