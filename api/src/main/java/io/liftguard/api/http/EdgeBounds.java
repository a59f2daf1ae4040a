package io.liftguard.api.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.liftguard.insurance.domain.Cny;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * What any value from outside may be, whatever field it comes in (JSON bodies, CSV rows, query
 * parameters): the bounds the stores and the rules can hold, checked as it is read, so a value out
 * of them is a 400 naming the field and never reaches a twin, a policy or a read model.
 *
 * <ul>
 *   <li>dates and times within {@value #FIRST_YEAR}-{@value #LAST_YEAR} (a rescue dated -999999999
 *       was stored and then listed as +169108099);
 *   <li>money (every decimal number the API reads is CNY) as {@link Cny#problem} has it: whole fen,
 *       below 10^12 CNY (a claim of 10^14 stopped the insurance read model; a loss of 1e999999999
 *       crashed the policy entity);
 *   <li>text without control characters (NUL, ESC and the like, other than tab and line breaks) or
 *       bidirectional overrides, which would make what a reader sees differ from what is stored.
 * </ul>
 */
public final class EdgeBounds {
  public static final int FIRST_YEAR = 1950;
  public static final int LAST_YEAR = 2099;
  private static final Instant FIRST =
      LocalDate.of(FIRST_YEAR, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
  private static final Instant END =
      LocalDate.of(LAST_YEAR + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

  private EdgeBounds() {}

  /** The Jackson module that checks every date, time, decimal number and text as it is read. */
  public static SimpleModule module() {
    SimpleModule m = new SimpleModule("liftguard-edge-bounds");
    m.setDeserializerModifier(
        new BeanDeserializerModifier() {
          @Override
          public JsonDeserializer<?> modifyDeserializer(
              DeserializationConfig config,
              BeanDescription bean,
              JsonDeserializer<?> deserializer) {
            Class<?> type = bean.getBeanClass();
            if (type == Instant.class
                || type == LocalDate.class
                || type == YearMonth.class
                || type == BigDecimal.class
                || type == String.class) {
              return new Checked(deserializer);
            }
            return deserializer;
          }
        });
    return m;
  }

  /** What is wrong with {@code value}, if anything (null values are for the rules to judge). */
  public static Optional<String> problem(Object value) {
    if (value instanceof Instant i) {
      return i.isBefore(FIRST) || !i.isBefore(END)
          ? Optional.of(i + " is outside " + range())
          : Optional.empty();
    }
    if (value instanceof LocalDate d) {
      return year(d.getYear(), d.toString());
    }
    if (value instanceof YearMonth m) {
      return year(m.getYear(), m.toString());
    }
    if (value instanceof BigDecimal b) {
      return Cny.problem(b);
    }
    if (value instanceof String s) {
      return text(s);
    }
    return Optional.empty();
  }

  private static Optional<String> year(int year, String shown) {
    return year < FIRST_YEAR || year > LAST_YEAR
        ? Optional.of(shown + " is outside " + range())
        : Optional.empty();
  }

  private static String range() {
    return "the dates the platform accepts (" + FIRST_YEAR + "-01-01 to " + LAST_YEAR + "-12-31)";
  }

  private static Optional<String> text(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean control =
          (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f);
      boolean bidi = (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
      if (control || bidi) {
        return Optional.of(
            String.format(
                "a text contains the %s character U+%04X at position %d",
                control ? "control" : "bidirectional override", (int) c, i));
      }
    }
    return Optional.empty();
  }

  /** Reads a value with the deserializer Jackson chose, then refuses it if it is out of bounds. */
  private static final class Checked extends DelegatingDeserializer {
    Checked(JsonDeserializer<?> delegate) {
      super(delegate);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
      return new Checked(newDelegatee);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      Object value = super.deserialize(p, ctxt);
      Optional<String> problem = problem(value);
      if (problem.isPresent()) {
        throw InvalidFormatException.from(p, problem.get(), value, handledType());
      }
      return value;
    }
  }
}
