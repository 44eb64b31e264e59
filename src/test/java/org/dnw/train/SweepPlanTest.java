package org.dnw.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.dnw.spec.ActivationSpec;
import org.dnw.spec.ActivationType;
import org.dnw.spec.Conv2dSpec;
import org.dnw.spec.DenseSpec;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.Padding;
import org.dnw.spec.Pool2dSpec;
import org.dnw.spec.PoolType;
import org.dnw.spec.Presets;
import org.junit.jupiter.api.Test;

class SweepPlanTest {

    private final ModelSpec seed = Presets.load("seed-cnn");
    private final Hyperparameters hp = Hyperparameters.defaults();

    @Test
    void twoAxesMakeEveryCombinationFirstAxisSlowest() {
        SweepPlan plan =
                new SweepPlan(
                        seed,
                        hp,
                        List.of(
                                new SweepPlan.Axis(SweepSetting.KERNEL_SIZE, List.of("3", "5"), 0),
                                new SweepPlan.Axis(
                                        SweepSetting.LEARNING_RATE, List.of("0.01", "0.001"), 0)));
        List<SweepPlan.Point> points = plan.points();
        assertThat(points).hasSize(4);
        assertThat(points.get(1).values()).containsExactly("3", "0.001");
        assertThat(points.get(2).label(plan.axes())).isEqualTo("kernel=5 lr=0.01");
        SweepSetting.Variant v = points.get(2).variant();
        assertThat(((Conv2dSpec) v.spec().layers().get(0)).kernelHeight()).isEqualTo(5);
        assertThat(((Conv2dSpec) v.spec().layers().get(3)).kernelWidth()).isEqualTo(5);
        assertThat(v.hyperparameters().learningRate()).isEqualTo(0.01);
        assertThat(((Conv2dSpec) points.get(0).variant().spec().layers().get(3)).kernelHeight())
                .isEqualTo(3);
    }

    @Test
    void aLayerPositionChangesThatLayerOnly() {
        SweepPlan plan =
                new SweepPlan(
                        seed,
                        hp,
                        List.of(new SweepPlan.Axis(SweepSetting.FEATURES, List.of("8"), 4)));
        ModelSpec s = plan.points().get(0).variant().spec();
        assertThat(((Conv2dSpec) s.layers().get(0)).filters()).isEqualTo(32);
        assertThat(((Conv2dSpec) s.layers().get(3)).filters()).isEqualTo(8);
    }

    @Test
    void everyNetworkSettingReachesItsLayers() {
        SweepSetting.Variant base = new SweepSetting.Variant(seed, hp);
        assertThat(
                        ((Conv2dSpec)
                                        SweepSetting.PADDING
                                                .apply(base, "valid", 0)
                                                .spec()
                                                .layers()
                                                .get(0))
                                .padding())
                .isEqualTo(Padding.VALID);
        assertThat(
                        ((Conv2dSpec)
                                        SweepSetting.STRIDE
                                                .apply(base, "2", 1)
                                                .spec()
                                                .layers()
                                                .get(0))
                                .stride())
                .isEqualTo(2);
        assertThat(SweepSetting.ACTIVATION.apply(base, "tanh", 0).spec().layers())
                .filteredOn(l -> l instanceof ActivationSpec)
                .allMatch(l -> ((ActivationSpec) l).function() == ActivationType.TANH);
        assertThat(SweepSetting.POOLING.apply(base, "average", 0).spec().layers())
                .filteredOn(l -> l instanceof Pool2dSpec)
                .allMatch(l -> ((Pool2dSpec) l).poolType() == PoolType.AVERAGE);
        assertThat(
                        ((DenseSpec) SweepSetting.UNITS.apply(base, "64", 0).spec().layers().get(7))
                                .units())
                .isEqualTo(64);
        assertThat(
                        SweepSetting.OPTIMIZER
                                .apply(base, "SGD + momentum", 0)
                                .hyperparameters()
                                .optimizer())
                .isEqualTo(OptimizerKind.MOMENTUM);
        assertThat(SweepSetting.BATCH_SIZE.apply(base, "128", 0).hyperparameters().batchSize())
                .isEqualTo(128);
    }

    @Test
    void impossiblePointsCarryTheCoreSentence() {
        ModelSpec valid =
                seed.withLayer(0, ((Conv2dSpec) seed.layers().get(0)).withPadding(Padding.VALID))
                        .withLayer(
                                3, ((Conv2dSpec) seed.layers().get(3)).withPadding(Padding.VALID));
        SweepPlan plan =
                new SweepPlan(
                        valid,
                        hp,
                        List.of(
                                new SweepPlan.Axis(
                                        SweepSetting.KERNEL_SIZE, List.of("5", "11", "x"), 0)));
        List<SweepPlan.Point> points = plan.points();
        assertThat(points.get(0).problem()).isNull();
        assertThat(points.get(1).problem()).startsWith("layer 4: ").contains("does not fit");
        assertThat(points.get(1).variant()).isNull();
        assertThat(points.get(2).problem()).contains("whole number");
    }

    @Test
    void settingsParseByLabelKeyOrName() {
        assertThat(SweepSetting.parse("kernel size")).isEqualTo(SweepSetting.KERNEL_SIZE);
        assertThat(SweepSetting.parse("lr")).isEqualTo(SweepSetting.LEARNING_RATE);
        assertThat(SweepSetting.parse("BATCH_SIZE")).isEqualTo(SweepSetting.BATCH_SIZE);
        assertThatThrownBy(() -> SweepSetting.parse("colour"))
                .hasMessageContaining("kernel, filters");
        assertThatThrownBy(
                        () -> SweepSetting.UNITS.apply(new SweepSetting.Variant(seed, hp), "9", 1))
                .hasMessageContaining("layer 1 is a Conv2d layer, which has no units");
        assertThatThrownBy(
                        () ->
                                new SweepPlan(
                                        seed,
                                        hp,
                                        List.of(
                                                new SweepPlan.Axis(
                                                        SweepSetting.STRIDE, List.of("1"), 0),
                                                new SweepPlan.Axis(
                                                        SweepSetting.STRIDE, List.of("2"), 0))))
                .hasMessageContaining("must differ");
    }
}
