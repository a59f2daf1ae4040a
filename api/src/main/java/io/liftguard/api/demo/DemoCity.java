package io.liftguard.api.demo;

import com.typesafe.config.Config;
import io.liftguard.sim.CityGenerator;
import io.liftguard.twin.ElevatorFleet;
import io.liftguard.twin.RejectedException;
import io.liftguard.twin.domain.BrakeType;
import io.liftguard.twin.domain.BuildingType;
import io.liftguard.twin.domain.ConditionSignals;
import io.liftguard.twin.domain.Direction;
import io.liftguard.twin.domain.DoorState;
import io.liftguard.twin.domain.DriveType;
import io.liftguard.twin.domain.EventType;
import io.liftguard.twin.domain.Reading;
import io.liftguard.twin.domain.RegisterData;
import io.liftguard.twin.domain.ReportedEvent;
import io.liftguard.twin.domain.RunningMode;
import io.liftguard.twin.domain.TwinRules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletionException;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * A small demo city so a newcomer sees live twins at once: registers a few hundred elevators over Chongqing
 * districts and building types, then keeps sending plausible telemetry and the odd fault through the same
 * fleet the API uses. Deterministic for a seed. The city fleet simulator (a later issue) replaces it.
 */
public final class DemoCity {
  /** {@code liftguard.demo}: on/off (env LIFTGUARD_DEMO), size, tick and seed. */
  public record Settings(boolean enabled, int elevators, Duration interval, long seed) {
    public static Settings fromConfig(Config root) {
      Config c = root.getConfig("liftguard.demo");
      return new Settings(c.getBoolean("enabled"), c.getInt("elevators"), c.getDuration("interval"), c.getLong("seed"));
    }
  }

  private enum Tick { INSTANCE }

  /** The principal the demo's own writes are recorded under. */
  public static final String PRINCIPAL = "demo-city";

  private static final String[][] DISTRICTS = {
      {"YZ", "Yuzhong"}, {"JB", "Jiangbei"}, {"NA", "Nan'an"}, {"SPB", "Shapingba"}, {"JLP", "Jiulongpo"},
      {"YB", "Yubei"}, {"JJ", "Jiangjin"}};
  private static final String[] MAKERS = {"Otis", "Schindler", "KONE", "Mitsubishi", "Hitachi", "TK Elevator", "Canny"};
  public static final List<String> MAINTAINERS = List.of(
      "Yongan Lift Service", "Shancheng Elevator Maintenance", "Jialing Lift Care", "Chuanyu Elevator Works");
  public static final List<String> INSURERS = List.of("PICC Chongqing", "Ping An P&C", "CPIC Chongqing");
  private static final EventType[] DEMO_FAULTS = {
      EventType.DOOR_CLOSE_FAILURE, EventType.DOOR_OPEN_FAILURE, EventType.STOP_OUTSIDE_DOOR_ZONE,
      EventType.SAFETY_CIRCUIT_BREAK, EventType.ENTRAPMENT_AT_LANDING, EventType.PASSENGER_ALARM,
      EventType.ABNORMAL_VIBRATION};

  /** One simulated car between ticks. */
  static final class Car {
    final RegisterData register;
    int floor = 1;
    long trips;
    long doorCycles;
    double wear;
    EventType openFault;
    int faultTicksLeft;

    Car(RegisterData register, double wear) {
      this.register = register;
      this.wear = wear;
    }
  }

  private DemoCity() {}

