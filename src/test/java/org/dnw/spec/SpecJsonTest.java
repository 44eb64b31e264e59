package org.dnw.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecJsonTest {

    @Test
    void everyLayerTypeSurvivesAJsonRoundTrip(@TempDir Path dir) throws Exception {
        ModelSpec spec =
                new ModelSpec(
                        "all",
                        Shape.image(3, 32, 32),
                        List.of(
                                new Conv2dSpec(8, 3, 5, 2, Padding.explicit(1), false),
                                new BatchNormSpec(),
                                ActivationSpec.of(ActivationType.GELU),
                                Pool2dSpec.average(2, 2),
                                new DropoutSpec(0.25),
                                new FlattenSpec(),
                                new DenseSpec(64, false),
                                ActivationSpec.of(ActivationType.LEAKY_RELU),
                                new OutputSpec(2, OutputActivation.SIGMOID, true)));
        Path file = dir.resolve("net.json");

        SpecJson.write(spec, file);

        assertThat(SpecJson.read(file)).isEqualTo(spec);
        assertThat(Files.readString(file))
                .contains("\"type\" : \"conv2d\"")
                .doesNotContain("\"image\"");
    }

    @Test
    void garbageGivesAMessageNamingTheSource() {
        assertThatThrownBy(
                        () ->
                                SpecJson.read(
                                        "{\"name\": 3, \"layers\": [{\"type\": \"warp\"}]}",
                                        "my.json"))
                .isInstanceOf(SpecFormatException.class)
                .hasMessage("my.json: line 1, column 10: \"name\" must be text in quotes, not 3");
        assertThatThrownBy(
                        () ->
                                SpecJson.read(
                                        "{\"name\": \"n\", \"layers\": [{\"type\": \"warp\"}]}",
                                        "my.json"))
                .hasMessageStartingWith("my.json: line 1, column ")
                .hasMessageContaining("layer 1 → \"type\" 'warp' is not a layer type")
                .hasMessageContaining("conv2d, pool2d");
        assertThatThrownBy(() -> SpecJson.read("{\"name\": \"x\", \"layers\": []}", "x.json"))
                .isInstanceOf(SpecFormatException.class)
                .hasMessage("x.json: the spec has no \"input\" shape");
        assertThatThrownBy(
                        () ->
                                SpecJson.read(
                                        "{\"input\": {\"dims\": [1, 2]}, \"layers\": []}",
                                        "d.json"))
                .isInstanceOf(SpecFormatException.class)
                .hasMessageContaining("1 or 3 dimensions");
    }

    @Test
    void missingFileIsReportedNotThrownRaw(@TempDir Path dir) {
        assertThatThrownBy(() -> SpecJson.read(dir.resolve("nope.json")))
                .isInstanceOf(SpecFormatException.class)
                .hasMessage(dir.resolve("nope.json") + ": does not exist");
    }

    @Test
    void unknownPresetListsTheKnownOnes() {
        assertThatThrownBy(() -> Presets.load("resnet"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("seed-cnn, fcnet, mlp");
    }
}
