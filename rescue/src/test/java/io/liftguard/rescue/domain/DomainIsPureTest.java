package io.liftguard.rescue.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The rescue rules stay plain Java: no Pekko, no JDBC, no clock of their own. */
class DomainIsPureTest {
  @Test
  void domainImportsNeitherPekkoNorJdbc() {
    var classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.liftguard.rescue.domain");
    noClasses().should().dependOnClassesThat().resideInAnyPackage("org.apache.pekko..", "java.sql..", "javax.sql..")
        .check(classes);
  }
}
