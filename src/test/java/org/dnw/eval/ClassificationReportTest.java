package org.dnw.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Figures computed by hand from the matrix of {@link ConfusionMatrixTest}:
 *
 * <pre>
 *            predicted 0  1  2  3   support
 * actual 0            2  1  0  1     4
 * actual 1            0  1  0  1     2
 * actual 2            1  1  0  0     2   (never predicted)
 * actual 3            0  0  0  0     0   (never present, predicted twice)
 * predicted           3  3  0  2     8
 * </pre>
 *
 * class 0: P 2/3, R 1/2, F1 4/7; class 1: P 1/3, R 1/2, F1 2/5; classes 2 and 3: all 0.
 */
class ClassificationReportTest {

    static final Offset<Double> EPS = within(1e-12);

    @Test
    void perClassFiguresMatchTheHandComputedMatrix() {
        ClassificationReport r =
                ClassificationReport.of(
                        ConfusionMatrixTest.ACTUAL, ConfusionMatrixTest.PREDICTED, 4);

        assertThat(r.perClass()).hasSize(4);
        assertMetrics(r.perClass().get(0), 0, 2.0 / 3, 1.0 / 2, 4.0 / 7, 4);
        assertMetrics(r.perClass().get(1), 1, 1.0 / 3, 1.0 / 2, 2.0 / 5, 2);
        assertMetrics(r.perClass().get(2), 2, 0, 0, 0, 2);
        assertMetrics(r.perClass().get(3), 3, 0, 0, 0, 0);
        assertThat(r.accuracy()).isCloseTo(3.0 / 8, EPS);
    }

    @Test
    void classNeverPredictedHasPrecisionZeroAndStillCountsInTheAverages() {
        ClassificationReport r =
                ClassificationReport.of(
                        ConfusionMatrixTest.ACTUAL, ConfusionMatrixTest.PREDICTED, 4);

        // macro over the 4 occurring classes: P (2/3+1/3)/4, R (1/2+1/2)/4, F1 (4/7+2/5)/4
        assertMetrics(r.macro(), -1, 1.0 / 4, 1.0 / 4, 17.0 / 70, 8);
        // weighted by support 4, 2, 2, 0: P 5/12, R 3/8 (= accuracy), F1 27/70
        assertMetrics(r.weighted(), -1, 5.0 / 12, 3.0 / 8, 27.0 / 70, 8);
    }

    @Test
    void classNeitherPresentNorPredictedIsListedButLeftOutOfTheMacroAverage() {
        ClassificationReport four =
                ClassificationReport.of(
                        ConfusionMatrixTest.ACTUAL, ConfusionMatrixTest.PREDICTED, 4);
        ClassificationReport five =
                ClassificationReport.of(
                        ConfusionMatrixTest.ACTUAL, ConfusionMatrixTest.PREDICTED, 5);

        assertThat(five.perClass()).hasSize(5);
        assertMetrics(five.perClass().get(4), 4, 0, 0, 0, 0);
        assertMetrics(five.macro(), -1, 1.0 / 4, 1.0 / 4, 17.0 / 70, 8);
        assertThat(five.weighted()).isEqualTo(four.weighted());
    }

    @Test
    void perfectPredictionsGiveOneEverywhere() {
        int[] labels = {0, 1, 2, 2, 1};
        ClassificationReport r = ClassificationReport.of(labels, labels, 3);

        for (ClassMetrics c : r.perClass()) {
            assertThat(c.precision()).isEqualTo(1.0);
            assertThat(c.recall()).isEqualTo(1.0);
            assertThat(c.f1()).isEqualTo(1.0);
        }
        assertMetrics(r.macro(), -1, 1, 1, 1, 5);
        assertMetrics(r.weighted(), -1, 1, 1, 1, 5);
    }

    @Test
    void binaryCaseMatchesTheTextbookFormulas() {
        // tp 3, fn 1, fp 2, tn 4 for class 1
        int[] actual = {1, 1, 1, 1, 0, 0, 0, 0, 0, 0};
        int[] predicted = {1, 1, 1, 0, 1, 1, 0, 0, 0, 0};
        ClassificationReport r = ClassificationReport.of(actual, predicted, 2);

        assertMetrics(r.perClass().get(1), 1, 3.0 / 5, 3.0 / 4, 2.0 / 3, 4);
        assertMetrics(r.perClass().get(0), 0, 4.0 / 5, 4.0 / 6, 8.0 / 11, 6);
        assertThat(r.accuracy()).isCloseTo(0.7, EPS);
    }

    @Test
    void emptyInputGivesZerosWithoutDividingByZero() {
        ClassificationReport r = ClassificationReport.of(new int[0], new int[0], 3);

        assertThat(r.perClass()).hasSize(3);
        assertMetrics(r.macro(), -1, 0, 0, 0, 0);
        assertMetrics(r.weighted(), -1, 0, 0, 0, 0);
        assertThat(r.accuracy()).isZero();
    }

    @Test
    void perClassListIsImmutable() {
        ClassificationReport r = ClassificationReport.of(new int[] {0}, new int[] {0}, 1);

        assertThatThrownBy(() -> r.perClass().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    static void assertMetrics(
            ClassMetrics m, int index, double precision, double recall, double f1, long support) {
        assertThat(m.classIndex()).isEqualTo(index);
        assertThat(m.precision()).as("precision").isCloseTo(precision, EPS);
        assertThat(m.recall()).as("recall").isCloseTo(recall, EPS);
        assertThat(m.f1()).as("f1").isCloseTo(f1, EPS);
        assertThat(m.support()).as("support").isEqualTo(support);
    }

    @Test
    void chanceLevelIsAlwaysAnsweringTheMostCommonClass() {
        // 10 samples: class 1 is the most common (5 of 10); a network that always says 1
        int[] actual = {0, 0, 1, 1, 1, 1, 1, 2, 2, 2};
        int[] collapsed = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
        ClassificationReport r = ClassificationReport.of(actual, collapsed, 3);

        assertThat(r.chanceAccuracy()).isEqualTo(0.5);
        assertThat(r.mostCommonClass()).isEqualTo(1);
        assertThat(r.accuracy()).isEqualTo(0.5);
        assertThat(r.atChanceLevel()).isTrue();
    }

    @Test
    void aClassifierClearlyAboveChanceIsNotAtChanceLevel() {
        int[] actual = {0, 0, 1, 1, 1, 1, 1, 2, 2, 2};
        int[] good = {0, 0, 1, 1, 1, 1, 0, 2, 2, 1};
        ClassificationReport r = ClassificationReport.of(actual, good, 3);

        assertThat(r.accuracy()).isEqualTo(0.8);
        assertThat(r.atChanceLevel()).isFalse();
        assertThat(ClassificationReport.of(new int[0], new int[0], 3).atChanceLevel()).isFalse();
        assertThat(ClassificationReport.of(new int[0], new int[0], 3).chanceAccuracy()).isNaN();
    }
}
