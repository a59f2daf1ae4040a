package io.liftguard.twin.domain.risk;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Events that happen to many elevators at once: a grid power cut stops every car of a district
 * within minutes, trapping passengers in the busy ones. {@link #groups} puts the events of one
 * district that begin within {@link #WINDOW} of the group's first together. For the credibility of
 * a fleet's experience a group is one event ({@link #clustering}); a group of power losses reported
 * by {@link #MASS} elevators or more is the grid's, not the equipment's.
 */
public final class MassEvents {
  private MassEvents() {}

  /** Events of one district within this long of the first are one event. */
  public static final Duration WINDOW = Duration.ofHours(1);

  /** A group of at least this many events is a mass event. */
  public static final int MASS = 3;

  /** An event: where and when it began, and what it is (for the caller; may be null). */
  public record Occurrence(String district, Instant at, String subject) {}

  /** {@code events} in groups, each one district's events within {@link #WINDOW} of its first. */
  public static List<List<Occurrence>> groups(List<Occurrence> events) {
    List<Occurrence> sorted =
        events.stream()
            .sorted(
                Comparator.comparing((Occurrence o) -> String.valueOf(o.district()))
                    .thenComparing(Occurrence::at))
            .toList();
    List<List<Occurrence>> groups = new ArrayList<>();
    List<Occurrence> group = null;
    for (Occurrence o : sorted) {
      if (group == null
          || !String.valueOf(o.district()).equals(String.valueOf(group.get(0).district()))
          || o.at().isAfter(group.get(0).at().plus(WINDOW))) {
        group = new ArrayList<>();
        groups.add(group);
      }
      group.add(o);
    }
    return groups;
  }

  /**
   * The mean number of events per independent event in {@code events} (1 when none cluster, or
   * there are none): how much more a count of them varies than a count of independent events.
   */
  public static double clustering(List<Occurrence> events) {
    return events.isEmpty() ? 1 : (double) events.size() / groups(events).size();
  }
}
