package io.liftguard.regulation.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The KPI rules stay plain Java: no Pekko, no JDBC, no clock of their own. */
class DomainIsPureTest {
  @Test
  void domainImportsNeitherPekkoNorJdbc() {
    var classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.liftguard.regulation.domain");
    noClasses().should().dependOnClassesThat().resideInAnyPackage("org.apache.pekko..", "java.sql..", "javax.sql..")
        .check(classes);
  }
}
