package org.dnw.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.dnw.train.TrainingEvent.TestEvaluation;
import org.junit.jupiter.api.Test;

/** Figures from probabilities, against values worked out by hand. */
class ModelEvaluationTest {

    // two samples, three classes: the first right (0.7 on class 0), the second wrong
    private final float[] p = {0.7f, 0.2f, 0.1f, 0.5f, 0.3f, 0.2f};
    private final int[] actual = {0, 2};

    @Test
    void crossEntropyIsTheMeanNegativeLogOfTheTrueClass() {
        TestEvaluation e = ModelEvaluation.of(p, actual, 3, LossKind.CROSS_ENTROPY);
        assertThat(e.accuracy()).isEqualTo(0.5);
        assertThat(e.predicted()).containsExactly(0, 0);
        assertThat(e.loss()).isCloseTo((-Math.log(0.7) - Math.log(0.2)) / 2, within(1e-6));
        assertThat(e.report().matrix().count(2, 0)).isEqualTo(1);
    }

    @Test
    void squaredErrorIsHalfTheSummedSquaresAveraged() {
        TestEvaluation e = ModelEvaluation.of(p, actual, 3, LossKind.SQUARED_ERROR);
        double first = 0.3 * 0.3 + 0.2 * 0.2 + 0.1 * 0.1;
        double second = 0.5 * 0.5 + 0.3 * 0.3 + 0.8 * 0.8;
        assertThat(e.loss()).isCloseTo(0.5 * (first + second) / 2, within(1e-6));
    }

    @Test
    void aSigmoidUnitCountsItsOneOutput() {
        float[] q = {0.2f, 0.8f, 0.9f, 0.1f};
        TestEvaluation e = ModelEvaluation.of(q, new int[] {1, 1}, 2, LossKind.SQUARED_ERROR, true);
        assertThat(e.loss()).isCloseTo(0.5 * (0.2 * 0.2 + 0.9 * 0.9) / 2, within(1e-6));
        assertThat(e.accuracy()).isEqualTo(0.5);
    }
}
