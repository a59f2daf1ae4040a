package io.liftguard.faulttests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A Cassandra outage under load: the platform runs on a Cassandra node of its own, gateways report
 * events, and the node is taken down (how, and for how long, is the subclass's) and started again.
 * While it is down, writes must be answered 503 with a JSON error and {@code Retry-After} and never
 * 2xx, twins in memory must keep answering reads (saying persistence is unavailable) and {@code
 * /health} must say the store is down; nothing acknowledged may be lost; and within 5 s of the node
 * answering CQL again every elevator must take writes and {@code /health} must be 200.
 */
abstract class CassandraOutageContract {
  private static final long RECOVERY_GOAL_NANOS = 5_000_000_000L;

  /**
   * Time the platform's probe may take to notice the store went down, before its answers must say
   * so.
   */
  private static final long NOTICE_NANOS = 2_000_000_000L;

  final FaultSettings settings = FaultSettings.fromSystemProperties();

  /** Takes the node down; returns how, for the report. */
  abstract String takeDown(CassandraNode node) throws Exception;

  abstract int outageSeconds();

  /** A read of a twin or of /health, as the rescue centre's screen would poll it. */
  record Read(long atNanos, String what, Api.Answer answer) {}

  @Test
  void writesAre503DuringAnOutageNothingAcknowledgedIsLostAndServiceIsBackWithin5sOfTheNode()
      throws Exception {
    Path work = PlatformProcess.workDir("outage-" + System.currentTimeMillis());
    try (CassandraNode node = CassandraNode.startDedicated(work.resolve("cassandra"));
        PlatformProcess platform =
            PlatformProcess.start(
                "platform",
                Map.of(
                    "LIFTGUARD_STORE", "cassandra",
                    "LIFTGUARD_CASSANDRA_CONTACT_POINTS", node.contactPoint(),
                    "LIFTGUARD_CASSANDRA_KEYSPACE", "lg_outage"),
                work)) {
      Api api = new Api(platform.base(), platform.mintToken("admin", "fault-checker"));
      List<String> written = new ArrayList<>();
      List<String> readOnly = new ArrayList<>();
      for (int i = 0; i < settings.elevators(); i++) {
        written.add("OUT-W-%04d".formatted(i));
      }
      for (int i = 0; i < 10; i++) {
        readOnly.add("OUT-R-%04d".formatted(i));
      }
      List<String> all = new ArrayList<>(written);
      all.addAll(readOnly);
      api.register(all, "Jiangjin");
      for (String id : readOnly) { // in memory before the outage
        assertEquals(200, api.get("/api/v1/elevators/" + id).status());
      }

      EventLoad load = new EventLoad(api, written, settings.clients(), "outage");
      ConcurrentLinkedQueue<Read> reads = new ConcurrentLinkedQueue<>();
      AtomicBoolean reading = new AtomicBoolean(true);
      Thread reader =
          new Thread(
              () -> {
                int n = 0;
                while (reading.get()) {
                  String id = readOnly.get(n++ % readOnly.size());
                  reads.add(
                      new Read(System.nanoTime(), "twin", api.get("/api/v1/elevators/" + id)));
                  reads.add(new Read(System.nanoTime(), "health", api.get("/health")));
                  sleep(100);
                }
              },
              "reader");
      load.start();
      reader.start();
      Thread.sleep(settings.loadSeconds() * 1000L);

      long stopping = System.nanoTime();
      String how = takeDown(node);
      long down = System.nanoTime();
      Thread.sleep(outageSeconds() * 1000L);
      node.start();
      long up = System.nanoTime(); // the node answers CQL again
      Thread.sleep(settings.afterSeconds() * 1000L);
      reading.set(false);
      reader.join();
      List<EventLoad.Outcome> outcomes =
          load.stop(); // one per request: every request has an eventId of its own
      Ledger ledger = new Ledger(outcomes);

      // 1. While the node was down, no write was acknowledged, and every refusal was a 503 with a
      // JSON error
      //    and Retry-After.
      int refusedDuring = 0;
      List<String> acknowledgedDuring = new ArrayList<>();
      List<String> badRefusals = new ArrayList<>();
      for (EventLoad.Outcome o : outcomes) {
        boolean duringOutage = o.sentNanos() >= down && o.answeredNanos() <= up;
        if (duringOutage && o.acknowledged()) {
          acknowledgedDuring.add(o.eventId());
        }
        if (!o.acknowledged()) {
          Api.Answer a = o.answer();
          boolean good =
              a.status() == 503
                  && a.body() != null
                  && a.body().has("error")
                  && a.body().has("message")
                  && a.retryAfter() != null
                  && Integer.parseInt(a.retryAfter()) >= 1;
          if (!good) {
            badRefusals.add(a.toString());
          }
          if (duringOutage) {
            refusedDuring++;
          }
        }
      }

      // 2. Twins in memory answered reads from memory, saying persistence is unavailable; /health
      // said the store
      //    was down.
      int twinReadsDuring = 0;
      List<String> badReads = new ArrayList<>();
      for (Read r : reads) {
        if (r.atNanos() < down + NOTICE_NANOS || r.atNanos() > up) {
          continue;
        }
        Api.Answer a = r.answer();
        if (r.what().equals("twin")) {
          twinReadsDuring++;
          if (a.status() != 200
              || !"UNAVAILABLE".equals(a.body().path("persistence").path("status").asText())) {
            badReads.add("twin: " + a);
          }
        } else if (a.status() != 503
            || !"STORE_UNAVAILABLE".equals(a.body().path("status").asText())) {
          badReads.add("health: " + a);
        }
      }

      // 3. Back within 5 s of the node: every elevator took a write, /health is 200, and nothing
      // sent after that
      //    was refused.
      Map<String, Long> firstAckAfterUp = new HashMap<>();
      long lastRefusal = up;
      for (EventLoad.Outcome o : outcomes) {
        if (o.acknowledged() && o.sentNanos() >= up) {
          firstAckAfterUp.merge(o.elevatorId(), o.answeredNanos(), Math::min);
        }
        if (!o.acknowledged() && o.answeredNanos() >= up) {
          lastRefusal = Math.max(lastRefusal, o.answeredNanos());
        }
      }
      // Where the recovery's time goes: the slowest write acknowledged after the node was back, and
      // how many took over a second (a twin recovering from the store, or a cold node).
      long slowestAck = 0;
      int slowAcks = 0;
      for (EventLoad.Outcome o : outcomes) {
        if (o.acknowledged() && o.sentNanos() >= up) {
          long took = o.answeredNanos() - o.sentNanos();
          slowestAck = Math.max(slowestAck, took);
          slowAcks += took > 1_000_000_000L ? 1 : 0;
        }
      }
      long allWritable =
          firstAckAfterUp.size() < written.size()
              ? Long.MAX_VALUE
              : firstAckAfterUp.values().stream().mapToLong(Long::longValue).max().orElseThrow();
      long healthyAgain =
          reads.stream()
              .filter(
                  r -> r.what().equals("health") && r.atNanos() >= up && r.answer().status() == 200)
              .mapToLong(Read::atNanos)
              .min()
              .orElse(Long.MAX_VALUE);

      Ledger.Result journal = ledger.check(Ledger.journal(api, ledger.elevators()));
      FaultSettings.report(
          ("outage (cassandra, node %s in %.1f s after %d s of load, down %d s, %d clients, %d"
               + " elevators): %s; during the outage %,d writes refused (%d not 503 + JSON +"
               + " Retry-After), %d acknowledged, %d twin reads (%d not answered from memory or"
               + " /health not 503); after the node answered CQL: every elevator written again in"
               + " %s, /health 200 in %s, last refusal %s; slowest write acknowledged after it %s,"
               + " %d took over 1 s")
              .formatted(
                  how,
                  (down - stopping) / 1e9,
                  settings.loadSeconds(),
                  outageSeconds(),
                  settings.clients(),
                  settings.elevators(),
                  journal.summary(),
                  refusedDuring,
                  badRefusals.size(),
                  acknowledgedDuring.size(),
                  twinReadsDuring,
                  badReads.size(),
                  seconds(allWritable - up),
                  seconds(healthyAgain - up),
                  seconds(lastRefusal - up),
                  seconds(slowestAck),
                  slowAcks));

      assertTrue(refusedDuring > 0, "no write was tried during the outage");
      assertEquals(List.of(), acknowledgedDuring, "acknowledged while the store was down");
      assertEquals(
          List.of(),
          badRefusals.stream().limit(5).toList(),
          badRefusals.size() + " refusals not 503 + JSON + Retry-After");
      assertTrue(twinReadsDuring > 5, "too few reads during the outage: " + twinReadsDuring);
      assertEquals(
          List.of(),
          badReads.stream().limit(5).toList(),
          badReads.size() + " bad reads during the outage");
      assertEquals(List.of(), journal.lost(), "acknowledged but missing from the journal");
      assertEquals(List.of(), journal.duplicated(), "in the journal more than once");
      assertEquals(List.of(), journal.phantom(), "in the journal but never sent");
      assertTrue(
          allWritable - up <= RECOVERY_GOAL_NANOS,
          "every elevator writable again after " + seconds(allWritable - up));
      assertTrue(
          healthyAgain - up <= RECOVERY_GOAL_NANOS,
          "/health 200 again after " + seconds(healthyAgain - up));
      assertTrue(
          lastRefusal - up <= RECOVERY_GOAL_NANOS,
          "a write was refused " + seconds(lastRefusal - up) + " after the node");
    }
  }

  private static String seconds(long nanos) {
    return nanos > 3_600_000_000_000L ? "never" : "%.2f s".formatted(nanos / 1e9);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
