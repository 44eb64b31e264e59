package org.dnw.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules of HOUSE_STYLE.md: what each layer may import, and no cycles. */
class LayerRulesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.dnw");
    }

    @Test
    void specDependsOnlyOnTheJdkAndJackson() {
        onlyOn("spec", "java..", "com.fasterxml.jackson..");
    }

    @Test
    void dataDependsOnlyOnSpecAndFileLibraries() {
        onlyOn(
                "data",
                "java..",
                "javax.imageio..",
                "javax.annotation..",
                "org.dnw.spec..",
                "org.apache.commons.compress..",
                "org.slf4j..",
                "org.dnw.data..");
    }

    @Test
    void evalDependsOnlyOnSpec() {
        onlyOn("eval", "java..", "org.dnw.spec..");
    }

    @Test
    void figuresDependOnlyOnSpecEvalAndData() {
        onlyOn(
                "figures",
                "java..",
                "javax.imageio..",
                "org.dnw.spec..",
                "org.dnw.eval..",
                "org.dnw.data..");
    }

    @Test
    void coreNeverTouchesJavaFx() {
        ArchRule rule =
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
                                "org.dnw.runs..",
                                "org.dnw.cli..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage("javafx..", "org.dnw.ui..", "org.dnw.app..");
        rule.check(classes);
    }

    @Test
    void onlyEngineAndAppTouchDjl() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "org.dnw.spec..",
                        "org.dnw.train..",
                        "org.dnw.data..",
                        "org.dnw.eval..",
                        "org.dnw.figures..",
                        "org.dnw.store..",
                        "org.dnw.runs..",
                        "org.dnw.ui..",
                        "org.dnw.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("ai.djl..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void uiNeverUsesTheEngine() {
        noClasses()
                .that()
                .resideInAPackage("org.dnw.ui..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.dnw.engine..", "org.dnw.cli..", "org.dnw.app..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void lowerLayersDoNotImportUpperOnes() {
        noClasses()
                .that()
                .resideInAPackage("org.dnw.engine..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.dnw.store..")
                .allowEmptyShould(true)
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("org.dnw.train..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.dnw.store..", "org.dnw.engine..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void nothingBelowRunsImportsThem() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "org.dnw.spec..",
                        "org.dnw.data..",
                        "org.dnw.eval..",
                        "org.dnw.engine..",
                        "org.dnw.train..",
                        "org.dnw.figures..",
                        "org.dnw.store..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.dnw.runs..")
                .check(classes);
    }

    @Test
    void runsDependOnlyOnTheCoreAndTheStore() {
        onlyOn(
                "runs",
                "java..",
                "org.dnw.spec..",
                "org.dnw.data..",
                "org.dnw.eval..",
                "org.dnw.train..",
                "org.dnw.store..");
    }

    @Test
    void nothingImportsTheApplicationOrTheUserInterfaces() {
        noClasses()
                .that()
                .resideOutsideOfPackages("org.dnw.app..", "org.dnw.ui..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.dnw.app..", "org.dnw.ui..")
                .check(classes);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.dnw.(*)..").should().beFreeOfCycles().check(classes);
    }

    private static void onlyOn(String pkg, String... allowed) {
        String[] all = new String[allowed.length + 1];
        System.arraycopy(allowed, 0, all, 0, allowed.length);
        all[allowed.length] = "org.dnw." + pkg + "..";
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that()
                .resideInAPackage("org.dnw." + pkg + "..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(all)
                .check(classes);
    }
}
