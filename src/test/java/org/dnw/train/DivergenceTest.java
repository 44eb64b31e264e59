package org.dnw.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one divergence rule both engines obey. */
class DivergenceTest {

    @Test
    void aNonFiniteLossDivergesWhateverTheLoss() {
        assertThat(Divergence.check(Double.NaN, 2.3, LossKind.SQUARED_ERROR, 2, 17))
                .contains("the loss became NaN at epoch 2, batch 17 — the training diverged");
        assertThat(Divergence.check(Double.POSITIVE_INFINITY, 2.3, LossKind.CROSS_ENTROPY, 1, 1))
                .contains("the loss became infinite at epoch 1, batch 1 — the training diverged");
    }

    @Test
    void aCrossEntropyLossThatExplodesDivergesWhileStillFinite() {
        // the scratch engine's run at lr 1000: 2.3 at the first batch, 6.7e11 later
        assertThat(Divergence.check(6.7e11, 2.3, LossKind.CROSS_ENTROPY, 1, 40))
                .contains(
                        "the loss exploded from 2.30 to 6.70e+11 at epoch 1, batch 40 — the"
                                + " training diverged");
        // both bounds must be passed: above 50 and above 100 × the first loss
        assertThat(Divergence.check(49.9, 0.1, LossKind.CROSS_ENTROPY, 1, 2)).isEmpty();
        assertThat(Divergence.check(229, 2.3, LossKind.CROSS_ENTROPY, 1, 2)).isEmpty();
        assertThat(Divergence.check(231, 2.3, LossKind.CROSS_ENTROPY, 1, 2)).isPresent();
        // squared error over softmax outputs is bounded by 1 and never explodes
        assertThat(Divergence.check(0.9, 0.001, LossKind.SQUARED_ERROR, 1, 2)).isEmpty();
    }

    @Test
    void theAdviceNamesTheRateAndATenthOfIt() {
        assertThat(Divergence.advice(1000))
                .isEqualTo("lower the learning rate (it was 1000), e.g. to 100, or use Adam");
    }
}
