package io.liftguard.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.liftguard.kernel.PersistedForms;
import io.liftguard.kernel.store.LiftGuardConfig;
import io.liftguard.twin.domain.Complaint;
import io.liftguard.twin.domain.ConditionWatch;
import io.liftguard.twin.domain.EventType;
import io.liftguard.twin.domain.InspectionResult;
import io.liftguard.twin.domain.MaintainerOnSite;
import io.liftguard.twin.domain.MaintenanceVisit;
import io.liftguard.twin.domain.Rectification;
import io.liftguard.twin.domain.SafetyAssessment;
import io.liftguard.twin.domain.TwinEvent;
import io.liftguard.twin.domain.TwinState;
import io.liftguard.twin.domain.access.Principal;
import io.liftguard.twin.domain.access.Role;
import io.liftguard.twin.domain.access.Scope;
import io.liftguard.twin.domain.risk.RiskModel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Every kind of twin event, a twin's snapshot state and a principal, as the journal and snapshot
 * store hold them (golden copies in {@code persisted/twin.json}): data persisted by an earlier
 * build reads back, and the format does not drift.
 */
class PersistedTwinFormTest {
  private static final ActorTestKit KIT =
      ActorTestKit.create(
          LiftGuardConfig.load(ConfigFactory.parseString("pekko.actor.provider = local")));
  private static final String ID = "CQ-JJ-000001";
  private static final Instant AT = Fixtures.NOW;
  private static final String BY = "gw-1";

  @AfterAll
  static void stop() {
    KIT.shutdownTestKit();
  }

  @Test
  void twinEventsStatesAndPrincipalsKeepTheirPersistedForm() {
    List<TwinEvent> events =
        List.of(
            new TwinEvent.ElevatorRegistered(Fixtures.register(ID), AT, "admin"),
            new TwinEvent.LiveStateRecorded(Fixtures.reading(ID, AT, 7), AT, BY),
            new TwinEvent.FaultRaised(
                "f-1", EventType.ENTRAPMENT_AT_LANDING, AT, "called 96333", AT, BY, Role.GATEWAY),
            new TwinEvent.FaultCleared("f-1", EventType.ENTRAPMENT_AT_LANDING, AT, null, AT, BY),
            new TwinEvent.ServiceModeEntered("m-1", EventType.INSPECTION_MODE, AT, null, AT, BY),
            new TwinEvent.ServiceModeLeft("m-1", EventType.INSPECTION_MODE, AT, "done", AT, BY),
            new TwinEvent.MaintenanceRecorded(
                new MaintenanceVisit(
                    "v-1",
                    "Yongan Lift Service",
                    "Li Wei",
                    MaintenanceVisit.Kind.RESCUE,
                    AT,
                    AT.plusSeconds(600),
                    null),
                AT,
                "maintainer-1"),
            new TwinEvent.MaintainerCheckedIn(
                new MaintainerOnSite(
                    "v-2",
                    "Yongan Lift Service",
                    "Li Wei",
                    "T-123",
                    MaintenanceVisit.Kind.ROUTINE,
                    AT,
                    true),
                AT,
                "maintainer-1"),
            new TwinEvent.MaintainerCheckedOut(
                "v-2", AT.plusSeconds(1800), true, AT, "maintainer-1"),
            new TwinEvent.EarlyWarningRaised(
                ConditionWatch.Kind.DOOR_CLOSE_TIME, 4.2, 3.1, AT, "twin"),
            new TwinEvent.RiskAssessed(
                new RiskModel.Assessment(
                    0.031,
                    0.004,
                    RiskModel.Band.MEDIUM,
                    "m1",
                    List.of(new RiskModel.Factor("ageYears", 14.5, 0.42)),
                    new RiskModel.CauseProbabilities(0.002, 0.001, 0.001)),
                AT,
                "twin"),
            new TwinEvent.InspectionRecorded(
                new InspectionResult(
                    "i-1",
                    "CQ SEI",
                    LocalDate.of(2026, 11, 1),
                    true,
                    LocalDate.of(2027, 11, 1),
                    null),
                AT,
                "regulator-1"),
            new TwinEvent.ComplaintFiled(
                new Complaint("12345-1", Complaint.Topic.BREAKDOWNS, AT, "stops between floors"),
                AT,
                "unit"),
            new TwinEvent.RectificationRecorded(
                new Rectification(
                    Rectification.Status.ORDERED, LocalDate.of(2026, 11, 13), "order"),
                AT,
                "regulator-1"),
            new TwinEvent.SafetyAssessmentRecorded(
                new SafetyAssessment(
                    "SA-1",
                    "Institute",
                    LocalDate.of(2026, 11, 18),
                    SafetyAssessment.Conclusion.REPAIR,
                    "door operator"),
                AT,
                "regulator-1"));
    Map<String, Object> samples = new LinkedHashMap<>();
    TwinState state = TwinState.empty();
    for (TwinEvent e : events) {
      samples.put(e.getClass().getSimpleName(), e);
      state = state.apply(e);
    }
    PersistedForms.assertCoversEveryKind(TwinEvent.class, samples);
    samples.put("TwinState", state);
    samples.put(
        "Principal.gateway",
        new Principal("gw-1", Role.GATEWAY, new Scope(null, null, null, null, List.of(ID))));
    samples.put(
        "Principal.regulator",
        new Principal("reg-1", Role.REGULATOR, new Scope("Jiangjin", null, null, null, null)));
    PersistedForms.check(KIT.system(), "persisted/twin.json", samples);
  }

  @Test
  void eventsPersistedBeforeTheReporterRoleWasKeptReadBackWithoutIt() {
    Map<String, Object> old =
        PersistedForms.readAll(KIT.system(), "persisted/twin-before-reporter-role.json");
    assertEquals(
        new TwinEvent.FaultRaised(
            "f-1", EventType.ENTRAPMENT_AT_LANDING, AT, "called 96333", AT, BY, null),
        old.get("FaultRaised"));
    // Everything else reads back as it was written.
    for (var e : old.entrySet()) {
      assertTrue(
          e.getKey().startsWith(e.getValue().getClass().getSimpleName()), e.getKey() + " read");
    }
  }
}
