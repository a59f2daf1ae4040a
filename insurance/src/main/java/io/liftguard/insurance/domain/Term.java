package io.liftguard.insurance.domain;

import io.liftguard.twin.domain.TwinRules;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A policy's term: cover from the start of {@code start} to the start of {@code end} (days of the
 * platform's calendar).
 */
public record Term(LocalDate start, LocalDate end) {
  /** The longest term a policy may run: the pension product's 15 years. */
  public static final int MAX_YEARS = 15;

  public Instant startsAt() {
    return start.atStartOfDay(TwinRules.CALENDAR).toInstant();
  }

  public Instant endsAt() {
    return end.atStartOfDay(TwinRules.CALENDAR).toInstant();
  }

  /** Every problem with this term for a quote made on {@code today}. */
  public List<String> problems(LocalDate today) {
    List<String> p = new ArrayList<>();
    if (start == null || end == null) {
      p.add("term.start and term.end are required (yyyy-mm-dd)");
      return p;
    }
    if (!end.isAfter(start)) {
      p.add("term.end " + end + " must be after term.start " + start);
    }
    if (start.isBefore(today)) {
      p.add("term.start " + start + " is in the past (today is " + today + ")");
    }
    if (start.isAfter(today.plusDays(90))) {
      p.add("term.start " + start + " is more than 90 days ahead");
    }
    if (end.isAfter(start.plusYears(MAX_YEARS))) {
      p.add("term is longer than " + MAX_YEARS + " years");
    }
    return p;
  }
}
