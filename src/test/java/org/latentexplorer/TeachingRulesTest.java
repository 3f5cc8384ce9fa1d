package org.latentexplorer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The teaching figures' package is library code: no UI, no ND4J, no command line, no trainer. */
class TeachingRulesTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.latentexplorer");

    @Test
    void teachingKnowsNoUiNd4jCliOrTraining() {
        noClasses().that().resideInAPackage("..teaching..")
                .should().dependOnClassesThat().resideInAnyPackage("..app..", "..cli..", "..training..", "org.nd4j..",
                        "org.bytedeco..", "javafx..")
                .check(CLASSES);
    }
}
