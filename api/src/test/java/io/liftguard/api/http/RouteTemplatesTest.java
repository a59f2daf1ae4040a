package io.liftguard.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteTemplatesTest {
  private final RouteTemplates templates =
      new RouteTemplates(
          List.of(
              "/api/v1/elevators",
              "/api/v1/elevators/{id}",
              "/api/v1/elevators/import",
              "/api/v1/elevators/{id}/history",
              "/health"));

  @Test
  void aPathFallsUnderItsTemplateWithTheIdReplaced() {
    assertEquals(
        Optional.of("/api/v1/elevators/{id}"), templates.match("/api/v1/elevators/JJ-0001"));
    assertEquals(
        Optional.of("/api/v1/elevators/{id}/history"),
        templates.match("/api/v1/elevators/JJ-0001/history"));
    assertEquals(Optional.of("/health"), templates.match("/health"));
  }

  @Test
  void aLiteralSegmentWinsOverAParameter() {
    assertEquals(
        Optional.of("/api/v1/elevators/import"), templates.match("/api/v1/elevators/import"));
  }

  @Test
  void aPathNoTemplateDescribesMatchesNothing() {
    assertEquals(Optional.empty(), templates.match("/api/v1/elevators/JJ-0001/secrets"));
    assertEquals(Optional.empty(), templates.match("/"));
  }
}