  public static Behavior<Tick> create(ElevatorFleet fleet, Settings settings, Clock clock) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
      Random random = new Random(settings.seed());
      List<Car> cars = city(settings, random, TwinRules.today(clock.instant()));
      ctx.getLog().info("demo city: registering {} elevators in {} districts; telemetry every {}",
          cars.size(), DISTRICTS.length, settings.interval());
      for (Car car : cars) {
        fleet.register(car.register, PRINCIPAL).exceptionally(failure -> {
          Throwable cause = failure instanceof CompletionException c ? c.getCause() : failure;
          if (!(cause instanceof RejectedException)) { // a conflict means an earlier demo run registered it
            ctx.getLog().warn("demo city: registering {} failed: {}", car.register.registrationCode(), cause.toString());
          }
          return null;
        });
      }
      timers.startTimerWithFixedDelay(Tick.INSTANCE, settings.interval());
      return Behaviors.receive(Tick.class)
          .onMessage(Tick.class, t -> {
            Instant now = clock.instant();
            for (Car car : cars) {
              step(fleet, car, random, now);
            }
            return Behaviors.same();
          })
          .build();
    }));
  }

  /** The demo city's register for {@code settings} (deterministic for its seed). */
  public static List<RegisterData> register(Settings settings, LocalDate today) {
    return city(settings, new Random(settings.seed()), today).stream().map(c -> c.register).toList();
  }

  static List<Car> city(Settings settings, Random random, LocalDate today) {
    List<Car> cars = new ArrayList<>(settings.elevators());
    for (int i = 0; i < settings.elevators(); i++) {
      String[] district = DISTRICTS[i % DISTRICTS.length];
      BuildingType type = pick(random, BuildingType.values(), new double[] {55, 15, 8, 6, 6, 5, 5});
      int age = (int) Math.min(29, Math.floor(-Math.log(1 - random.nextDouble()) * 9));
      boolean threeNo = random.nextDouble() < 0.03;
      boolean hydraulic = random.nextDouble() < 0.04;
      String code = "CQ-" + district[0] + "-" + String.format("%06d", i + 1);
      RegisterData r = new RegisterData(
          code, district[1], null, (10 + random.nextInt(490)) + " " + district[1] + " Road, Chongqing", type,
          MAKERS[random.nextInt(MAKERS.length)], "M" + (100 + random.nextInt(900)),
          hydraulic ? DriveType.HYDRAULIC : DriveType.TRACTION,
          pick(random, BrakeType.values(), new double[] {18, 52, 27, 3}),
          type == BuildingType.HOSPITAL ? 1600 : 800 + 100 * random.nextInt(6),
          hydraulic ? 0.5 : new double[] {1.0, 1.5, 1.75, 2.5}[random.nextInt(4)],
          hydraulic ? 2 + random.nextInt(4) : 6 + random.nextInt(30),
          today.minusYears(age).minusDays(random.nextInt(365)),
          "Property unit " + (1 + i / 5),
          threeNo ? null : MAINTAINERS.get(random.nextInt(MAINTAINERS.size())),
          INSURERS.get(random.nextInt(INSURERS.size())),
          !threeNo, !threeNo, !threeNo && random.nextDouble() < 0.8,
          today.plusDays(random.nextInt(365) - 20),
          today.minusDays(random.nextInt(20)));
      cars.add(new Car(r, Math.min(1.0, age / 30.0 + random.nextDouble() * 0.2)));
    }
    return cars;
  }

  private static void step(ElevatorFleet fleet, Car car, Random random, Instant now) {
    String id = car.register.registrationCode();
    int top = car.register.floorsServed();
    int target = 1 + random.nextInt(top);
    boolean moving = random.nextDouble() < 0.4;
    Direction dir = !moving || target == car.floor ? Direction.STOPPED : target > car.floor ? Direction.UP : Direction.DOWN;
    if (moving) {
      car.floor = target;
      car.trips++;
      car.doorCycles++;
    }
    car.wear = Math.min(1.0, car.wear + 0.00001);
    double w = car.wear;
    ConditionSignals signals = new ConditionSignals(
        round(0.08 + 0.25 * w + Math.abs(random.nextGaussian()) * 0.03),
        round(2.8 + 1.5 * w + random.nextGaussian() * 0.15),
        Math.round(random.nextGaussian() * (2 + 8 * w) * 100) / 100.0,
        round(1.8 + 0.6 * w + random.nextGaussian() * 0.05),
        round(35 + 25 * w + random.nextGaussian() * 2),
        moving ? round(5 + random.nextDouble() * 20) : 0.0);
    Reading r = new Reading(id, now, car.floor, dir, dir == Direction.STOPPED ? 0.0 : car.register.ratedSpeedMps(),
        dir == Direction.STOPPED ? DoorState.OPEN : DoorState.CLOSED,
        moving ? (double) random.nextInt(car.register.ratedLoadKg() / 2) : 0.0,
        car.openFault == EventType.SAFETY_CIRCUIT_BREAK ? RunningMode.OUT_OF_SERVICE : RunningMode.NORMAL,
        car.openFault != EventType.SAFETY_CIRCUIT_BREAK, true,
        car.openFault == EventType.PASSENGER_ALARM || car.openFault == EventType.ENTRAPMENT_AT_LANDING,
        moving, car.trips, car.doorCycles, signals);
    fleet.recordReadings(id, List.of(r), PRINCIPAL);
    if (car.openFault != null && --car.faultTicksLeft <= 0) {
      fleet.reportEvent(id, new ReportedEvent(null, car.openFault, ReportedEvent.Phase.CLEARED, now, "demo: cleared"), PRINCIPAL);
      car.openFault = null;
    } else if (car.openFault == null && random.nextDouble() < 0.0004 * (1 + 4 * w)) {
      car.openFault = DEMO_FAULTS[random.nextInt(DEMO_FAULTS.length)];
      car.faultTicksLeft = 2 + random.nextInt(20);
      fleet.reportEvent(id, new ReportedEvent(null, car.openFault, ReportedEvent.Phase.RAISED, now, "demo fault"), PRINCIPAL);
    }
  }

  private static double round(double v) {
    return Math.max(0, Math.round(v * 100) / 100.0);
  }

  private static <T> T pick(Random random, T[] values, double[] weights) {
    return values[CityGenerator.pick(random, weights)];
  }

}
