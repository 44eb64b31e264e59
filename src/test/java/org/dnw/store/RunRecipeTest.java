package org.dnw.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dnw.data.AugmentationSpec;
import org.dnw.train.EngineKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRecipeTest {

    @TempDir Path dir;

    @Test
    void aRecipeRoundTripsWithEverythingThatRebuildsTheRequest() throws Exception {
        RunRecipe recipe =
                new RunRecipe(
                        RunRecipe.FORMAT_VERSION,
                        "tiny run/1",
                        new RunRecipe.DataReference("/data/table.csv", "species", 500),
                        FakeRun.spec(),
                        FakeRun.hyperparameters().withPatience(3),
                        AugmentationSpec.NONE
                                .withMaxShiftPixels(2)
                                .withProbability(0.5)
                                .withFlipProbability(0.5),
                        EngineKind.SCRATCH,
                        25);
        recipe.writeTo(dir);

        assertThat(RunRecipe.readFrom(dir)).contains(recipe);
    }

    @Test
    void aRecipeWrittenBeforeTheFlipExistedStillReadsWithTheFlipOff() throws Exception {
        RunRecipe recipe =
                new RunRecipe(
                        RunRecipe.FORMAT_VERSION,
                        "old run",
                        new RunRecipe.DataReference("mnist-sample", null, null),
                        FakeRun.spec(),
                        FakeRun.hyperparameters(),
                        AugmentationSpec.NONE.withMaxShiftPixels(2).withErasingProbability(0.5),
                        EngineKind.DJL,
                        0);
        recipe.writeTo(dir);
        // The augmentation exactly as the workbench wrote it before the flip: no flipProbability.
        String old =
                """
                {
                  "gaussianNoiseSigma" : 0.0,
                  "saltPepperShare" : 0.0,
                  "blurSigma" : 0.0,
                  "maxShiftPixels" : 2,
                  "maxRotationDegrees" : 0.0,
                  "brightnessDelta" : 0.0,
                  "contrastDelta" : 0.0,
                  "erasingProbability" : 0.5,
                  "probability" : 1.0
                }""";
        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode) json.readTree(dir.resolve(RunRecipe.FILE).toFile());
        assertThat(tree.get("augmentation").has("flipProbability")).isTrue();
        tree.set("augmentation", json.readTree(old));
        Files.writeString(dir.resolve(RunRecipe.FILE), json.writeValueAsString(tree));

        RunRecipe read = RunRecipe.readFrom(dir).orElseThrow();
        assertThat(read.augmentation().flipProbability()).isZero();
        assertThat(read).isEqualTo(recipe);
    }

    @Test
    void noRecipeIsEmptyAndABrokenOneNamesItsFile() throws Exception {
        assertThat(RunRecipe.readFrom(dir)).isEmpty();

        Files.writeString(dir.resolve(RunRecipe.FILE), "{\"formatVersion\": 1, \"spec\": ");
        assertThatThrownBy(() -> RunRecipe.readFrom(dir))
                .isInstanceOf(RunFormatException.class)
                .hasMessageContaining(RunRecipe.FILE);

        Files.writeString(dir.resolve(RunRecipe.FILE), "{\"formatVersion\": 99}");
        assertThatThrownBy(() -> RunRecipe.readFrom(dir))
                .isInstanceOf(RunFormatException.class)
                .hasMessageContaining("newer version");
    }
}
