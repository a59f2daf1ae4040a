package io.liftguard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each rule of {@link ArchitectureTest} fails on code that breaks it: the production classes plus,
 * for each rule, a fixture class (in this module's tests, under a {@code fixture} package) written
 * to break it.
 */
class ArchitectureRulesFailWhenBrokenTest {
  /** The production classes and the fixtures. */
  static final JavaClasses WITH_FIXTURES =
      new ClassFileImporter()
          .withImportOption(
              location ->
                  ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location)
                      || location.contains("/fixture/"))
          .importPackages("io.liftguard");

  private static void failsOn(ArchRule rule, String fixture) {
    AssertionError e =
        assertThrows(AssertionError.class, () -> rule.check(WITH_FIXTURES), rule.getDescription());
    assertTrue(e.getMessage().contains(fixture), e.getMessage());
  }

  @Test
  void aDomainClassUsingPekko() {
    failsOn(ArchitectureTest.DOMAIN_IS_PURE, "PekkoInADomain");
  }

  @Test
  void theApiUsingTheSimulator() {
    failsOn(
        ArchitectureTest.NO_PLATFORM_MODULE_USES_THE_SIMULATOR_OR_THE_DEMO, "ApiUsingTheSimulator");
  }

  @Test
  void aRouteUsingAnEntity() {
    failsOn(ArchitectureTest.ROUTES_CALL_FACADES_NEVER_ENTITIES, "RouteAskingAnEntity");
  }

  @Test
  void aModuleUsingAnotherModulesWriter() {
    failsOn(ArchitectureTest.WRITERS_ARE_THEIR_MODULES_OWN, "InsuranceUsingAFleetWriter");
  }

  @Test
  void theKernelDependingOnTheTwin() {
    failsOn(ArchitectureTest.MODULES_ARE_FREE_OF_CYCLES, "KernelUsingTheTwin");
  }

  @Test
  void aModuleNamingAnotherModulesTable(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("Reader.java"),
        "class Reader { String sql = \"SELECT * FROM rescue_case WHERE is_open\"; String word = \"a"
            + " warning\"; }");
    assertEquals(
        Set.of("rescue_case"),
        ArchitectureTest.tablesNamedIn(dir, Set.of("rescue_case", "warning")));
  }
}
