package io.liftguard.api.routes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.liftguard.api.http.ApiException;
import io.liftguard.api.http.Json;
import io.liftguard.twin.domain.RegisterData;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses and validates a city's register for import, as a JSON array or as CSV with a header row
 * naming {@link RegisterData}'s fields. Every problem in every row is reported at once; an import
 * with any problem imports nothing.
 */
final class RegisterImport {
  private static final CsvMapper CSV =
      Json.configure(CsvMapper.builder())
          .enable(CsvParser.Feature.EMPTY_STRING_AS_NULL)
          .enable(CsvParser.Feature.TRIM_SPACES)
          .enable(CsvParser.Feature.FAIL_ON_MISSING_HEADER_COLUMNS)
          .build();

  private RegisterImport() {}

  static List<RegisterData> fromJson(String body, int maxRows) {
    JsonNode tree = Json.tree(body);
    if (!tree.isArray()) {
      throw ApiException.badRequest("expected a JSON array of elevators");
    }
    checkSize(tree.size(), maxRows);
    List<RegisterData> rows = Json.convertEach(tree, RegisterData.class);
    return rows;
  }

  static List<RegisterData> fromCsv(String body, int maxRows) {
    List<RegisterData> rows = new ArrayList<>();
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    try (MappingIterator<RegisterData> it =
        CSV.readerFor(RegisterData.class).with(schema).readValues(body)) {
      boolean more = it.hasNextValue();
      refuseRepeatedColumns((CsvSchema) it.getParser().getSchema());
      while (more) {
        rows.add(it.nextValue());
        checkSize(rows.size(), maxRows);
        more = it.hasNextValue();
      }
    } catch (IOException e) {
      String line =
          e instanceof JsonProcessingException p && p.getLocation() != null
              ? "CSV line " + p.getLocation().getLineNr() + ": "
              : "CSV: ";
      throw ApiException.badRequest(line + Json.describe(e, "").getMessage());
    }
    if (rows.isEmpty()) {
      throw ApiException.badRequest(
          "the CSV has no rows; expected a header row and one row per elevator");
    }
    return rows;
  }

  /**
   * A header naming a field twice is as ambiguous as a JSON object with a repeated key (the last
   * would win).
   */
  private static void refuseRepeatedColumns(CsvSchema header) {
    Set<String> names = new HashSet<>();
    List<String> repeated = new ArrayList<>();
    for (CsvSchema.Column column : header) {
      if (!names.add(column.getName())) {
        repeated.add("column '" + column.getName() + "' appears more than once in the header row");
      }
    }
    if (!repeated.isEmpty()) {
      throw ApiException.invalid(repeated);
    }
  }

  /** Every row's problems, and codes that appear twice with different data. */
  static void validate(List<RegisterData> rows, LocalDate today) {
    List<String> problems = new ArrayList<>();
    Map<String, RegisterData> seen = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      RegisterData r = rows.get(i);
      for (String p : r.problems(today)) {
        problems.add("row " + (i + 1) + ": " + p);
      }
      RegisterData before =
          r.registrationCode() == null ? null : seen.putIfAbsent(r.registrationCode(), r);
      if (before != null && !before.equals(r)) {
        problems.add(
            "row "
                + (i + 1)
                + ": registrationCode '"
                + r.registrationCode()
                + "' appears earlier with different data");
      }
    }
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
  }

  private static void checkSize(int rows, int maxRows) {
    if (rows > maxRows) {
      throw ApiException.badRequest("import has more than " + maxRows + " rows; split it");
    }
  }
}
