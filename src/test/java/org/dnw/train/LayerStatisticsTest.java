package org.dnw.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.dnw.spec.ActivationSpec;
import org.dnw.spec.ActivationType;
import org.dnw.spec.Conv2dSpec;
import org.dnw.spec.DenseSpec;
import org.dnw.spec.FlattenSpec;
import org.dnw.spec.LayerSpec;
import org.dnw.spec.OutputSpec;
import org.dnw.spec.Padding;
import org.dnw.spec.Pool2dSpec;
import org.junit.jupiter.api.Test;

class LayerStatisticsTest {

    @Test
    void momentsAreTheMeanAndThePopulationStandardDeviation() {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, population variance 4
        double[] m = LayerStatistics.moments(new float[] {2, 4, 4, 4, 5, 5, 7, 9});

        assertThat(m[0]).isEqualTo(5.0);
        assertThat(m[1]).isEqualTo(2.0);
        assertThat(LayerStatistics.moments(new float[0])[0]).isNaN();
    }

    @Test
    void theUpdateRatioIsTheStepsNormOverTheWeightsNorm() {
        // after = (3, 4): norm 5; the step (0, 0.05) has norm 0.05
        assertThat(LayerStatistics.updateRatio(new float[] {3f, 3.95f}, new float[] {3f, 4f}))
                .isCloseTo(0.01, within(1e-6));
        assertThat(LayerStatistics.updateRatio(new float[] {1, 2}, new float[] {1, 2})).isZero();
        assertThat(LayerStatistics.updateRatio(new float[] {1}, new float[] {0})).isInfinite();
        assertThat(LayerStatistics.updateRatio(new float[] {1}, new float[] {1, 2})).isNaN();
    }

    @Test
    void theDeadShareCountsUnitsThatNeverFired() {
        assertThat(LayerStatistics.deadShare(new boolean[] {true, false, false, false}))
                .isEqualTo(0.75);
        assertThat(LayerStatistics.deadShare(new boolean[0])).isNaN();
    }

    @Test
    void eachWeightedLayerGetsTheReluThatFollowsIt() {
        List<LayerSpec> layers =
                List.of(
                        Conv2dSpec.of(2, 3, 1, Padding.VALID), // 1
                        ActivationSpec.relu(), // 2
                        Pool2dSpec.max(2, 2), // 3
                        new FlattenSpec(), // 4
                        new DenseSpec(4, true), // 5
                        ActivationSpec.of(ActivationType.TANH), // 6
                        OutputSpec.softmax(3)); // 7
        TrainingEngine.WatchedStep step =
                new TrainingEngine.WatchedStep(
                        Map.of(1, new float[] {1, 1}, 5, new float[] {2, 2}, 7, new float[] {1}),
                        Map.of(1, new float[] {0.5f, -0.5f}, 5, new float[] {1, 3}));
        Map<Integer, float[]> after =
                Map.of(1, new float[] {1, 1}, 5, new float[] {2, 4}, 7, new float[] {2});
        Map<Integer, boolean[]> firing = Map.of(2, new boolean[] {true, false});

        List<LayerStatistics> stats = LayerStatistics.measure(layers, 3, step, after, firing, 100);

        assertThat(stats).extracting(LayerStatistics::position).containsExactly(1, 5, 7);
        LayerStatistics conv = stats.get(0);
        assertThat(conv.kind()).isEqualTo("Conv2d");
        assertThat(conv.epoch()).isEqualTo(3);
        assertThat(conv.weightMean()).isEqualTo(1.0);
        assertThat(conv.weightStd()).isZero();
        assertThat(conv.gradientMean()).isZero();
        assertThat(conv.gradientStd()).isEqualTo(0.5);
        assertThat(conv.updateRatio()).isZero();
        assertThat(conv.deadShare()).isEqualTo(0.5);
        assertThat(conv.reluUnits()).isEqualTo(2);
        assertThat(conv.images()).isEqualTo(100);
        // tanh is no ReLU: the dense layer has no dead share
        LayerStatistics dense = stats.get(1);
        assertThat(dense.deadShare()).isNaN();
        assertThat(dense.reluUnits()).isZero();
        assertThat(dense.gradientMean()).isEqualTo(2.0);
        assertThat(dense.updateRatio()).isCloseTo(2 / Math.sqrt(20), within(1e-9));
        assertThat(stats.get(2).updateRatio()).isEqualTo(0.5);
        assertThat(stats.get(2).gradientMean()).as("no gradient kept").isNaN();
        assertThat(stats.get(2).label()).isEqualTo("layer 7 (Output)");
    }
}
