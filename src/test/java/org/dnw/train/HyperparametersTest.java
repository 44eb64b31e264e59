package org.dnw.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HyperparametersTest {

    private final Hyperparameters base =
            Hyperparameters.defaults().withLearningRate(0.1).withEpochCount(4);

    @Test
    void theDefaultsAreAdamAtOneInAThousandWithACosineSchedule() {
        Hyperparameters d = Hyperparameters.defaults();
        assertThat(d.optimizer()).isEqualTo(OptimizerKind.ADAM);
        assertThat(d.learningRate()).isEqualTo(1e-3);
        assertThat(d.schedule()).isEqualTo(ScheduleKind.COSINE);
        assertThat(d.batchSize()).isEqualTo(64);
        assertThat(d.validationShare()).isEqualTo(0.1);
        assertThat(d.problems()).isEmpty();
    }

    @Test
    void schedulesGiveTheRatePerEpoch() {
        Hyperparameters fixed = base.withSchedule(ScheduleKind.FIXED);
        assertThat(fixed.learningRateAt(3)).isEqualTo(0.1);

        Hyperparameters step = base.withSchedule(ScheduleKind.STEP).withStepEpochs(2);
        assertThat(step.learningRateAt(1)).isCloseTo(0.1, within(1e-12));
        assertThat(step.learningRateAt(2)).isCloseTo(0.01, within(1e-12));

        Hyperparameters cosine = base.withSchedule(ScheduleKind.COSINE);
        assertThat(cosine.learningRateAt(0)).isCloseTo(0.1, within(1e-12));
        assertThat(cosine.learningRateAt(2)).isCloseTo(0.05, within(1e-12));
        assertThat(cosine.learningRateAt(3))
                .isCloseTo(0.1 * (1 + Math.cos(0.75 * Math.PI)) / 2, within(1e-12));

        Hyperparameters decay = base.withSchedule(ScheduleKind.DECAY).withDecayRate(0.01);
        assertThat(decay.learningRateAt(10)).isCloseTo(0.1 / 1.1, within(1e-12));
    }

    @Test
    void outOfRangeValuesAreSentences() {
        assertThat(base.withBatchSize(0).problems())
                .containsExactly("the batch size must be at least 1");
        assertThat(base.withLearningRate(Double.NaN).problems()).hasSize(1);
        assertThat(base.withValidationShare(0.95).problems()).hasSize(1);
    }

    @Test
    void patienceIsOffByDefaultAndNeedsAValidationSet() {
        assertThat(Hyperparameters.defaults().patience()).isZero();
        assertThat(base.withPatience(3).problems()).isEmpty();
        assertThat(base.withPatience(3).withEpochCount(9).patience()).isEqualTo(3);
        assertThat(base.withPatience(-1).problems())
                .containsExactly("the patience cannot be negative (0 trains every epoch)");
        assertThat(base.withValidationShare(0).withPatience(2).problems())
                .containsExactly(
                        "stopping early needs a validation set: set a validation share above 0,"
                                + " or patience 0");
        assertThat(base.withValidationShare(0).problems()).isEmpty();
    }

    @Test
    void ratesPrintAsAStudentReadsThem() {
        assertThat(Hyperparameters.formatRate(0.001)).isEqualTo("0.001");
        assertThat(Hyperparameters.formatRate(3e-4)).isEqualTo("3e-4");
        assertThat(Hyperparameters.formatRate(0.1)).isEqualTo("0.1");
        assertThat(Hyperparameters.formatRate(1.5e-5)).isEqualTo("1.5e-5");
        assertThat(Hyperparameters.formatRate(1e6)).isEqualTo("1e6");
    }
}
