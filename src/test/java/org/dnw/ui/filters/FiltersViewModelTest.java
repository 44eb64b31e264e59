package org.dnw.ui.filters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.dnw.spec.Shape;
import org.dnw.train.TrainingEvent.WeightsCaptured;
import org.dnw.ui.training.SyntheticRun;
import org.junit.jupiter.api.Test;

class FiltersViewModelTest {

    @Test
    void eachKernelIsScaledOnItsOwnMinToZeroAndMaxTo255() {
        float[] values = {
            // kernel 0, 2 × 2: range [-1, 3]
            -1,
            0,
            1,
            3,
            // kernel 1: a tiny range far from zero [100, 100.5]
            100.5f,
            100,
            100.25f,
            100.5f
        };
        FilterGrid grid = FiltersViewModel.kernels(new int[] {2, 1, 2, 2}, values, null, 256);
        assertThat(grid.kernels()).hasSize(2);
        assertThat(grid.kernels().get(0).levels()).containsExactly(0, 64, 128, 255);
        assertThat(grid.kernels().get(1).levels()).containsExactly(255, 0, 128, 255);
        assertThat(grid.kernels().get(0).min()).isEqualTo(-1f);
        assertThat(grid.kernels().get(0).max()).isEqualTo(3f);
        assertThat(grid.kernels().get(0).argb(0, 0)).isEqualTo(0xFF000000);
        assertThat(grid.kernels().get(0).argb(1, 1)).isEqualTo(0xFFFFFFFF);
        assertThat(grid.caption()).isEqualTo("2 filters, 2×2, 1 channel");
    }

    @Test
    void aConstantKernelIsMidGrey() {
        FilterGrid grid =
                FiltersViewModel.kernels(new int[] {1, 1, 2, 2}, new float[] {5, 5, 5, 5}, null, 9);
        assertThat(grid.kernels().get(0).levels()).containsOnly(128);
    }

    @Test
    void threeInputChannelsGiveColourScaledOverTheWholeKernel() {
        float[] values = new float[3 * 4];
        Arrays.fill(values, 0, 4, 1f); // red plane at max
        // green plane stays 0 (min), blue plane at 0.5
        Arrays.fill(values, 8, 12, 0.5f);
        FilterGrid grid = FiltersViewModel.kernels(new int[] {1, 3, 2, 2}, values, null, 9);
        KernelImage k = grid.kernels().get(0);
        assertThat(k.channels()).isEqualTo(3);
        assertThat(k.argb(0, 0)).isEqualTo(0xFFFF0080);
        assertThat(grid.caption()).isEqualTo("1 filter, 2×2, 3 channels (shown in colour)");
    }

    @Test
    void otherChannelCountsShowTheMeanOverChannels() {
        float[] values = {0, 2, 2, 4}; // 1 filter, 2 channels of 1 × 2
        FilterGrid grid = FiltersViewModel.kernels(new int[] {1, 2, 1, 2}, values, null, 9);
        KernelImage k = grid.kernels().get(0);
        assertThat(k.channels()).isEqualTo(1);
        assertThat(k.weights()).containsExactly(1f, 3f);
        assertThat(grid.caption()).contains("2 channels (mean shown)");
    }

    @Test
    void aDenseFirstLayerOnImagesDrawsEachUnitAsAnImageOfTheInput() {
        FiltersViewModel model = new FiltersViewModel();
        model.accept(SyntheticRun.started(1, 10, Shape.image(1, 28, 28)));
        float[] values = new float[300 * 784];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i % 784) * 0.001f + i / 784;
        }
        model.accept(new WeightsCaptured(SyntheticRun.RUN, 1, 5, new int[] {300, 784}, values));
        FilterGrid grid = model.getGrid();
        assertThat(grid.dense()).isTrue();
        assertThat(grid.kernels()).hasSize(FiltersViewModel.MAX_KERNELS);
        assertThat(grid.kernels().get(0).width()).isEqualTo(28);
        assertThat(grid.kernels().get(0).height()).isEqualTo(28);
        assertThat(grid.kernels().get(7).levels()[0]).isZero();
        assertThat(grid.kernels().get(7).levels()[783]).isEqualTo(255);
        assertThat(model.captionProperty().get())
                .isEqualTo("300 units, each 28×28, 1 channel — showing the first 256");
        assertThat(model.captureTextProperty().get()).isEqualTo("weights after epoch 1, batch 5");
    }

    @Test
    void liveCapturesReplaceTheGridAndSelectionDescribesTheKernel() {
        FiltersViewModel model = new FiltersViewModel();
        model.accept(SyntheticRun.started(1, 10));
        model.accept(SyntheticRun.weights(1, 50, 1));
        assertThat(model.captionProperty().get()).isEqualTo("32 filters, 5×5, 1 channel");
        model.select(6);
        assertThat(model.selectedTextProperty().get()).startsWith("Filter 7 of 32 · weights from");
        model.accept(SyntheticRun.weights(1, 100, 2));
        assertThat(model.selectedIndexProperty().get()).isEqualTo(6);
        model.select(99);
        assertThat(model.selectedIndexProperty().get()).isEqualTo(-1);
    }

    @Test
    void weightsThatDoNotFitTheirShapeAreRefused() {
        assertThatThrownBy(
                        () ->
                                FiltersViewModel.kernels(
                                        new int[] {2, 1, 2, 2}, new float[7], null, 9))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("need 8 values, got 7");
    }
}
