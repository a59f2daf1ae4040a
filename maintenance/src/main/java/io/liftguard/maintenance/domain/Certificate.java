package io.liftguard.maintenance.domain;

import java.time.LocalDate;

/**
 * A maintainer's certificate (特种设备安全管理和作业人员证): its number, holder, the company they work for, and
 * the days it is valid.
 */
public record Certificate(
    String number, String holder, String company, LocalDate validFrom, LocalDate validUntil) {

  /** Whether it lets its holder work for {@code company} on {@code day}. */
  public boolean allows(String company, LocalDate day) {
    return this.company.equals(company) && !day.isBefore(validFrom) && !day.isAfter(validUntil);
  }
}
