package io.liftguard.maintenance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liftguard.kernel.domain.Decision;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificateRecordTest {
  private static final Instant NOW = Instant.parse("2026-12-08T02:00:00Z");

  private static Certificate cert(String number, String company, LocalDate until) {
    return new Certificate(number, "Li Wei", company, LocalDate.of(2026, 1, 1), until);
  }

  @Test
  void issuedRenewedAndRetried() {
    CertificateRecord r = CertificateRecord.empty("T-123");
    var issued = r.issue(cert("T-123", "Yongan", LocalDate.of(2027, 1, 1)), NOW, "reg");
    r = r.apply(((Decision.Accept<CertificateEvent>) issued).events().get(0));
    assertTrue(r.exists());
    assertTrue(r.current().allows("Yongan", LocalDate.of(2026, 12, 8)));
    assertFalse(r.current().allows("Yongan", LocalDate.of(2027, 1, 2)), "expired");
    assertFalse(r.current().allows("Another", LocalDate.of(2026, 12, 8)), "another company's");
    var again = r.issue(cert("T-123", "Yongan", LocalDate.of(2027, 1, 1)), NOW, "reg");
    assertEquals(List.of(), ((Decision.Accept<CertificateEvent>) again).events(), "a retry");
    var renewed = r.issue(cert("T-123", "Yongan", LocalDate.of(2030, 1, 1)), NOW, "reg");
    assertEquals("reissued", ((Decision.Accept<CertificateEvent>) renewed).outcome());
  }

  @Test
  void aBadCertificateOrAnotherNumberIsRefused() {
    CertificateRecord r = CertificateRecord.empty("T-123");
    assertTrue(
        r.issue(cert("T 123", "Yongan", LocalDate.of(2027, 1, 1)), NOW, "reg")
            instanceof Decision.Reject<CertificateEvent>);
    assertTrue(
        r.issue(cert("T-124", "Yongan", LocalDate.of(2027, 1, 1)), NOW, "reg")
            instanceof Decision.Reject<CertificateEvent>);
    assertTrue(
        r.issue(cert("T-123", "Yongan", LocalDate.of(2025, 1, 1)), NOW, "reg")
            instanceof Decision.Reject<CertificateEvent>,
        "valid until before valid from");
    assertTrue(
        r.issue(cert("T-123", "y".repeat(129), LocalDate.of(2027, 1, 1)), NOW, "reg")
            instanceof Decision.Reject<CertificateEvent>,
        "a company name longer than the register allows");
  }
}
