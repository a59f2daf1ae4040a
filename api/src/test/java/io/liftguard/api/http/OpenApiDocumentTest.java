package io.liftguard.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract checked by an independent validator (swagger-parser, OpenAPI 3.1): it parses without
 * a message, and the same validator does complain about a copy with a mistake in it, so a clean
 * result means something.
 */
class OpenApiDocumentTest {
  private static String contract() throws IOException {
    try (InputStream in = OpenApiDocument.class.getResourceAsStream(OpenApiDocument.RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static SwaggerParseResult validate(String yaml) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    return new OpenAPIV3Parser().readContents(yaml, null, options);
  }

  @Test
  void theContractIsValidOpenApi31() throws IOException {
    SwaggerParseResult result = validate(contract());
    assertNotNull(result.getOpenAPI());
    assertEquals("3.1.0", result.getOpenAPI().getOpenapi());
    assertEquals(List.of(), result.getMessages());
    assertTrue(
        result.getOpenAPI().getPaths().size() >= 40,
        "paths: " + result.getOpenAPI().getPaths().size());
  }

  @Test
  void theValidatorFindsAMistake() throws IOException {
    String broken =
        contract()
            .replace(
                "{$ref: \"#/components/responses/NotFound\"}",
                "{$ref: \"#/components/responses/Missing\"}")
            .replace("  /api/v1/kpis:\n    get:\n", "  /api/v1/kpis:\n    get:\n      bogus: 1\n");
    List<String> messages = validate(broken).getMessages();
    assertFalse(messages.isEmpty());
    assertTrue(messages.stream().anyMatch(m -> m.contains("bogus")), messages.toString());
  }

  @Test
  void everyPathIsATemplateTheMetricsCanName() {
    OpenApiDocument document = OpenApiDocument.load();
    RouteTemplates templates = new RouteTemplates(document.paths());
    for (String path : document.paths()) {
      assertEquals(path, templates.match(path.replaceAll("\\{[^}]+}", "X-1")).orElseThrow());
    }
  }
}
