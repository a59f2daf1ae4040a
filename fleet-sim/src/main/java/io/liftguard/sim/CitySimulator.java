package io.liftguard.sim;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Fast-time simulation of a whole city: elevators are independent given the config, so they are
 * simulated in parallel chunks and handed to the sink in elevator order; the result is the same
 * whatever the thread count.
 */
public final class CitySimulator {
  private static final int CHUNK = 4096;

  /**
   * Progress after each chunk: elevators done so far, of how many, and nanoseconds since the start.
   */
  public interface Progress {
    void update(int done, int total, long elapsedNanos);

    /**
     * A line on stderr every 2 s and at the end: {@code what}, elevators done of all, the rate and
     * the time left. Long runs (simulations, validations) show it so their user sees how far they
     * are.
     */
    static Progress toStderr(String what) {
      long[] lastPrint = {Long.MIN_VALUE};
      return (done, total, nanos) -> {
        if (nanos - lastPrint[0] < 2_000_000_000L && done < total) {
          return;
        }
        lastPrint[0] = nanos;
        double seconds = nanos / 1e9;
        double perSecond = done / Math.max(seconds, 1e-9);
        String left =
            done < total
                ? String.format(
                    java.util.Locale.ROOT, ", about %.0f s left", (total - done) / perSecond)
                : "";
        System.err.printf(
            java.util.Locale.ROOT,
            "  %s: %,d / %,d elevators (%.0f %%), %.0f s, %,.0f elevators/s%s%n",
            what,
            done,
            total,
            100.0 * done / total,
            seconds,
            perSecond,
            left);
      };
    }
  }

  private CitySimulator() {}

  /** For each simulated day, the index of its calendar month (0 = the start's month). */
  public static int[] monthOfDay(SimConfig config) {
    int[] monthOfDay = new int[config.days()];
    LocalDate first = config.start().withDayOfMonth(1);
    for (int d = 0; d < config.days(); d++) {
      monthOfDay[d] =
          (int) ChronoUnit.MONTHS.between(first, config.start().plusDays(d).withDayOfMonth(1));
    }
    return monthOfDay;
  }

  /**
   * Whether simulated {@code day} ends a month (or the simulation), by {@link #monthOfDay}'s
   * months.
   */
  public static boolean endsMonth(int[] monthOfDay, int day) {
    return day == monthOfDay.length - 1 || monthOfDay[day + 1] != monthOfDay[day];
  }

  /** For each simulated day, its day of the week. */
  public static DayOfWeek[] dayOfWeek(SimConfig config) {
    DayOfWeek[] dayOfWeek = new DayOfWeek[config.days()];
    for (int d = 0; d < config.days(); d++) {
      dayOfWeek[d] = config.start().plusDays(d).getDayOfWeek();
    }
    return dayOfWeek;
  }

  public static SimStats run(SimConfig config, Consumer<ElevatorHistory> sink, Progress progress) {
    int[] monthOfDay = monthOfDay(config);
    int months = config.days() == 0 ? 0 : monthOfDay[config.days() - 1] + 1;
    SimStats stats = new SimStats(config.elevators(), months);
    forEachElevator(
        config.elevators(),
        i -> history(config, i),
        h -> {
          stats.add(h, config.days());
          sink.accept(h);
        },
        progress);
    return stats;
  }

  /** The simulated life of elevator {@code index} of the city. */
  public static ElevatorHistory history(SimConfig config, int index) {
    return new ElevatorLife(
            config, CityGenerator.elevator(config, index), monthOfDay(config), dayOfWeek(config))
        .run();
  }

  /**
   * {@code simulate} for elevators {@code 0..n-1}, in parallel chunks, each result handed to {@code
   * sink} in elevator order (for simulations of independent elevators: the result is the same
   * whatever the thread count).
   */
  public static <T> void forEachElevator(
      int n, IntFunction<T> simulate, Consumer<T> sink, Progress progress) {
    long t0 = System.nanoTime();
    for (int from = 0; from < n; from += CHUNK) {
      int to = Math.min(n, from + CHUNK);
      List<T> chunk = IntStream.range(from, to).parallel().mapToObj(simulate).toList();
      chunk.forEach(sink);
      progress.update(to, n, System.nanoTime() - t0);
    }
  }
}
