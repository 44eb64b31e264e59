package org.dnw.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    // Four classes: class 2 is present but never predicted, class 3 is predicted but never present.
    static final int[] ACTUAL = {0, 0, 0, 1, 1, 2, 2, 0};
    static final int[] PREDICTED = {0, 0, 1, 1, 3, 0, 1, 3};

    @Test
    void countsRowsAsTrueClassAndColumnsAsPrediction() {
        ConfusionMatrix m = ConfusionMatrix.of(ACTUAL, PREDICTED, 4);

        assertThat(m.counts())
                .isDeepEqualTo(
                        new long[][] {
                            {2, 1, 0, 1},
                            {0, 1, 0, 1},
                            {1, 1, 0, 0},
                            {0, 0, 0, 0}
                        });
        assertThat(m.classCount()).isEqualTo(4);
        assertThat(m.total()).isEqualTo(8);
        assertThat(m.count(2, 0)).isEqualTo(1);
        assertThat(m.count(0, 2)).isZero();
    }

    @Test
    void orientationIsActualThenPredicted() {
        ConfusionMatrix m = ConfusionMatrix.of(new int[] {0}, new int[] {1}, 2);

        assertThat(m.count(0, 1)).isEqualTo(1);
        assertThat(m.count(1, 0)).isZero();
        assertThat(m.support(0)).isEqualTo(1);
        assertThat(m.predictedCount(1)).isEqualTo(1);
    }

    @Test
    void supportIsRowSumAndPredictedCountIsColumnSum() {
        ConfusionMatrix m = ConfusionMatrix.of(ACTUAL, PREDICTED, 4);

        assertThat(new long[] {m.support(0), m.support(1), m.support(2), m.support(3)})
                .containsExactly(4, 2, 2, 0);
        assertThat(
                        new long[] {
                            m.predictedCount(0),
                            m.predictedCount(1),
                            m.predictedCount(2),
                            m.predictedCount(3)
                        })
                .containsExactly(3, 3, 0, 2);
    }

    @Test
    void accuracyIsTheDiagonalShare() {
        assertThat(ConfusionMatrix.of(ACTUAL, PREDICTED, 4).accuracy())
                .isCloseTo(3.0 / 8, within(1e-12));
        assertThat(ConfusionMatrix.of(new int[0], new int[0], 3).accuracy()).isZero();
    }

    @Test
    void rowSharesDivideByRowSumAndKeepEmptyRowsZero() {
        double[][] shares = ConfusionMatrix.of(ACTUAL, PREDICTED, 4).rowShares();

        assertThat(shares[0]).containsExactly(new double[] {0.5, 0.25, 0, 0.25}, within(1e-12));
        assertThat(shares[2]).containsExactly(new double[] {0.5, 0.5, 0, 0}, within(1e-12));
        assertThat(shares[3]).containsExactly(0, 0, 0, 0);
    }

    @Test
    void fromCountsCopiesItsInputAndEqualsTheSameMatrixBuiltFromLabels() {
        long[][] rows = {{2, 1, 0, 1}, {0, 1, 0, 1}, {1, 1, 0, 0}, {0, 0, 0, 0}};
        ConfusionMatrix m = ConfusionMatrix.fromCounts(rows);
        rows[0][0] = 99;
        m.counts()[1][1] = 99;

        assertThat(m.count(0, 0)).isEqualTo(2);
        assertThat(m.count(1, 1)).isEqualTo(1);
        assertThat(m).isEqualTo(ConfusionMatrix.of(ACTUAL, PREDICTED, 4));
        assertThat(m.hashCode()).isEqualTo(ConfusionMatrix.of(ACTUAL, PREDICTED, 4).hashCode());
        assertThat(m).isNotEqualTo(ConfusionMatrix.of(ACTUAL, ACTUAL, 4));
        assertThat(m.toString()).startsWith("[[2, 1, 0, 1], [0, 1, 0, 1]");
    }

    @Test
    void rejectsMismatchedLengthsAndLabelsOutOfRange() {
        assertThatThrownBy(() -> ConfusionMatrix.of(new int[] {0, 1}, new int[] {0}, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("2 true labels but 1 predictions");
        assertThatThrownBy(() -> ConfusionMatrix.of(new int[] {0, 2}, new int[] {0, 1}, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("true label 2 of sample 1 is outside 0..1");
        assertThatThrownBy(() -> ConfusionMatrix.of(new int[] {0, 1}, new int[] {-1, 1}, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("prediction -1 of sample 0 is outside 0..1");
        assertThatThrownBy(() -> ConfusionMatrix.of(new int[0], new int[0], 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1 class");
    }

    @Test
    void fromCountsRejectsNonSquareEmptyAndNegativeCounts() {
        assertThatThrownBy(() -> ConfusionMatrix.fromCounts(new long[][] {{1, 2}, {3}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 1 has 1 counts for 2 classes");
        assertThatThrownBy(() -> ConfusionMatrix.fromCounts(new long[0][]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConfusionMatrix.fromCounts(new long[][] {{1, -2}, {0, 0}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
    }
}
