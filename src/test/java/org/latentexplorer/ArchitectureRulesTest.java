package org.latentexplorer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The package rules of docs/architecture.md, one rule per package: each package may use only the packages the
 * diagram draws arrows to (plus the JDK and the third-party libraries named here). Data flows one way
 * (data → training → model file → decoder → render → views), and there are no cycles between packages.
 */
class ArchitectureRulesTest {
    private static final String ROOT = "org.latentexplorer";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    /** The JDK packages every package may use (java.awt/javax.imageio for images, javax.xml/org.w3c for SVG/PNG metadata). */
    private static final String[] JDK = {"java..", "javax.imageio..", "javax.xml..", "org.w3c.."};
    private static final String ND4J = "org.nd4j..";
    private static final String JAVACPP = "org.bytedeco..";
    private static final String JFREECHART = "org.jfree.chart..";
    private static final String JFREECHART_DATA = "org.jfree.data..";
    private static final String JFREESVG = "org.jfree.svg..";

    private static String pkg(String name) {
        return name.isEmpty() ? ROOT : ROOT + "." + name + "..";
    }

    /** Classes of {@code name} (and its subpackages) depend only on themselves, {@code allowed} and the JDK. */
    private static void onlyDependOn(String name, String... allowed) {
        List<String> all = new ArrayList<>(List.of(JDK));
        all.add(pkg(name));
        for (String a : allowed) {
            all.add(a.endsWith("..") ? a : pkg(a));
        }
        classes().that().resideInAPackage(pkg(name))
                .should().onlyDependOnClassesThat().resideInAnyPackage(all.toArray(String[]::new))
                .because("docs/architecture.md allows " + name + " to use only " + String.join(", ", allowed))
                .check(CLASSES);
    }

    @Test
    void commonUsesNothingOfTheProject() {
        onlyDependOn("common");
    }

    @Test
    void latentIsTheSeamAndUsesNothing() {
        onlyDependOn("latent");
    }

    @Test
    void divergenceKnowsNoModelDataOrUi() {
        onlyDependOn("divergence", "common");
    }

    @Test
    void dataKnowsNoModelsOrUi() {
        onlyDependOn("data", "common");
    }

    @Test
    void backendOnlyProbesTheNativeLibraries() {
        // JNA for glibc's mallopt and com.sun.management for the machine's memory (NativeMemory)
        onlyDependOn("backend", "common", ND4J, JAVACPP, "com.sun.jna..", "com.sun.management..");
    }

    @Test
    void modelKnowsNoDataSourcesTrainingOrBackend() {
        onlyDependOn("model", "common", "divergence", "latent", ND4J, "com.fasterxml.jackson..");
    }

    @Test
    void trainingKnowsNoRenderingOrUi() {
        onlyDependOn("training", "backend", "common", "data", "divergence", "latent", "model", ND4J);
    }

    @Test
    void evaluationNeedsAModelAndDataButNotTheTrainer() {
        onlyDependOn("evaluation", "common", "data", "divergence", "latent", "model", ND4J);
    }

    @Test
    void teachingFiguresAreLibraryCodeWithoutNd4jOrUi() {
        onlyDependOn("teaching", "common", "data", "divergence", "latent", "model", "render.chart", "render.export", JFREESVG);
    }

    @Test
    void interopTranslatesPyTorchFilesToModelFiles() {
        onlyDependOn("interop", "backend", "common", "divergence", "model", "com.fasterxml.jackson..");
    }

    @Test
    void traversalGridsImportNoNd4jAndNoModel() {
        onlyDependOn("render.traversal", "common", "latent");
    }

    @Test
    void exportWritesFilesOfImagesAndCharts() {
        onlyDependOn("render.export", "common", "latent", "render.traversal", JFREECHART, JFREESVG);
    }

    @Test
    void chartsDrawNumbersComputedElsewhere() {
        onlyDependOn("render.chart", "common", "divergence", "evaluation", "render.export", JFREECHART, JFREECHART_DATA);
    }

    @Test
    void theSparkRunnerRunsCommandLinesAndNothingElse() {
        onlyDependOn("cluster", "backend", "cli", "common", ND4J, "org.apache.spark..", "scala..");
    }

    @Test
    void onlyTheSparkRunnerUsesSpark() {
        noClasses().that().resideOutsideOfPackage(pkg("cluster"))
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..")
                .because("Spark is provided by a cluster, not shipped: the app and the other commands must run without it")
                .check(CLASSES);
    }

    @Test
    void sweepsTrainEvaluateAndReportThroughTheLibrary() {
        onlyDependOn("sweep", "backend", "common", "data", "divergence", "evaluation", "model", "training", "render.chart",
                "render.export", "com.fasterxml.jackson..", JFREECHART);
    }

    @Test
    void theCommandLineUsesTheLibraryButNotTheApp() {
        noClasses().that().resideInAPackage(pkg("cli"))
                .should().dependOnClassesThat().resideInAnyPackage(pkg("app"), "javafx..")
                .check(CLASSES);
    }

    @Test
    void appLeavesNumericsToTheLibrary() {
        noClasses().that().resideInAPackage(pkg("app"))
                .should().dependOnClassesThat().resideInAnyPackage(ND4J, JAVACPP, pkg("cli"), "picocli..")
                .check(CLASSES);
    }

    @Test
    void onlyTheAppUsesJavaFx() {
        noClasses().that().resideOutsideOfPackage(pkg("app"))
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..",
                        "org.jfree.chart.fx..")
                .check(CLASSES);
    }

    @Test
    void onlyTheCommandLineUsesPicocli() {
        noClasses().that().resideOutsideOfPackage(pkg("cli"))
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .check(CLASSES);
    }

    @Test
    void noCyclesBetweenPackages() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(CLASSES);
    }
}
