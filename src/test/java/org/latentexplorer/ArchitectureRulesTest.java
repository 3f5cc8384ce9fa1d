package org.latentexplorer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package rules of DESIGN.md: data flows one way; no package reaches backwards. */
class ArchitectureRulesTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.latentexplorer");

    @Test
    void divergenceKnowsNoModelDataOrUi() {
        noClasses().that().resideInAPackage("..divergence..")
                .should().dependOnClassesThat().resideInAnyPackage("..model..", "..data..", "..training..", "..render..",
                        "..cli..", "..app..", "org.nd4j..", "javafx..")
                .check(CLASSES);
    }

    @Test
    void dataKnowsNoModelsOrUi() {
        noClasses().that().resideInAPackage("..data..")
                .should().dependOnClassesThat().resideInAnyPackage("..model..", "..training..", "..render..", "..cli..",
                        "..app..", "org.nd4j..", "javafx..")
                .check(CLASSES);
    }

    @Test
    void modelKnowsNoDataSourcesOrTraining() {
        noClasses().that().resideInAPackage("..model..")
                .should().dependOnClassesThat().resideInAnyPackage("..data..", "..training..", "..cli..", "..app..", "javafx..")
                .check(CLASSES);
    }

    @Test
    void renderImportsNoNd4jNorJavaFx() {
        noClasses().that().resideInAPackage("..render..")
                .should().dependOnClassesThat().resideInAnyPackage("org.nd4j..", "..model..", "..training..", "..cli..", "javafx..")
                .check(CLASSES);
    }

    @Test
    void onlyTheAppUsesJavaFx() {
        noClasses().that().resideOutsideOfPackage("..app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..",
                        "org.jfree.chart.fx..")
                .check(CLASSES);
    }

    @Test
    void appLeavesNumericsToTheLibrary() {
        noClasses().that().resideInAPackage("..app..")
                .should().dependOnClassesThat().resideInAnyPackage("org.nd4j..", "org.bytedeco..", "..cli..")
                .check(CLASSES);
    }

    @Test
    void libraryKnowsNoApp() {
        noClasses().that().resideInAnyPackage("..divergence..", "..data..", "..model..", "..training..", "..render..",
                        "..evaluation..", "..backend..", "..common..", "..cli..")
                .should().dependOnClassesThat().resideInAPackage("..app..")
                .check(CLASSES);
    }

    @Test
    void onlyTheCommandLineUsesPicocli() {
        noClasses().that().resideOutsideOfPackage("..cli..")
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .check(CLASSES);
    }
}
