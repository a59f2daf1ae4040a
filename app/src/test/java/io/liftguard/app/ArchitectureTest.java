package io.liftguard.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The architecture's rules (docs/architecture.md), checked on the platform's production classes:
 * every module's, as the deployable puts them together.
 */
class ArchitectureTest {
  /**
   * The platform's own modules, by base package: none of them may use the simulator or the demo.
   */
  static final String[] PLATFORM = {
    "io.liftguard.kernel..",
    "io.liftguard.twin..",
    "io.liftguard.fleet..",
    "io.liftguard.insurance..",
    "io.liftguard.rescue..",
    "io.liftguard.regulation..",
    "io.liftguard.maintenance..",
    "io.liftguard.api.."
  };

  static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.liftguard");

  /**
   * Domain packages hold pure rules: no Pekko, no SQL, no Jackson, not even its annotations (each
   * module's JSON form of its domain types is a module of mix-ins beside it, see PlatformJson).
   */
  static final ArchRule DOMAIN_IS_PURE =
      noClasses()
          .that()
          .resideInAPackage("io.liftguard..domain..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.apache.pekko..",
              "java.sql..",
              "javax.sql..",
              "com.zaxxer..",
              "org.flywaydb..",
              "com.fasterxml.jackson..");

  static final ArchRule NO_PLATFORM_MODULE_USES_THE_SIMULATOR_OR_THE_DEMO =
      noClasses()
          .that()
          .resideInAnyPackage(PLATFORM)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.liftguard.sim..", "io.liftguard.demo..", "io.liftguard.app..");

  /**
   * Routes ask facades (ElevatorFleet, PolicyBook, RescueDesk, readers), never an entity or
   * sharding directly.
   */
  static final ArchRule ROUTES_CALL_FACADES_NEVER_ENTITIES =
      noClasses()
          .that()
          .resideInAPackage("io.liftguard.api.routes..")
          .should()
          .dependOnClassesThat()
          .areAssignableTo(org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior.class)
          .orShould()
          .dependOnClassesThat()
          .resideInAPackage("org.apache.pekko.cluster.sharding..");

  /**
   * A module's read model is written by its own projections only: no other module uses its writers.
   */
  static final ArchRule WRITERS_ARE_THEIR_MODULES_OWN =
      classes()
          .that()
          .haveSimpleNameEndingWith("Writer")
          .and()
          .resideInAPackage("io.liftguard..")
          .should(
              new ArchCondition<>("be used by their own module only") {
                @Override
                public void check(JavaClass writer, ConditionEvents events) {
                  String module = module(writer.getPackageName());
                  writer.getAccessesToSelf().stream()
                      .filter(a -> !module(a.getOriginOwner().getPackageName()).equals(module))
                      .forEach(
                          a -> events.add(SimpleConditionEvent.violated(a, a.getDescription())));
                }
              });

  /** The modules depend on each other one way only. */
  static final ArchRule MODULES_ARE_FREE_OF_CYCLES =
      slices().matching("io.liftguard.(*)..").should().beFreeOfCycles();

  static String module(String pkg) {
    String[] parts = pkg.split("\\.");
    return parts.length > 2 ? parts[2] : pkg;
  }

  @Test
  void domainPackagesImportNoPekkoSqlOrJacksonDatabind() {
    DOMAIN_IS_PURE.check(CLASSES);
  }

  @Test
  void noPlatformModuleDependsOnTheSimulatorOrTheDemo() {
    NO_PLATFORM_MODULE_USES_THE_SIMULATOR_OR_THE_DEMO.check(CLASSES);
  }

  @Test
  void routesCallFacadesNeverEntities() {
    ROUTES_CALL_FACADES_NEVER_ENTITIES.check(CLASSES);
  }

  @Test
  void noModuleUsesAnotherModulesWriter() {
    WRITERS_ARE_THEIR_MODULES_OWN.check(CLASSES);
  }

  @Test
  void modulesDependOnEachOtherOneWayOnly() {
    MODULES_ARE_FREE_OF_CYCLES.check(CLASSES);
  }

  /**
   * No module's code names another module's tables (each module's tables are those its own
   * migrations create): a module reads another's data through the owner's reader, or through a view
   * the owner declares public in its own migrations ({@code fleet_elevator_public}, ...), which
   * this rule lets through because it is not a table.
   */
  @Test
  void noModuleNamesAnotherModulesTables() {
    Path root = Path.of("..").toAbsolutePath().normalize();
    Map<String, String> owner = new TreeMap<>();
    for (String module :
        List.of("kernel", "twin", "fleet", "insurance", "rescue", "regulation", "maintenance")) {
      for (String table : tablesCreatedIn(root.resolve(module).resolve("src/main/resources/db"))) {
        owner.put(table, module);
      }
    }
    Map<String, Set<String>> found = new TreeMap<>();
    for (String module :
        List.of(
            "twin", "fleet", "insurance", "rescue", "regulation", "maintenance", "api", "demo")) {
      for (String table :
          tablesNamedIn(root.resolve(module).resolve("src/main/java"), owner.keySet())) {
        String of = owner.get(table);
        if (!of.equals(module) && !of.equals("kernel")) {
          found.computeIfAbsent(module, m -> new TreeSet<>()).add(table);
        }
      }
    }
    assertEquals(Map.of(), found, "tables a module names that another module's migrations create");
  }

  private static Set<String> tablesCreatedIn(Path migrations) {
    Set<String> tables = new TreeSet<>();
    Pattern create =
        Pattern.compile("CREATE TABLE (?:IF NOT EXISTS )?\"?([a-z_]+)", Pattern.CASE_INSENSITIVE);
    for (String sql : read(migrations, ".sql")) {
      Matcher m = create.matcher(sql);
      while (m.find()) {
        tables.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
      }
    }
    return tables;
  }

  static Set<String> tablesNamedIn(Path sources, Set<String> tables) {
    Set<String> named = new TreeSet<>();
    for (String java : read(sources, ".java")) {
      for (String table : tables) {
        // As SQL names it: after FROM, JOIN, INTO, UPDATE or TABLE (the word alone is often
        // English: "warning").
        if (Pattern.compile(
                "(?i)\\b(from|join|into|update|table)\\s+\\\\?\"?" + table + "(?![a-z_])")
            .matcher(java)
            .find()) {
          named.add(table);
        }
      }
    }
    return named;
  }

  private static List<String> read(Path dir, String suffix) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      List<String> out = new ArrayList<>();
      for (Path f : files.filter(p -> p.toString().endsWith(suffix)).toList()) {
        out.add(Files.readString(f));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
