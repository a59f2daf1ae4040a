package io.liftguard.maintenance;

import com.typesafe.config.ConfigFactory;
import io.liftguard.kernel.PersistedForms;
import io.liftguard.kernel.store.LiftGuardConfig;
import io.liftguard.maintenance.domain.Certificate;
import io.liftguard.maintenance.domain.CertificateEvent;
import io.liftguard.maintenance.domain.CertificateRecord;
import io.liftguard.maintenance.domain.Contract;
import io.liftguard.maintenance.domain.ContractEvent;
import io.liftguard.maintenance.domain.ContractHistory;
import io.liftguard.maintenance.domain.MaintenanceMode;
import io.liftguard.maintenance.domain.OnDemandRules;
import io.liftguard.maintenance.domain.QualityTargets;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Every kind of contract and certificate event, and the entities' states, as the journal and the
 * snapshot store hold them (golden copies in {@code persisted/maintenance.json}): data persisted by
 * an earlier build reads back, and the format does not drift.
 */
class PersistedMaintenanceFormTest {
  private static final ActorTestKit KIT =
      ActorTestKit.create(
          LiftGuardConfig.load(ConfigFactory.parseString("pekko.actor.provider = local")));
  private static final Instant AT = Instant.parse("2026-12-08T02:00:00Z");

  @AfterAll
  static void stop() {
    KIT.shutdownTestKit();
  }

  @Test
  void contractsAndCertificatesKeepTheirPersistedForm() {
    QualityTargets targets =
        new QualityTargets(
            new BigDecimal("0.06"),
            new BigDecimal("0.5"),
            new BigDecimal("0.95"),
            30,
            new BigDecimal("0.98"));
    Contract fixed =
        new Contract(
            "K-1",
            1,
            "Jiangjin Central Hospital",
            "Yongan Lift Service",
            List.of("CQ-JJ-000001"),
            MaintenanceMode.Fixed.TSG_T5002,
            targets,
            new BigDecimal("4800.00"),
            LocalDate.of(2027, 1, 1),
            LocalDate.of(2027, 12, 31));
    Contract onDemand =
        new Contract(
            "K-1",
            2,
            fixed.usingUnit(),
            fixed.company(),
            List.of("CQ-JJ-000001", "CQ-JJ-000002"),
            new MaintenanceMode.OnDemand(45, OnDemandRules.DEFAULT),
            targets,
            new BigDecimal("4200.00"),
            fixed.start(),
            fixed.end());
    Certificate cert =
        new Certificate(
            "T-123",
            "Li Wei",
            "Yongan Lift Service",
            LocalDate.of(2026, 1, 1),
            LocalDate.of(2029, 12, 31));
    Map<String, Object> samples = new LinkedHashMap<>();
    ContractEvent.Signed v1 = new ContractEvent.Signed(fixed, AT, "unit-1");
    ContractEvent.Signed v2 = new ContractEvent.Signed(onDemand, AT, "unit-1");
    samples.put("Signed", v1);
    samples.put("Signed.onDemand", v2);
    samples.put("ContractHistory", ContractHistory.empty("K-1").apply(v1).apply(v2));
    CertificateEvent.Issued issued = new CertificateEvent.Issued(cert, AT, "regulator-1");
    samples.put("Issued", issued);
    samples.put("CertificateRecord", CertificateRecord.empty("T-123").apply(issued));
    PersistedForms.assertCoversEveryKind(ContractEvent.class, Map.of("Signed", v1));
    PersistedForms.assertCoversEveryKind(CertificateEvent.class, Map.of("Issued", issued));
    PersistedForms.check(KIT.system(), "persisted/maintenance.json", samples);
  }
}
