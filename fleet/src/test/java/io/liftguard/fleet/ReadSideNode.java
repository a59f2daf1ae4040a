package io.liftguard.fleet;

import io.liftguard.twin.ElevatorFleet;
import io.liftguard.twin.TestNode;
import io.liftguard.twin.TwinSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A one-node platform without HTTP: the twins on a real store and the fleet read model with its
 * projections.
 */
public final class ReadSideNode implements AutoCloseable {
  public final TestNode node;
  public final ReadSide readSide;

  private ReadSideNode(TestNode node, ReadSide readSide) {
    this.node = node;
    this.readSide = readSide;
  }

  public static ReadSideNode start(Map<String, Object> settings, Clock clock) throws Exception {
    TestNode node = TestNode.start(settings, clock);
    ReadSide readSide =
        ReadSide.start(node.system, TwinSettings.create(node.system), clock)
            .toCompletableFuture()
            .get(60, TimeUnit.SECONDS);
    return new ReadSideNode(node, readSide);
  }

  public ElevatorFleet fleet() {
    return node.fleet;
  }

  public FleetReader reader() {
    return readSide.reader();
  }

  /**
   * Asks {@code query} until its answer satisfies {@code done} (the read model is eventually
   * consistent).
   */
  public static <T> T eventually(
      Supplier<CompletionStage<T>> query, Predicate<T> done, Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    T last = null;
    while (System.nanoTime() < deadline) {
      last = query.get().toCompletableFuture().get(30, TimeUnit.SECONDS);
      if (done.test(last)) {
        return last;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "the read model did not get there within " + within + "; last answer: " + last);
  }

  @Override
  public void close() throws Exception {
    node.close();
  }
}
