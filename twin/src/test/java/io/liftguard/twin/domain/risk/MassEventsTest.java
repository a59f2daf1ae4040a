package io.liftguard.twin.domain.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MassEventsTest {
  private static final Instant T = Instant.parse("2026-07-14T18:30:00Z");

  private static MassEvents.Occurrence at(String district, int minutes, String subject) {
    return new MassEvents.Occurrence(district, T.plus(Duration.ofMinutes(minutes)), subject);
  }

  @Test
  void aDistrictsEventsWithinTheHourOfTheFirstAreOneGroup() {
    List<List<MassEvents.Occurrence>> groups =
        MassEvents.groups(
            List.of(
                at("Jiangbei", 50, "b"),
                at("Jiangbei", 0, "a"),
                at("Jiangbei", 60, "c"), // the hour's last minute: still the cut
                at("Jiangbei", 61, "d"), // a minute later: a new event
                at("Yubei", 10, "e"))); // another district, the same moment
    assertEquals(
        List.of(List.of("a", "b", "c"), List.of("d"), List.of("e")),
        groups.stream().map(g -> g.stream().map(MassEvents.Occurrence::subject).toList()).toList());
  }

  @Test
  void clusteringIsEventsPerIndependentEvent() {
    assertEquals(1.0, MassEvents.clustering(List.of()));
    assertEquals(
        1.0, MassEvents.clustering(List.of(at("Jiangbei", 0, null), at("Jiangbei", 120, null))));
    assertEquals(
        2.0,
        MassEvents.clustering(
            List.of(
                at("Jiangbei", 0, null),
                at("Jiangbei", 5, null),
                at("Jiangbei", 7, null),
                at("Yubei", 0, null))));
  }
}
