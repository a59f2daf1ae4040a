package io.liftguard.twin;

import com.typesafe.config.Config;
import io.liftguard.twin.domain.Concern;
import io.liftguard.twin.domain.IntelligentAlarm;
import io.liftguard.twin.domain.Reading;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * The {@code liftguard.twin} section of the configuration.
 *
 * @param flushInterval the most the persisted live state may lag behind the live state (the
 *     persistence rule)
 * @param flushesPerSecond the most live-state flushes a node's twins start a second ({@link
 *     FlushSchedule})
 * @param flushesInFlight the most live-state flushes a node's twins write at once ({@link
 *     FlushSchedule})
 * @param snapshotEvery events between snapshots, so recovery does not replay a twin's whole life
 * @param tags how many tags twin events are spread over ({@code twin-0}...), one read-side
 *     projection instance each; fixed for the life of a store
 */
public record TwinSettings(
    Duration flushInterval,
    int flushesPerSecond,
    int flushesInFlight,
    int snapshotEvery,
    Reading.TimeWindow timeWindow,
    int tags,
    IntelligentAlarm alarm) {

  /** The tag of every event of {@code elevatorId}. */
  public String tagOf(String elevatorId) {
    return tag(Math.floorMod(elevatorId.hashCode(), tags));
  }

  /** The tag with number {@code n}, 0 to {@code tags - 1}. */
  public static String tag(int n) {
    return "twin-" + n;
  }

  /**
   * The tag of {@code elevatorId}'s events of {@code concern}: {@code alarm-3} for {@code
   * twin-3}'s.
   */
  public String tagOf(String elevatorId, Concern concern) {
    return tag(concern, Math.floorMod(elevatorId.hashCode(), tags));
  }

  /** The tag of {@code concern} with number {@code n}. */
  public static String tag(Concern concern, int n) {
    return concern.tagPrefix() + "-" + n;
  }

  /** Every tag of {@code concern}: what its projection reads. */
  public List<String> allTags(Concern concern) {
    return IntStream.range(0, tags).mapToObj(n -> tag(concern, n)).toList();
  }

  /** Every tag, {@code twin-0} to {@code twin-(tags - 1)}: every event carries one. */
  public List<String> allTags() {
    return IntStream.range(0, tags).mapToObj(TwinSettings::tag).toList();
  }

  public static TwinSettings create(ActorSystem<?> system) {
    return fromConfig(system.settings().config().getConfig("liftguard.twin"));
  }

  public static TwinSettings fromConfig(Config c) {
    return new TwinSettings(
        c.getDuration("flush-interval"),
        c.getInt("flushes-per-second"),
        c.getInt("flushes-in-flight"),
        c.getInt("snapshot-every"),
        new Reading.TimeWindow(c.getDuration("max-clock-skew"), c.getDuration("max-reading-age")),
        c.getInt("tags"),
        new IntelligentAlarm(
            c.getDuration("intelligent-alarm.stuck-for"),
            c.getDuration("intelligent-alarm.present-for"),
            c.getDuration("intelligent-alarm.quiet-for")));
  }
}
