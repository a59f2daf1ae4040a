package io.liftguard.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The cold-restart load generator: reads every twin once ({@code GET /api/v1/elevators/{id}} for
 * ids {@code PREFIX-0000000..}) with {@code concurrency} requests in flight, and prints how many
 * answered in each second (the warm-up curve), the latency percentiles, and the time until the last
 * one answered. Any answer but 200 is counted as a failure and printed.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.liftguard.benchmarks.ReadEveryTwin BASE TOKEN PREFIX COUNT [CONCURRENCY]
 * </pre>
 */
public final class ReadEveryTwin {
  public static void main(String[] args) throws Exception {
    String base = args[0];
    String token = args[1];
    String prefix = args[2];
    int count = Integer.parseInt(args[3]);
    int concurrency = args.length > 4 ? Integer.parseInt(args[4]) : 64;
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    long[] latencyNanos = new long[count];
    AtomicIntegerArray perSecond = new AtomicIntegerArray(3600);
    AtomicInteger failures = new AtomicInteger();
    Semaphore inFlight = new Semaphore(concurrency);
    CountDownLatch done = new CountDownLatch(count);
    long t0 = System.nanoTime();
    for (int i = 0; i < count; i++) {
      inFlight.acquire();
      int n = i;
      long sent = System.nanoTime();
      String id = prefix + "-" + "%07d".formatted(n);
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(base + "/api/v1/elevators/" + id))
              .header("Authorization", "Bearer " + token)
              .timeout(Duration.ofSeconds(60))
              .build();
      client
          .sendAsync(request, HttpResponse.BodyHandlers.discarding())
          .whenComplete(
              (response, failure) -> {
                long now = System.nanoTime();
                latencyNanos[n] = now - sent;
                perSecond.incrementAndGet((int) Math.min(3599, (now - t0) / 1_000_000_000L));
                if (failure != null || response.statusCode() != 200) {
                  if (failures.incrementAndGet() <= 5) {
                    System.out.println(
                        "failed: "
                            + id
                            + ": "
                            + (failure != null ? failure : response.statusCode()));
                  }
                }
                inFlight.release();
                done.countDown();
              });
    }
    done.await();
    double seconds = (System.nanoTime() - t0) / 1e9;
    Arrays.sort(latencyNanos);
    System.out.println("second  answered");
    for (int s = 0; s < Math.min(3600, (int) Math.ceil(seconds)); s++) {
      System.out.printf("%6d  %d%n", s + 1, perSecond.get(s));
    }
    System.out.printf(
        "read %d twins in %.1f s (%.0f/s), %d failed; latency p50 %.1f ms, p90 %.1f ms, p99 %.1f"
            + " ms, max %.1f ms%n",
        count,
        seconds,
        count / seconds,
        failures.get(),
        pct(latencyNanos, 50),
        pct(latencyNanos, 90),
        pct(latencyNanos, 99),
        latencyNanos[count - 1] / 1e6);
    System.exit(failures.get() == 0 ? 0 : 1);
  }

  private static double pct(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)] / 1e6;
  }
}
