package io.liftguard.twin;

import com.typesafe.config.Config;
import io.liftguard.twin.domain.Reading;
import java.time.Duration;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * The {@code liftguard.twin} section of the configuration.
 *
 * @param flushInterval the most the persisted live state may lag behind the live state (the persistence rule)
 * @param snapshotEvery events between snapshots, so recovery does not replay a twin's whole life
 * @param indexBuckets how many entities the id index is spread over; fixed for the life of a store
 */
public record TwinSettings(
    Duration flushInterval,
    int snapshotEvery,
    Reading.TimeWindow timeWindow,
    Duration askTimeout,
    int indexBuckets) {

  public static TwinSettings create(ActorSystem<?> system) {
    return fromConfig(system.settings().config().getConfig("liftguard.twin"));
  }

  public static TwinSettings fromConfig(Config c) {
    return new TwinSettings(
        c.getDuration("flush-interval"),
        c.getInt("snapshot-every"),
        new Reading.TimeWindow(c.getDuration("max-clock-skew"), c.getDuration("max-reading-age")),
        c.getDuration("ask-timeout"),
        c.getInt("index-buckets"));
  }
}
