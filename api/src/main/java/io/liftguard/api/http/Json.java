package io.liftguard.api.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.liftguard.kernel.json.PlatformJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The API's JSON: strict on input (unknown fields, a field given twice in one object, fractional
 * integers and trailing tokens are errors, enum names are case-insensitive, every date, amount and
 * text within {@link EdgeBounds}), ISO-8601 dates, nulls left out of output. Parse errors become
 * 400s that name the field and the problem.
 */
public final class Json {
  public static final ObjectMapper MAPPER = configure(JsonMapper.builder()).build();

  private Json() {}

  /** The settings shared by the JSON and CSV mappers. */
  public static <B extends com.fasterxml.jackson.databind.cfg.MapperBuilder<?, B>> B configure(
      B builder) {
    return builder
        .addModule(new JavaTimeModule())
        .addModule(EdgeBounds.module())
        .addModules(PlatformJson.modules())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        // {"elevatorId":"A","elevatorId":"B"} is ambiguous: refuse it rather than let the last one
        // win.
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        // Every decimal number read exactly (bodies are read into a tree first): money is exact
        // decimal, and an amount of 1e999999999 is judged as such rather than as an infinite
        // double.
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .serializationInclusion(JsonInclude.Include.NON_NULL);
  }

  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  public static JsonNode tree(String body) {
    if (body == null || body.isBlank()) {
      throw ApiException.badRequest("request body is empty; expected JSON");
    }
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      throw describe(e, "");
    }
  }

  public static <T> T read(String body, Class<T> type) {
    return convert(tree(body), type, "");
  }

  public static <T> T convert(JsonNode node, Class<T> type, String where) {
    if (node == null || node.isNull() || !node.isObject()) {
      throw ApiException.badRequest(where + "expected a JSON object");
    }
    try {
      return MAPPER.treeToValue(node, type);
    } catch (IOException e) {
      throw describe(e, where);
    }
  }

  /**
   * Converts every element of a JSON array, reporting all elements' problems at once, each with its
   * index.
   */
  public static <T> List<T> convertEach(JsonNode array, Class<T> type) {
    List<T> values = new ArrayList<>(array.size());
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      try {
        values.add(convert(array.get(i), type, "[" + i + "] "));
      } catch (ApiException e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
    return values;
  }

  /** Turns a Jackson failure into a 400 naming the field and what was wrong with it. */
  public static ApiException describe(IOException e, String where) {
    if (e instanceof UnrecognizedPropertyException u) {
      return ApiException.badRequest(
          where
              + "unknown field '"
              + u.getPropertyName()
              + "'"
              + at(u)
              + "; known fields: "
              + u.getKnownPropertyIds());
    }
    if (e instanceof InvalidFormatException f
        && f.getTargetType() != null
        && f.getTargetType().isEnum()) {
      String allowed =
          Arrays.stream(f.getTargetType().getEnumConstants())
              .map(Object::toString)
              .collect(Collectors.joining(", "));
      return ApiException.badRequest(
          where
              + "field '"
              + path(f)
              + "': '"
              + f.getValue()
              + "' is not one of ["
              + allowed
              + "]");
    }
    if (e instanceof MismatchedInputException m) {
      return ApiException.badRequest(
          where + "field '" + path(m) + "': " + firstLine(m.getOriginalMessage()));
    }
    if (e instanceof com.fasterxml.jackson.core.JsonProcessingException p) {
      String loc =
          p.getLocation() == null
              ? ""
              : " at line "
                  + p.getLocation().getLineNr()
                  + ", column "
                  + p.getLocation().getColumnNr();
      return ApiException.badRequest(
          where + "malformed JSON" + loc + ": " + firstLine(p.getOriginalMessage()));
    }
    return ApiException.badRequest(where + "unreadable body: " + e.getMessage());
  }

  private static String at(MismatchedInputException e) {
    String p = path(e);
    int dot = p.lastIndexOf('.');
    return dot < 0 ? "" : " in '" + p.substring(0, dot) + "'";
  }

  private static String path(MismatchedInputException e) {
    StringBuilder sb = new StringBuilder();
    for (var ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
