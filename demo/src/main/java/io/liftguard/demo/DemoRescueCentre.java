package io.liftguard.demo;

import io.liftguard.kernel.timer.Rounds;
import io.liftguard.rescue.RescueDesk;
import io.liftguard.rescue.RescueReader;
import io.liftguard.rescue.domain.RescueStep;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.Behavior;

/**
 * The demo city's 96333 centre: works every open case through its steps in real time, at Jiangsu's
 * pace (DOMAIN.md: arrival in 12 min on average, 4.8 min to release), with one case in twenty
 * arriving late (35-44 min), so the regulator's KPIs and the cases' clocks have something to show.
 * Each step is recorded with the time it is planned for, once the clock has passed it; the plan of
 * a case follows from its id, so a restart goes on with the same one.
 */
public final class DemoRescueCentre {
  static final String PRINCIPAL = "demo-rescue-centre";
  private static final Duration TICK = Duration.ofSeconds(10);
  private static final int PAGE = 200;

  private DemoRescueCentre() {}

  /** When each step of a case happens, from its alarm. */
  record Plan(
      Duration acknowledge, Duration dispatch, Duration arrive, Duration release, Duration close) {
    static Plan of(String caseId) {
      int h = Math.floorMod(caseId.hashCode(), 1_000_003);
      boolean late = h % 20 == 0;
      Duration arrive =
          Duration.ofMinutes(late ? 35 + h % 10 : 6 + h % 13); // 6-18 min: 12 on average
      return new Plan(
          Duration.ofSeconds(20 + h % 60),
          Duration.ofSeconds(90 + h % 60),
          arrive,
          arrive.plusMinutes(5),
          arrive.plusMinutes(6));
    }

    Duration of(RescueStep step) {
      return switch (step) {
        case ACKNOWLEDGED -> acknowledge;
        case DISPATCHED -> dispatch;
        case ARRIVED -> arrive;
        case RELEASED -> release;
        case CLOSED -> close;
        case ALARM -> Duration.ZERO;
      };
    }
  }

  /** The step of {@code c} due by {@code now} and when it happened, if one is. */
  static Optional<Due> due(RescueReader.CaseRow c, Instant now) {
    RescueStep current = RescueStep.valueOf(c.step());
    if (current == RescueStep.CLOSED) {
      return Optional.empty();
    }
    RescueStep next = RescueStep.values()[current.ordinal() + 1];
    Instant at = c.alarmAt().plus(Plan.of(c.caseId()).of(next));
    return at.isAfter(now) ? Optional.empty() : Optional.of(new Due(next, at));
  }

  record Due(RescueStep step, Instant at) {}

  public static Behavior<Rounds.Message> create(RescueDesk desk, Clock clock) {
    return Rounds.every("demo rescue centre", TICK, TICK, () -> round(desk, clock, null));
  }

  /**
   * One step for every open case that has one due, a page at a time (a case takes its next step
   * next round).
   */
  private static CompletionStage<Void> round(RescueDesk desk, Clock clock, String after) {
    return desk.reader()
        .openCases(null, after, PAGE)
        .thenCompose(
            page -> {
              CompletionStage<?> chain = CompletableFuture.completedFuture(null);
              for (RescueReader.CaseRow c : page.items()) {
                Optional<Due> due = due(c, clock.instant());
                if (due.isPresent()) {
                  chain =
                      chain.thenCompose(
                          v ->
                              desk.record(
                                      c.caseId(),
                                      due.get().step(),
                                      due.get().at(),
                                      "demo",
                                      PRINCIPAL)
                                  .handle(
                                      (s, failure) ->
                                          null)); // a step taken already (the read model lags) is
                  // refused: fine
                }
              }
              return page.next() == null
                  ? chain.thenApply(v -> null)
                  : chain.thenCompose(v -> round(desk, clock, page.next()));
            });
  }
}
