package io.liftguard.api.imports;

import io.liftguard.kernel.entity.RejectedException;
import io.liftguard.twin.domain.RegisterData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.javadsl.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Register imports too large for one request run as jobs on this node: each row registered by its
 * twin (persisted before it counts as done), {@link #PARALLELISM} at a time, progress readable
 * while it runs. A job is not all-or-nothing: a row its twin refuses (registered already with other
 * data, the store down) is counted failed with the reason and the others go on; running the same
 * import again registers what is missing and changes nothing else (a registered row answers
 * "unchanged"). Job progress lives in this node's memory: after a restart, re-run the import.
 */
public final class ImportJobs {
  /** Rows registered at once: enough to keep the journal's write batches full. */
  public static final int PARALLELISM = 256;

  /** Failures kept with their reasons (the count is exact). */
  static final int MAX_FAILURES_LISTED = 100;

  /** Finished jobs are forgotten after this long. */
  static final Duration KEEP = Duration.ofHours(24);

  private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

  private final ActorSystem<?> system;
  private final Clock clock;
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();

  public ImportJobs(ActorSystem<?> system, Clock clock) {
    this.system = system;
    this.clock = clock;
  }

  /** A job's progress as the API answers it. */
  public record Progress(
      String jobId,
      String status,
      String by,
      int rows,
      int done,
      int created,
      int unchanged,
      int failed,
      List<String> failures,
      Instant startedAt,
      Instant finishedAt,
      Double elevatorsPerSecond) {}

  private static final class Job {
    final String id;
    final String by;
    final int rows;
    final Instant startedAt;
    final AtomicInteger created = new AtomicInteger();
    final AtomicInteger unchanged = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final List<String> failures = new ArrayList<>();
    volatile Instant finishedAt;

    Job(String id, String by, int rows, Instant startedAt) {
      this.id = id;
      this.by = by;
      this.rows = rows;
      this.startedAt = startedAt;
    }

    synchronized void fail(String why) {
      failed.incrementAndGet();
      if (failures.size() < MAX_FAILURES_LISTED) {
        failures.add(why);
      }
    }

    synchronized Progress progress(Instant now) {
      int done = created.get() + unchanged.get() + failed.get();
      Instant end = finishedAt == null ? now : finishedAt;
      double seconds = Duration.between(startedAt, end).toMillis() / 1000.0;
      return new Progress(
          id,
          finishedAt == null ? "RUNNING" : "DONE",
          by,
          rows,
          done,
          created.get(),
          unchanged.get(),
          failed.get(),
          List.copyOf(failures),
          startedAt,
          finishedAt,
          seconds <= 0 ? null : Math.round(done / seconds * 10) / 10.0);
    }
  }

  /**
   * Starts importing {@code rows} for {@code by} with {@code register}; answers the job's first
   * progress.
   */
  public Progress start(
      List<RegisterData> rows,
      String by,
      BiFunction<RegisterData, String, CompletionStage<String>> register) {
    forgetOld();
    Job job = new Job("import-" + UUID.randomUUID(), by, rows.size(), clock.instant());
    jobs.put(job.id, job);
    Source.from(rows)
        .mapAsyncUnordered(
            PARALLELISM,
            row ->
                register
                    .apply(row, by)
                    .handle(
                        (outcome, failure) -> {
                          if (failure != null) {
                            Throwable cause = RejectedException.cause(failure);
                            job.fail(
                                row.registrationCode()
                                    + ": "
                                    + (cause instanceof RejectedException r
                                        ? r.rejection().message()
                                        : String.valueOf(cause.getMessage())));
                          } else if ("created".equals(outcome)) {
                            job.created.incrementAndGet();
                          } else {
                            job.unchanged.incrementAndGet();
                          }
                          return outcome;
                        }))
        .run(system)
        .whenComplete(
            (done, failure) -> {
              job.finishedAt = clock.instant();
              log.info("register import {}: {}", job.id, job.progress(job.finishedAt));
            });
    log.info("register import {} started by {}: {} rows", job.id, by, rows.size());
    return job.progress(clock.instant());
  }

  /** The progress of job {@code id}, if this node runs or ran it. */
  public Optional<Progress> progress(String id) {
    Job job = jobs.get(id);
    return job == null ? Optional.empty() : Optional.of(job.progress(clock.instant()));
  }

  private void forgetOld() {
    Instant horizon = clock.instant().minus(KEEP);
    jobs.values().removeIf(j -> j.finishedAt != null && j.finishedAt.isBefore(horizon));
  }
}
