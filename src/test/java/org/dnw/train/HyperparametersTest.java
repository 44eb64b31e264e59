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

    @Test
    void oneCycleFollowsPyTorchsOneCycleLrBatchByBatch() {
        // torch 1.13: OneCycleLR(SGD(lr=0.002), max_lr=0.002, total_steps=10,
        // cycle_momentum=False), the rate before each of the 10 steps
        double[] torch = {
            7.999999999999999e-05,
            0.0010400000000000001,
            0.002,
            0.0019009692640269472,
            0.001623491307899526,
            0.0012225240438725783,
            0.0007774839561274215,
            0.00037651669210047396,
            9.903873597305257e-05,
            8e-09
        };
        Hyperparameters h =
                base.withSchedule(ScheduleKind.ONE_CYCLE).withLearningRate(0.002).withEpochCount(2);
        for (int step = 0; step < torch.length; step++) {
            assertThat(h.learningRateAt(step / 5, step % 5 + 1, 5))
                    .as("step " + step)
                    .isCloseTo(torch[step], within(1e-15));
        }
        assertThat(ScheduleKind.ONE_CYCLE.perBatch()).isTrue();
        assertThat(ScheduleKind.COSINE.perBatch()).isFalse();
    }

    @Test
    void perEpochSchedulesGiveEveryBatchTheEpochsRate() {
        Hyperparameters cosine = base.withSchedule(ScheduleKind.COSINE);
        for (int batch = 1; batch <= 7; batch++) {
            assertThat(cosine.learningRateAt(2, batch, 7)).isEqualTo(cosine.learningRateAt(2));
        }
    }

    @Test
    void oneCycleOverASingleBatchStillGivesAFiniteRate() {
        Hyperparameters h = base.withSchedule(ScheduleKind.ONE_CYCLE).withEpochCount(1);
        double rate = h.learningRateAt(0, 1, 1);
        assertThat(rate).isFinite().isPositive().isLessThanOrEqualTo(0.1);
    }
}
