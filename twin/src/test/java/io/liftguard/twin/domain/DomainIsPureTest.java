package io.liftguard.twin.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The domain package stays plain Java: rules testable without an ActorSystem. */
class DomainIsPureTest {
  @Test
  void domainImportsNothingFromPekko() {
    var classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.liftguard.twin.domain");
    noClasses().should().dependOnClassesThat().resideInAPackage("org.apache.pekko..").check(classes);
  }
}
