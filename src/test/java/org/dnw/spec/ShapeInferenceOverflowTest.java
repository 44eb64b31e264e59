package org.dnw.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Settings so large that int arithmetic would wrap: each is refused for what it is, and no size,
 * parameter count or multiply-add count ever turns negative.
 */
class ShapeInferenceOverflowTest {

    private static NetworkAnalysis analyse(Shape input, LayerSpec... layers) {
        return new ModelSpec("big", input, List.of(layers)).analyse();
    }

    @Test
    void hugePaddingIsRefusedForItsSizeNotAsAKernelThatDoesNotFit() {
        NetworkAnalysis a =
                analyse(
                        Shape.image(1, 28, 28),
                        new Conv2dSpec(4, 5, 5, 1, Padding.explicit(1_500_000_000), true),
                        new FlattenSpec(),
                        OutputSpec.softmax(10));

        assertThat(a.isValid()).isFalse();
        assertThat(a.errors()).hasSize(1);
        assertThat(a.errors().get(0).message())
                .isEqualTo(
                        "layer 1: padding 1,500,000,000 on each side makes the output"
                                + " 3,000,000,024 × 3,000,000,024 pixels, more than a layer can"
                                + " hold — padding beyond the kernel size minus 1 (4) only adds"
                                + " zeros");
    }

    @Test
    void paddingNotSmallerThanTheKernelIsAWarning() {
        NetworkAnalysis a =
                analyse(
                        Shape.image(1, 8, 8),
                        new Conv2dSpec(2, 3, 3, 1, Padding.explicit(3), true),
                        new FlattenSpec(),
                        OutputSpec.softmax(2));

        assertThat(a.isValid()).isTrue();
        assertThat(a.problemsAt(1))
                .extracting(Problem::message)
                .anyMatch(m -> m.contains("see only zeros"));
        assertThat(a.layers().get(0).output()).isEqualTo(Shape.image(2, 12, 12));
    }

    @Test
    void theMostFiltersAnIntHoldsAreRefusedAsTooLargeAnOutput() {
        NetworkAnalysis a =
                analyse(
                        Shape.image(1, 28, 28),
                        new Conv2dSpec(Integer.MAX_VALUE, 5, 5, 1, Padding.SAME, true),
                        new FlattenSpec(),
                        OutputSpec.softmax(10));

        assertThat(a.errors())
                .extracting(Problem::message)
                .containsExactly(
                        "layer 1: its output 2147483647 × 28 × 28 has 1,683,627,179,248 values per"
                                + " sample, more than the 2,147,483,647 a layer can hold — use"
                                + " fewer filters or a smaller input");
        assertThat(a.totalParameters()).isNotNegative();
    }

    @Test
    void aConvolutionWithTooManyWeightsIsRefusedForItsParameters() {
        // 1 × 1 output, but 65,536 filters × 65,536 channels × 1 weights
        NetworkAnalysis a =
                analyse(
                        Shape.image(65_536, 1, 1),
                        new Conv2dSpec(65_536, 1, 1, 1, Padding.VALID, false),
                        new FlattenSpec(),
                        OutputSpec.softmax(2));

        assertThat(a.errors())
                .extracting(Problem::message)
                .containsExactly(
                        "layer 1: it would have 4,294,967,296 parameters, more than the"
                                + " 2,147,483,647 one layer can hold — use fewer filters or a"
                                + " smaller input");
    }

    @Test
    void aDenseLayerWhoseWeightsOverflowAnIntIsRefused() {
        NetworkAnalysis a =
                analyse(Shape.flat(100_000), DenseSpec.of(100_000), OutputSpec.softmax(2));

        assertThat(a.errors())
                .extracting(Problem::message)
                .containsExactly(
                        "layer 1: it would have 10,000,100,000 parameters, more than the"
                                + " 2,147,483,647 one layer can hold — use fewer units or a"
                                + " smaller input (e.g. pool before Flatten)");
    }

    @Test
    void anInputOfThreeHugeDimensionsIsRefusedAndItsSizeSaturates() {
        Shape huge = Shape.image(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);
        assertThat(huge.size()).isEqualTo(Long.MAX_VALUE);

        NetworkAnalysis a = analyse(huge, new FlattenSpec(), OutputSpec.softmax(2));

        assertThat(a.errors())
                .extracting(Problem::message)
                .containsExactly(
                        "the input shape 2147483647 × 2147483647 × 2147483647 has more than 9"
                                + " quintillion values per sample, more than the 2,147,483,647 a"
                                + " layer can hold");
    }

    @Test
    void totalsAndTheMemoryEstimateSaturateInsteadOfWrapping() {
        // every layer within the limits, but the sums and the batch product are huge
        NetworkAnalysis a =
                analyse(
                        Shape.flat(46_000),
                        DenseSpec.of(46_000),
                        DenseSpec.of(46_000),
                        OutputSpec.softmax(2));
        assertThat(a.isValid()).isTrue();
        assertThat(a.totalParameters()).isEqualTo(2 * (46_000L * 46_000 + 46_000) + 92_002);
        assertThat(a.estimatedTrainingBytes(Integer.MAX_VALUE)).isPositive();
        assertThat(a.estimatedTrainingBytes(Integer.MAX_VALUE))
                .isGreaterThan(a.estimatedTrainingBytes(64));
        assertThat(ShapeInference.times(Long.MAX_VALUE / 2, 3)).isEqualTo(Long.MAX_VALUE);
        assertThat(ShapeInference.plus(Long.MAX_VALUE, 1)).isEqualTo(Long.MAX_VALUE);
    }
}
