package org.dnw.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house rules of HOUSE_STYLE.md that are not about layers: view-models never see a node, the
 * terminal belongs to the command line, and DJL stays in its engine.
 */
class CodingRulesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.dnw");
    }

    @Test
    void viewModelsNeverTouchTheSceneGraphOrAStage() {
        noClasses()
                .that(declaredIn("a view-model", name -> name.endsWith("ViewModel")))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .because("a view-model is a plain class of properties, tested without a toolkit")
                .check(classes);
    }

    /**
     * Standard output and error belong to the command line; everything else logs through SLF4J. The
     * one exception is {@code org.dnw.app.Console}: the window's usage text, why it cannot start,
     * and the results of its {@code --benchmark} and {@code --screenshot} modes are the output of
     * those modes, read by people and scripts without a log prefix.
     */
    @Test
    void onlyTheCommandLineWritesToTheTerminal() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.dnw.cli..")
                .and(
                        declaredIn(
                                "not the window's console",
                                name -> !name.equals("org.dnw.app.Console")))
                .should()
                .accessField(System.class, "out")
                .orShould()
                .accessField(System.class, "err")
                .because("the command line owns the terminal; the rest logs through SLF4J")
                .check(classes);
    }

    /**
     * DJL only in its engine package: the DJL engine ({@code engine.djl}) and the engine's shared
     * DJL boundary ({@code engine}: block factory, engine start-up, loaded networks, downloads).
     * The from-scratch engine beside it never touches DJL ({@code ScratchRulesTest}).
     */
    @Test
    void onlyTheEngineUsesDjl() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.dnw.engine..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("ai.djl..")
                .check(classes);
    }

    /** Classes whose top-level class (nested and anonymous classes included) matches. */
    private static DescribedPredicate<JavaClass> declaredIn(
            String description, java.util.function.Predicate<String> topLevelName) {
        return DescribedPredicate.describe(
                description,
                c -> {
                    String name = c.getName();
                    int nested = name.indexOf('$');
                    return topLevelName.test(nested < 0 ? name : name.substring(0, nested));
                });
    }
}
