package org.dnw.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
                        AugmentationSpec.NONE.withMaxShiftPixels(2).withProbability(0.5),
                        EngineKind.SCRATCH,
                        25);
        recipe.writeTo(dir);

        assertThat(RunRecipe.readFrom(dir)).contains(recipe);
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
