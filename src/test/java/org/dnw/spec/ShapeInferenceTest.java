package org.dnw.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShapeInferenceTest {

    private static final Shape MNIST = Shape.image(1, 28, 28);

    @Test
    void seedCnnShapesParametersAndMultiplyAddsMatchHandComputedValues() {
        NetworkAnalysis a = Presets.load("seed-cnn").analyse();

        assertThat(a.problems()).isEmpty();
        assertThat(a.layers())
                .extracting(l -> l.output().toString())
                .containsExactly(
                        "32 × 28 × 28",
                        "32 × 28 × 28",
                        "32 × 14 × 14",
                        "64 × 14 × 14",
                        "64 × 14 × 14",
                        "64 × 7 × 7",
                        "3136",
                        "1024",
                        "1024",
                        "10");
        // conv1: 32·(1·5·5) + 32; conv2: 64·(32·5·5) + 64; dense: 3136·1024 + 1024; out: 1024·10 +
        // 10
        assertThat(a.layers().get(0).parameterCount()).isEqualTo(832);
        assertThat(a.layers().get(3).parameterCount()).isEqualTo(51_264);
        assertThat(a.layers().get(7).parameterCount()).isEqualTo(3_212_288);
        assertThat(a.layers().get(9).parameterCount()).isEqualTo(10_250);
        assertThat(a.totalParameters()).isEqualTo(832 + 51_264 + 3_212_288 + 10_250);
        // conv1 MACs: 28·28 outputs · 32 filters · 25
        assertThat(a.layers().get(0).multiplyAdds()).isEqualTo(28L * 28 * 32 * 25);
        assertThat(a.layers().get(3).multiplyAdds()).isEqualTo(14L * 14 * 64 * 32 * 25);
        assertThat(a.layers().get(7).multiplyAdds()).isEqualTo(3136L * 1024);
    }

    @Test
    void validPaddingStrideAndExplicitPaddingFollowTheFloorFormula() {
        assertThat(outputOf(Conv2dSpec.of(8, 5, 1, Padding.VALID))).isEqualTo("8 × 24 × 24");
        assertThat(outputOf(Conv2dSpec.of(8, 5, 2, Padding.VALID))).isEqualTo("8 × 12 × 12");
        assertThat(outputOf(Conv2dSpec.of(8, 3, 3, Padding.explicit(1)))).isEqualTo("8 × 10 × 10");
        assertThat(outputOf(Conv2dSpec.of(8, 5, 2, Padding.SAME))).isEqualTo("8 × 14 × 14");
        assertThat(outputOf(new Conv2dSpec(4, 3, 5, 1, Padding.VALID, false)))
                .isEqualTo("4 × 26 × 24");
        assertThat(outputOf(Pool2dSpec.average(3, 2))).isEqualTo("1 × 13 × 13");
    }

    @Test
    void evenKernelWithSamePaddingWarnsThatTheSizeChanges() {
        NetworkAnalysis a = net(Conv2dSpec.of(8, 4, 1, Padding.SAME)).analyse();

        assertThat(a.layers().get(0).output().toString()).isEqualTo("8 × 27 × 27");
        assertThat(a.isValid()).isTrue();
        assertThat(a.problemsAt(1))
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.severity()).isEqualTo(Problem.Severity.WARNING);
                            assertThat(p.message())
                                    .startsWith("layer 1: padding 'same' with an even kernel");
                        });
    }

    @Test
    void kernelLargerThanItsInputIsAnErrorThatSaysWhatToDo() {
        ModelSpec spec =
                new ModelSpec(
                        "t",
                        MNIST,
                        List.of(
                                Pool2dSpec.max(2, 2),
                                Pool2dSpec.max(2, 2),
                                Pool2dSpec.max(2, 2),
                                Conv2dSpec.of(4, 5, 1, Padding.VALID),
                                new FlattenSpec(),
                                OutputSpec.softmax(10)));

        NetworkAnalysis a = spec.analyse();

        assertThat(a.isValid()).isFalse();
        assertThat(a.errors())
                .singleElement()
                .extracting(Problem::message)
                .isEqualTo(
                        "layer 4: a 5×5 kernel does not fit a 3×3 input — use padding 'same' or a"
                                + " smaller kernel");
        assertThat(a.layers()).hasSize(3);
    }

    @Test
    void denseOnAnImageAsksForAFlattenLayer() {
        NetworkAnalysis a =
                new ModelSpec("t", MNIST, List.of(DenseSpec.of(10), OutputSpec.softmax(10)))
                        .analyse();

        assertThat(a.errors())
                .extracting(Problem::message)
                .containsExactly(
                        "layer 1: a dense layer needs a flat input, but it gets an image of 1 × 28 ×"
                                + " 28 — add a Flatten layer before it");
    }

    @Test
    void convolutionAfterFlattenAndPoolingOnVectorsAreErrors() {
        assertThat(
                        new ModelSpec(
                                        "t",
                                        MNIST,
                                        List.of(
                                                new FlattenSpec(),
                                                Conv2dSpec.of(4, 3, 1, Padding.SAME),
                                                OutputSpec.softmax(10)))
                                .analyse()
                                .errors())
                .extracting(Problem::position)
                .containsExactly(2);
        assertThat(
                        new ModelSpec(
                                        "t",
                                        Shape.flat(7),
                                        List.of(Pool2dSpec.max(2, 2), OutputSpec.softmax(3)))
                                .analyse()
                                .errors())
                .extracting(Problem::position)
                .containsExactly(1);
    }

    @Test
    void missingOrMisplacedOutputAndBadDropoutAreReported() {
        assertThat(new ModelSpec("t", MNIST, List.of()).analyse().isValid()).isFalse();
        assertThat(
                        new ModelSpec("t", MNIST, List.of(new FlattenSpec(), DenseSpec.of(5)))
                                .analyse()
                                .errors())
                .extracting(Problem::message)
                .containsExactly(
                        "the network does not end with an output layer — add one after layer 2");
        assertThat(
                        new ModelSpec(
                                        "t",
                                        MNIST,
                                        List.of(
                                                new FlattenSpec(),
                                                OutputSpec.softmax(10),
                                                DenseSpec.of(3)))
                                .analyse()
                                .errors())
                .extracting(Problem::position)
                .contains(2);
        assertThat(
                        new ModelSpec(
                                        "t",
                                        MNIST,
                                        List.of(
                                                new FlattenSpec(),
                                                new DropoutSpec(1.0),
                                                OutputSpec.softmax(10)))
                                .analyse()
                                .errors())
                .extracting(Problem::position)
                .containsExactly(2);
    }

    @Test
    void sigmoidOutputHasOneUnitAndNeedsTwoClasses() {
        ModelSpec twoDigits =
                new ModelSpec(
                        "t",
                        MNIST,
                        List.of(
                                new FlattenSpec(),
                                new OutputSpec(2, OutputActivation.SIGMOID, true)));
        assertThat(twoDigits.analyse().outputShape())
                .hasValueSatisfying(s -> assertThat(s.size()).isEqualTo(1));
        assertThat(twoDigits.analyse().totalParameters()).isEqualTo(785);
        assertThat(
                        twoDigits
                                .withLayer(1, new OutputSpec(3, OutputActivation.SIGMOID, true))
                                .analyse()
                                .isValid())
                .isFalse();
    }

    @Test
    void batchNormCountsScaleAndShiftPerChannel() {
        NetworkAnalysis a =
                new ModelSpec(
                                "t",
                                Shape.image(3, 32, 32),
                                List.of(
                                        Conv2dSpec.of(16, 3, 1, Padding.SAME),
                                        new BatchNormSpec(),
                                        new FlattenSpec(),
                                        OutputSpec.softmax(10)))
                        .analyse();
        assertThat(a.layers().get(1).parameterCount()).isEqualTo(32);
        assertThat(a.layers().get(0).parameterCount()).isEqualTo(16 * 3 * 9 + 16);
    }

    @Test
    void batchNormOnAFlatVectorCountsScaleAndShiftPerFeature() {
        NetworkAnalysis a =
                new ModelSpec(
                                "t",
                                Shape.flat(7),
                                List.of(
                                        new DenseSpec(20, true),
                                        new BatchNormSpec(),
                                        OutputSpec.softmax(3)))
                        .analyse();
        assertThat(a.layers().get(1).parameterCount()).isEqualTo(40);
    }

    @Test
    void adaptToChangesInputAndSoftmaxClasses() {
        ModelSpec cifar = Presets.load("seed-cnn").adaptTo(Shape.image(3, 32, 32), 10);
        NetworkAnalysis a = cifar.analyse();
        assertThat(a.isValid()).isTrue();
        assertThat(a.layers().get(0).parameterCount()).isEqualTo(32 * 3 * 25 + 32);
        assertThat(a.layers().get(6).output().toString()).isEqualTo("4096");

        ModelSpec seeds = Presets.load("mlp").adaptTo(Shape.flat(7), 3);
        assertThat(seeds.analyse().problems())
                .extracting(Problem::severity)
                .containsOnly(Problem.Severity.WARNING);
        assertThat(seeds.output().classes()).isEqualTo(3);
    }

    @Test
    void everyPresetIsValidOnItsOwnInput() {
        for (String name : Presets.NAMES) {
            NetworkAnalysis a = Presets.load(name).analyse();
            assertThat(a.isValid()).as(name + ": " + a.problems()).isTrue();
        }
    }

    @Test
    void memoryEstimateGrowsWithTheBatch() {
        NetworkAnalysis a = Presets.load("seed-cnn").analyse();
        assertThat(a.estimatedTrainingBytes(128)).isGreaterThan(a.estimatedTrainingBytes(64));
        assertThat(a.estimatedTrainingBytes(1)).isGreaterThan(16L * a.totalParameters());
    }

    private static String outputOf(LayerSpec layer) {
        return net(layer).analyse().layers().get(0).output().toString();
    }

    private static ModelSpec net(LayerSpec layer) {
        return new ModelSpec("t", MNIST, List.of(layer, new FlattenSpec(), OutputSpec.softmax(10)));
    }
}
