package io.liftguard.maintenance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liftguard.kernel.domain.Decision;
import io.liftguard.kernel.domain.Rejection;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractRulesTest {
  private static final Instant NOW = Instant.parse("2026-12-08T02:00:00Z");
  private static final LocalDate END = LocalDate.of(2027, 12, 31);

  private static ContractHistory signed(ContractHistory h, Contract c) {
    Decision<ContractEvent> d = ContractRules.sign(h, c, NOW, "unit-1");
    assertTrue(d instanceof Decision.Accept<ContractEvent>, d.toString());
    for (ContractEvent e : ((Decision.Accept<ContractEvent>) d).events()) {
      h = h.apply(e);
    }
    return h;
  }

  private static Rejection.Code refusal(ContractHistory h, Contract c) {
    Decision<ContractEvent> d = ContractRules.sign(h, c, NOW, "unit-1");
    assertTrue(d instanceof Decision.Reject<ContractEvent>, d.toString());
    return ((Decision.Reject<ContractEvent>) d).rejection().code();
  }

  @Test
  void versionsAreNumberedByTheHistoryAndEveryOneIsKept() {
    Contract fixed = ContractTest.contract(List.of("E1"), MaintenanceMode.Fixed.TSG_T5002, END);
    ContractHistory h = signed(ContractHistory.empty("C-1"), fixed);
    assertEquals(1, h.current().version());
    Contract onDemand =
        ContractTest.contract(
            List.of("E1", "E2"), new MaintenanceMode.OnDemand(30, OnDemandRules.DEFAULT), END);
    h = signed(h, onDemand);
    assertEquals(2, h.versions().size());
    assertEquals(2, h.current().version());
    assertEquals(MaintenanceMode.Fixed.TSG_T5002, h.versions().get(0).mode());
    assertEquals(List.of("E1", "E2"), h.current().elevators());
  }

  @Test
  void theSameTermsAgainAreARetryThatChangesNothing() {
    Contract c = ContractTest.contract(List.of("E1"), MaintenanceMode.Fixed.TSG_T5002, END);
    ContractHistory h = signed(ContractHistory.empty("C-1"), c);
    Contract samePriceWritten =
        new Contract(
            "C-1",
            7,
            c.usingUnit(),
            c.company(),
            c.elevators(),
            c.mode(),
            c.targets(),
            new BigDecimal("4800"),
            c.start(),
            c.end());
    Decision<ContractEvent> d = ContractRules.sign(h, samePriceWritten, NOW, "unit-1");
    assertEquals(List.of(), ((Decision.Accept<ContractEvent>) d).events());
  }

  @Test
  void thePartiesDoNotChangeAndABadContractChangesNothing() {
    Contract c = ContractTest.contract(List.of("E1"), MaintenanceMode.Fixed.TSG_T5002, END);
    ContractHistory h = signed(ContractHistory.empty("C-1"), c);
    Contract otherCompany =
        new Contract(
            "C-1",
            2,
            c.usingUnit(),
            "Another Lift Co",
            c.elevators(),
            c.mode(),
            c.targets(),
            c.annualPricePerElevator(),
            c.start(),
            c.end());
    assertEquals(Rejection.Code.CONFLICT, refusal(h, otherCompany));
    assertEquals(
        Rejection.Code.INVALID,
        refusal(h, ContractTest.contract(List.of(), MaintenanceMode.Fixed.TSG_T5002, END)));
    assertEquals(
        Rejection.Code.INVALID,
        refusal(
            ContractHistory.empty("C-2"),
            ContractTest.contract(List.of("E1"), MaintenanceMode.Fixed.TSG_T5002, END)));
    Contract longName =
        new Contract(
            "C-1",
            1,
            "u".repeat(129),
            c.company(),
            c.elevators(),
            c.mode(),
            c.targets(),
            c.annualPricePerElevator(),
            c.start(),
            c.end());
    assertEquals(
        List.of("usingUnit must be at most 128 characters"),
        longName.problems(),
        "as the register");
    assertEquals(1, h.versions().size());
  }
}
