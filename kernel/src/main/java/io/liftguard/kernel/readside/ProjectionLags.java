package io.liftguard.kernel.readside;

import java.time.Clock;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The {@link ProjectionLag} of every projection on this node, by projection name: each module's
 * projections register theirs at start ({@link #observer}), and the metrics publish them all.
 */
public final class ProjectionLags {
  private final Clock clock;
  private final Map<String, ProjectionLag> byName = new ConcurrentSkipListMap<>();

  public ProjectionLags(Clock clock) {
    this.clock = clock;
  }

  public ProjectionLag of(String projection) {
    return byName.computeIfAbsent(projection, name -> new ProjectionLag(clock));
  }

  /**
   * An observer that feeds the lag of {@code projection}; the lag is registered now, not when an
   * instance starts.
   */
  public <E> ProjectionLag.Observer<E> observer(String projection) {
    return new ProjectionLag.Observer<>(of(projection));
  }

  /** Every projection registered so far, by name. */
  public Map<String, ProjectionLag> all() {
    return Collections.unmodifiableMap(byName);
  }
}
