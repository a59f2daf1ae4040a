package io.liftguard.faulttests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Kill -9 under load: concurrent gateways report events, the platform process is killed with
 * SIGKILL mid-run and started again on the same data, and the journal read back over the API is
 * compared with every answer the gateways got. Then the gateways retry what got no answer, as real
 * ones do, and every event sent must be in the journal exactly once. And a graceful stop (SIGTERM):
 * every reading the twins held in memory is in the journal after it, with no error in the log.
 * Subclasses bind it to a store.
 */
abstract class CrashContract {
  private final FaultSettings settings = FaultSettings.fromSystemProperties();

  abstract String store();

  abstract Map<String, String> storeEnv();

  void cleanUp() {}

  @AfterEach
  void dropData() {
    cleanUp();
  }

  @Test
  void aGracefulStopPersistsEveryReadingTheTwinsHeldWithNoErrorInTheLog() throws Exception {
    Path work = PlatformProcess.workDir("stop-" + store() + "-" + System.currentTimeMillis());
    int n =
        300; // far fewer than the journal writes within the shard hand-off time-out (README: 10 s)
    try (PlatformProcess platform = PlatformProcess.start("platform", storeEnv(), work)) {
      Api api = new Api(platform.base(), platform.mintToken("admin", "stop-checker"));
      List<String> elevators = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        elevators.add("STOP-%04d".formatted(i));
      }
      api.register(elevators, "Jiangjin");
      // Two routine readings each, a second apart: coalesced in memory, none persisted when
      // answered.
      Instant first = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      int coalesced = 0;
      for (int k = 0; k < 2; k++) {
        List<String> batch = new ArrayList<>();
        for (String id : elevators) {
          batch.add(
              """
              {"elevatorId":"%s","timestamp":"%s","floor":%d,"direction":"UP","speedMps":1.5,"doorState":"CLOSED",
               "runningMode":"NORMAL","safetyCircuitClosed":true,"doorLockCircuitClosed":true}\
              """
                  .formatted(id, first.plusSeconds(k), 3 + k));
        }
        Api.Answer a = api.post("/api/v1/telemetry", "[" + String.join(",", batch) + "]");
        assertEquals(202, a.status(), a.toString());
        coalesced += a.body().get("elevatorsCoalesced").asInt();
      }
      assertTrue(
          coalesced > n,
          "the readings were held, not persisted at once: " + coalesced + " coalesced");

      platform.stop(Duration.ofSeconds(60));
      List<String> problems =
          platform.lastLog().stream()
              .filter(
                  l ->
                      l.contains(" ERROR ")
                          || l.contains("Exception")
                          || l.contains("already closed"))
              .limit(5)
              .toList();
      assertEquals(List.of(), problems, "the graceful stop's log");

      platform.launch();
      platform.awaitHealthy(Duration.ofSeconds(120));
      Api after = api.at(platform.base());
      List<String> missing = new ArrayList<>();
      for (String id : elevators) {
        JsonNode last = null;
        for (JsonNode e : after.history(id)) {
          if ("LiveStateRecorded".equals(e.get("type").asText())) {
            last = e.get("live");
          }
        }
        if (last == null
            || !Instant.parse(last.get("timestamp").asText()).equals(first.plusSeconds(1))
            || last.get("floor").asInt() != 4) {
          missing.add(id + ": " + last);
        }
      }
      FaultSettings.report(
          "graceful stop (%s, %d twins holding readings): %d without their last reading in the journal"
              .formatted(store(), n, missing.size()));
      assertEquals(List.of(), missing, "held readings missing from the journal after SIGTERM");
    }
  }

  @Test
  void noAcknowledgedEventIsLostOrDoubledWhenThePlatformIsKilledUnderLoad() throws Exception {
    Path work = PlatformProcess.workDir("crash-" + store() + "-" + System.currentTimeMillis());
    try (PlatformProcess platform = PlatformProcess.start("platform", storeEnv(), work)) {
      Api api = new Api(platform.base(), platform.mintToken("admin", "fault-checker"));
      List<String> elevators = new ArrayList<>();
      for (int i = 0; i < settings.elevators(); i++) {
        elevators.add("CRASH-%04d".formatted(i));
      }
      api.register(elevators, "Jiangjin");

      EventLoad load = new EventLoad(api, elevators, settings.clients(), "crash");
      load.start();
      Thread.sleep(settings.loadSeconds() * 1000L);
      platform.kill9();
      Ledger ledger = new Ledger(load.stop());

      platform.launch();
      Duration toHealthy = platform.awaitHealthy(Duration.ofSeconds(120));
      Api after = api.at(platform.base());
      Ledger.Result afterKill = ledger.check(Ledger.journal(after, ledger.elevators()));
      FaultSettings.report(
          "crash (%s, kill -9 after %d s of load, %d clients, %d elevators): %s; restart to healthy %.1f s"
              .formatted(
                  store(),
                  settings.loadSeconds(),
                  settings.clients(),
                  settings.elevators(),
                  afterKill.summary(),
                  toHealthy.toMillis() / 1000.0));
      assertTrue(
          afterKill.acknowledged() > 100,
          "too little load to test anything: " + afterKill.summary());
      assertEquals(List.of(), afterKill.lost(), "acknowledged but missing from the journal");
      assertEquals(List.of(), afterKill.duplicated(), "in the journal more than once");
      assertEquals(List.of(), afterKill.phantom(), "in the journal but never sent");

      List<EventLoad.Outcome> retried = new ArrayList<>();
      for (EventLoad.Outcome o : ledger.unacknowledged()) {
        long sent = System.nanoTime();
        Api.Answer a = after.reportAlarm(o.elevatorId(), o.eventId());
        assertTrue(a.status() == 201 || a.status() == 200, "retry of " + o.eventId() + ": " + a);
        retried.add(new EventLoad.Outcome(o.elevatorId(), o.eventId(), sent, System.nanoTime(), a));
      }
      retried.forEach(ledger::record);
      Ledger.Result afterRetry = ledger.check(Ledger.journal(after, ledger.elevators()));
      FaultSettings.report(
          "crash (%s) after the gateways retried the %d unanswered: %s"
              .formatted(store(), retried.size(), afterRetry.summary()));
      assertTrue(afterRetry.clean(), afterRetry.summary());
      assertEquals(
          afterRetry.sent(), afterRetry.acknowledged(), "every event sent is now acknowledged");
    }
  }
}
