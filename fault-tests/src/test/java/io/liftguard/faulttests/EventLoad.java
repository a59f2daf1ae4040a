package io.liftguard.faulttests;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Concurrent gateways reporting passenger alarms, each with a unique {@code eventId}, to a set of
 * elevators, and the outcome of every request as the client saw it. After a 503 a client pauses
 * {@code PAUSE_AFTER_503_MS} (a short stand-in for honouring {@code Retry-After} that keeps the
 * recovery measurable to a tenth of a second).
 */
final class EventLoad {
  static final long PAUSE_AFTER_503_MS = 100;

  /** One request: when it was sent and answered (System.nanoTime), and the answer. */
  record Outcome(
      String elevatorId, String eventId, long sentNanos, long answeredNanos, Api.Answer answer) {
    boolean acknowledged() {
      return answer.ok();
    }
  }

  private final Api api;
  private final List<String> elevators;
  private final int clients;
  private final String prefix;
  private final AtomicBoolean running = new AtomicBoolean();
  private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
  private final List<Thread> threads = new ArrayList<>();

  EventLoad(Api api, List<String> elevators, int clients, String prefix) {
    this.api = api;
    this.elevators = List.copyOf(elevators);
    this.clients = clients;
    this.prefix = prefix;
  }

  void start() {
    running.set(true);
    for (int c = 0; c < clients; c++) {
      int client = c;
      Thread t = new Thread(() -> run(client), "gateway-" + c);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
  }

  /** Stops sending and waits for the requests in flight to end (answered or failed). */
  List<Outcome> stop() throws InterruptedException {
    running.set(false);
    for (Thread t : threads) {
      t.join(60_000);
    }
    return List.copyOf(outcomes);
  }

  private void run(int client) {
    long seq = 0;
    while (running.get()) {
      String elevator = elevators.get((int) ((client + seq * clients) % elevators.size()));
      String eventId = prefix + "-" + client + "-" + seq++;
      long sent = System.nanoTime();
      Api.Answer a = api.reportAlarm(elevator, eventId);
      outcomes.add(new Outcome(elevator, eventId, sent, System.nanoTime(), a));
      if (a.status() == 503 || a.status() == -1) {
        sleep(PAUSE_AFTER_503_MS);
      }
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
