package io.liftguard.maintenance.domain;

import io.liftguard.kernel.CborSerializable;
import io.liftguard.kernel.domain.Decision;
import java.time.Instant;
import java.util.List;

/** One certificate number as the platform knows it: the latest issue, null before the first. */
public record CertificateRecord(String number, Certificate current) implements CborSerializable {

  public static CertificateRecord empty(String number) {
    return new CertificateRecord(number, null);
  }

  public boolean exists() {
    return current != null;
  }

  public CertificateRecord apply(CertificateEvent event) {
    if (event instanceof CertificateEvent.Issued e) {
      return new CertificateRecord(number, e.certificate());
    }
    throw new IllegalArgumentException("unknown certificate event " + event.getClass().getName());
  }

  /** Issues {@code c} under this number; the same certificate again changes nothing. */
  public Decision<CertificateEvent> issue(Certificate c, Instant now, String by) {
    if (c == null) {
      return Decision.invalid("a certificate is required");
    }
    List<String> problems = c.problems();
    if (!problems.isEmpty()) {
      return Decision.invalid(problems);
    }
    if (!number.equals(c.number())) {
      return Decision.invalid(
          "certificate number '" + c.number() + "' does not match '" + number + "'");
    }
    if (c.equals(current)) {
      return Decision.accept("duplicate");
    }
    return Decision.accept(
        current == null ? "issued" : "reissued", new CertificateEvent.Issued(c, now, by));
  }
}
