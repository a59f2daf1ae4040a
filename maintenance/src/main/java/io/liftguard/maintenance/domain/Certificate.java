package io.liftguard.maintenance.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A maintainer's certificate (特种设备安全管理和作业人员证): its number, holder, the company they work for, and
 * the days it is valid.
 */
public record Certificate(
    String number, String holder, String company, LocalDate validFrom, LocalDate validUntil) {

  /** Every problem with this certificate as issued; empty when it is usable. */
  public List<String> problems() {
    List<String> p = new ArrayList<>();
    if (number == null || !number.matches("[A-Za-z0-9-]{1,64}")) {
      p.add("number must be 1 to 64 letters, digits or hyphens");
    }
    if (holder == null || holder.isBlank() || holder.length() > Contract.MAX_NAME) {
      p.add("holder is required, at most " + Contract.MAX_NAME + " characters");
    }
    if (company == null || company.isBlank() || company.length() > Contract.MAX_NAME) {
      p.add("company is required, at most " + Contract.MAX_NAME + " characters");
    }
    if (validFrom == null || validUntil == null) {
      p.add("validFrom and validUntil are required");
    } else if (validUntil.isBefore(validFrom)) {
      p.add("validUntil (" + validUntil + ") must not be before validFrom (" + validFrom + ")");
    }
    return p;
  }

  /** Whether it lets its holder work for {@code company} on {@code day}. */
  public boolean allows(String company, LocalDate day) {
    return this.company.equals(company) && !day.isBefore(validFrom) && !day.isAfter(validUntil);
  }
}
