package org.dnw.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report package builds documents from saved runs: it may read spec, data, eval, store and
 * train, and use the PDF and template libraries, but never JavaFX, the user interface, the engine
 * or DJL, so that both the window and the command line can call it without a display or an engine.
 */
class ReportRulesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.dnw");
    }

    @Test
    void reportUsesOnlyTheCoreThePdfLibraryAndTheJdk() {
        classes()
                .that()
                .resideInAPackage("org.dnw.report..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java..",
                        "javax.imageio..",
                        "org.dnw.report..",
                        "org.dnw.spec..",
                        "org.dnw.data..",
                        "org.dnw.eval..",
                        "org.dnw.figures..",
                        "org.dnw.store..",
                        "org.dnw.train..",
                        "com.openhtmltopdf..",
                        "com.github.mustachejava..")
                .check(classes);
    }

    @Test
    void reportNeverTouchesJavaFxTheUiTheEngineOrDjl() {
        noClasses()
                .that()
                .resideInAPackage("org.dnw.report..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "javafx..",
                        "org.dnw.ui..",
                        "org.dnw.engine..",
                        "org.dnw.app..",
                        "org.dnw.cli..",
                        "ai.djl..")
                .check(classes);
    }

    @Test
    void onlyTheWindowTheCommandLineAndTheAppUseReports() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "org.dnw.spec..",
                        "org.dnw.data..",
                        "org.dnw.engine..",
                        "org.dnw.train..",
                        "org.dnw.eval..",
                        "org.dnw.figures..",
                        "org.dnw.store..",
                        "org.dnw.runs..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.dnw.report..")
                .check(classes);
    }
}
