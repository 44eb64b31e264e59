package org.dnw.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Point2D;
import org.dnw.train.TrainingEvent;
import org.dnw.train.TrainingEvent.BatchCompleted;
import org.dnw.ui.training.SyntheticRun;
import org.junit.jupiter.api.Test;

class ChartsViewModelTest {

    private final ChartsViewModel model = new ChartsViewModel();

    @Test
    void batchLossIsThinnedToTheCapEvenlyAndKeepsTheLatestPoint() {
        model.accept(SyntheticRun.started(10, 1_000));
        BatchCompleted last = null;
        for (int e = 1; e <= 10; e++) {
            for (int b = 1; b <= 1_000; b++) {
                last =
                        new BatchCompleted(
                                SyntheticRun.RUN, e, b, 1_000, 1.0 / (e * b), 0.5, 900, b);
                model.accept(last);
            }
        }
        List<Point2D> points = model.batchLoss();
        assertThat(points.size())
                .isLessThanOrEqualTo(ChartsViewModel.MAX_BATCH_POINTS)
                .isGreaterThanOrEqualTo(ChartsViewModel.MAX_BATCH_POINTS / 2);
        assertThat(points.get(points.size() - 1)).isEqualTo(new Point2D(10, last.loss()));
        assertThat(points.get(0).getX()).isLessThan(0.1); // still covers the start of the run
        double step = points.get(1).getX() - points.get(0).getX();
        // Evenly spaced, but for the newest batch riding along at the end.
        for (int i = 1; i < points.size() - 1; i++) {
            assertThat(points.get(i).getX() - points.get(i - 1).getX())
                    .isCloseTo(step, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void theAccuracyAxisStartsARoundStepBelowTheLowestAndNeverPasses100() {
        assertThat(ChartsViewModel.accuracyAxisLowerBound(List.of())).isEqualTo(0);
        assertThat(ChartsViewModel.accuracyAxisLowerBound(List.of(82.8, 97.2, 100.0)))
                .isEqualTo(80);
        // 98.5 and 99.9: the axis still shows 90–100, not 97.5–102.5
        assertThat(ChartsViewModel.accuracyAxisLowerBound(List.of(99.9, 98.5))).isEqualTo(90);
        assertThat(ChartsViewModel.accuracyAxisLowerBound(List.of(11.0, Double.NaN))).isEqualTo(0);
    }

    @Test
    void nonFiniteBatchLossesAreNotPlotted() {
        model.accept(SyntheticRun.started(1, 10));
        model.accept(new BatchCompleted(SyntheticRun.RUN, 1, 1, 10, Double.NaN, 0.1, 1, 1));
        model.accept(new BatchCompleted(SyntheticRun.RUN, 1, 2, 10, 0.7, 0.1, 1, 1));
        assertThat(model.batchLoss()).containsExactly(new Point2D(0.2, 0.7));
    }

    @Test
    void epochsGiveTrainAndValidationPointsAndTheBestValidationEpoch() {
        for (TrainingEvent e : SyntheticRun.events(5, 20, 50, 9)) {
            model.accept(e);
        }
        assertThat(model.trainLoss()).hasSize(5);
        assertThat(model.validationLoss()).hasSize(5);
        assertThat(model.trainAccuracyPercent().get(0).getY()).isBetween(90.0, 100.0);
        assertThat(model.validationAccuracyPercent())
                .extracting(Point2D::getX)
                .containsExactly(1.0, 2.0, 3.0, 4.0, 5.0);
        // Validation accuracy of the synthetic run peaks at epoch 3.
        assertThat(model.getBestEpoch()).isEqualTo(3);
        assertThat(model.bestEpochTextProperty().get()).startsWith("Best validation: epoch 3,");
        assertThat(model.epochCountProperty().get()).isEqualTo(5);
    }

    @Test
    void bestEpochPrefersHigherAccuracyThenLowerLossAndNeedsValidation() {
        assertThat(
                        ChartsViewModel.bestEpoch(
                                List.of(
                                        new EpochPoint(1, 1, 0.5, 0.4, 0.90),
                                        new EpochPoint(2, 1, 0.5, 0.3, 0.95),
                                        new EpochPoint(3, 1, 0.5, 0.2, 0.95),
                                        new EpochPoint(4, 1, 0.5, 0.1, 0.94))))
                .isEqualTo(3);
        assertThat(
                        ChartsViewModel.bestEpoch(
                                List.of(new EpochPoint(1, 1, 0.5, Double.NaN, Double.NaN))))
                .isZero();
    }

    @Test
    void overlaysAreAddedReplacedByNameClearedAndWidenTheEpochAxis() {
        model.accept(SyntheticRun.started(3, 10));
        List<EpochPoint> saved =
                List.of(
                        new EpochPoint(1, 0.5, 0.8, 0.6, 0.78),
                        new EpochPoint(8, 0.1, 0.97, 0.2, 0.95));
        model.overlay("run-a", saved);
        model.overlay("run-b", saved.subList(0, 1));
        model.overlay("run-a", saved.subList(0, 1));
        assertThat(model.overlays())
                .extracting(ChartOverlay::name)
                .containsExactly("run-a", "run-b");
        assertThat(model.overlays().get(0).points()).hasSize(1);
        model.overlay("run-c", saved);
        assertThat(model.epochCountProperty().get()).isEqualTo(8);

        model.accept(SyntheticRun.started(2, 10)); // a new run keeps the overlays
        assertThat(model.overlays()).hasSize(3);
        model.clearOverlays();
        assertThat(model.overlays()).isEmpty();
        assertThat(model.epochCountProperty().get()).isEqualTo(2);
    }
}
