package org.dnw.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The memory check of a training step, against a given amount of memory. */
class TrainingMemoryTest {

    private static final long GB = 1_000_000_000L;

    /** 2^20 dense units on 2,000 features: 2.1 billion parameters, each layer within limits. */
    private static NetworkAnalysis absurd() {
        return new ModelSpec(
                        "absurd",
                        Shape.flat(2000),
                        List.of(DenseSpec.of(1 << 20), OutputSpec.softmax(10)))
                .analyse();
    }

    @Test
    void theEstimateCountsParametersFourTimesAndActivationsTwicePerSample() {
        NetworkAnalysis a =
                new ModelSpec("small", Shape.flat(4), List.of(OutputSpec.softmax(3))).analyse();
        // 15 parameters × 4 values × 4 bytes; (4 inputs + 3 outputs) × 2 × 4 bytes × 10 samples
        assertThat(a.estimatedParameterBytes()).isEqualTo(15 * 16);
        assertThat(a.estimatedActivationBytes(10)).isEqualTo(7 * 8 * 10);
        assertThat(a.estimatedTrainingBytes(10)).isEqualTo(15 * 16 + 7 * 8 * 10);
    }

    @Test
    void aNetworkLargerThanTheMemoryIsRefusedWithBothSizes() {
        NetworkAnalysis a = absurd();
        assertThat(a.isValid()).isTrue();

        var problem = TrainingMemory.check(a, 64, 8 * GB);

        assertThat(problem).isPresent();
        assertThat(problem.get().isError()).isTrue();
        assertThat(problem.get().position()).isZero();
        assertThat(problem.get().message())
                .startsWith(
                        "training needs about 34.3 GB of memory with batch 64 (33.7 GB for"
                                + " 2,108,686,346 parameters with their gradients and Adam state,"
                                + " 538 MB for the activations)")
                .contains("but only 8.0 GB is available (at most 90 % of it is used)")
                .contains("use a smaller batch");
    }

    @Test
    void aNetworkThatFitsOrAnUnknownAmountOfMemoryPasses() {
        NetworkAnalysis a = absurd();
        assertThat(TrainingMemory.check(a, 64, 1_000 * GB)).isEmpty();
        assertThat(TrainingMemory.check(a, 64, 0)).isEmpty();
        NetworkAnalysis seed = Presets.load("seed-cnn").analyse();
        assertThat(TrainingMemory.check(seed, 64, 2 * GB)).isEmpty();
    }

    @Test
    void theMarginLeavesATenthOfTheMemoryFree() {
        NetworkAnalysis a = absurd();
        long needed = a.estimatedTrainingBytes(1);
        assertThat(TrainingMemory.check(a, 1, needed)).isPresent();
        assertThat(TrainingMemory.check(a, 1, needed / 90 * 100 + 100)).isEmpty();
    }

    @Test
    void sizesReadAsAStudentWould() {
        assertThat(TrainingMemory.bytes(512)).isEqualTo("1 MB");
        assertThat(TrainingMemory.bytes(812_000_000)).isEqualTo("812 MB");
        assertThat(TrainingMemory.bytes(3_400_000_000L)).isEqualTo("3.4 GB");
        assertThat(TrainingMemory.bytes(2_500_000_000_000L)).isEqualTo("2.5 TB");
        assertThat(TrainingMemory.bytes(Long.MAX_VALUE)).isEqualTo("more than 9 exabytes");
    }
}
