package io.liftguard.kernel.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LiftGuardConfigTest {
  @Test
  void embeddedStoreIsTheDefaultAndLivesUnderTheDataDir() {
    Config c =
        LiftGuardConfig.load(ConfigFactory.parseMap(Map.of("liftguard.data-dir", "some/dir")));
    assertEquals("jdbc-journal", c.getString("pekko.persistence.journal.plugin"));
    assertEquals("jdbc-read-journal", c.getString("liftguard.read-journal"));
    String url = c.getString("pekko-persistence-jdbc.shared-databases.liftguard.db.url");
    assertEquals(
        "jdbc:h2:file:"
            + Path.of("some/dir").toAbsolutePath().resolve("journal").resolve("liftguard")
            + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
        url);
    assertEquals(TagIndexedReadJournalDao.class.getName(), c.getString("jdbc-read-journal.dao"));
    assertEquals("cluster", c.getString("pekko.actor.provider"));
    assertEquals(
        "jackson-cbor",
        c.getString("pekko.actor.serialization-bindings.\"io.liftguard.kernel.CborSerializable\""));
  }

  @Test
  void fsyncOpensTheEmbeddedDatabaseWithDsync() {
    Config c =
        LiftGuardConfig.load(
            ConfigFactory.parseMap(Map.of("liftguard.data-dir", "d", "liftguard.h2.fsync", true)));
    assertEquals(
        "jdbc:h2:dsync:"
            + Path.of("d").toAbsolutePath().resolve("journal").resolve("liftguard")
            + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
        c.getString("pekko-persistence-jdbc.shared-databases.liftguard.db.url"));
  }

  @Test
  void cassandraStoreTakesContactPointsAndKeyspace() {
    Config c =
        LiftGuardConfig.load(
            ConfigFactory.parseMap(
                Map.of(
                    "liftguard.store", "cassandra",
                    "liftguard.cassandra.contact-points", "10.1.1.1:9042, 10.1.1.2:9042",
                    "liftguard.cassandra.keyspace", "city_a")));
    assertEquals(
        "pekko.persistence.cassandra.journal", c.getString("pekko.persistence.journal.plugin"));
    assertEquals(
        List.of("10.1.1.1:9042", "10.1.1.2:9042"),
        c.getStringList("datastax-java-driver.basic.contact-points"));
    assertEquals("city_a", c.getString("pekko.persistence.cassandra.journal.keyspace"));
    assertEquals("city_a", c.getString("pekko.persistence.cassandra.snapshot.keyspace"));
    assertEquals(
        "datacenter1",
        c.getString("datastax-java-driver.basic.load-balancing-policy.local-datacenter"));
  }

  @Test
  void aOneNodePlatformTakesAnyFreeClusterPortAndAClusterTheKnownOne() {
    assertEquals(
        Optional.of(0),
        LiftGuardConfig.clusterPort(
            ConfigFactory.parseMap(Map.of("liftguard.cluster.seed-nodes", ""))));
    assertEquals(
        Optional.empty(),
        LiftGuardConfig.clusterPort(
            ConfigFactory.parseMap(
                Map.of("liftguard.cluster.seed-nodes", "pekko://LiftGuard@10.0.0.1:25520"))),
        "Pekko's 25520");
    assertEquals(
        Optional.of(25600),
        LiftGuardConfig.clusterPort(
            ConfigFactory.parseMap(
                Map.of("liftguard.cluster.seed-nodes", "", "liftguard.cluster.port", 25600))));
    Config c =
        LiftGuardConfig.load(ConfigFactory.parseMap(Map.of("liftguard.cluster.seed-nodes", "")));
    assertEquals(0, c.getInt("pekko.remote.artery.canonical.port"));
  }

  @Test
  void anUnknownStoreIsRefusedByName() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> LiftGuardConfig.load(ConfigFactory.parseMap(Map.of("liftguard.store", "mongo"))));
    assertTrue(e.getMessage().contains("'mongo'"), e.getMessage());
  }
}
