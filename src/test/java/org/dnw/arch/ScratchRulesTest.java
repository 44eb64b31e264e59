package org.dnw.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The from-scratch engine is plain Java: {@code org.dnw.engine.scratch} never touches DJL or the
 * DJL boundary ({@code org.dnw.engine}), so it builds, runs and can be read without them.
 */
class ScratchRulesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.dnw");
    }

    @Test
    void scratchEngineUsesNeitherDjlNorTheEngine() {
        noClasses()
                .that()
                .resideInAPackage("org.dnw.engine.scratch..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("ai.djl..", "org.dnw.engine", "org.dnw.engine.djl..")
                .check(classes);
    }

    @Test
    void scratchEngineDependsOnlyOnTheJdkAndTheCore() {
        classes()
                .that()
                .resideInAPackage("org.dnw.engine.scratch..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java..",
                        "org.dnw.spec..",
                        "org.dnw.data..",
                        "org.dnw.eval..",
                        "org.dnw.train..",
                        "org.dnw.engine.scratch..",
                        "org.slf4j..")
                .check(classes);
    }
}
