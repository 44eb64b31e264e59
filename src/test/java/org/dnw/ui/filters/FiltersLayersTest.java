package org.dnw.ui.filters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.Presets;
import org.dnw.spec.Shape;
import org.dnw.store.NpyWriter;
import org.dnw.store.RunEvents;
import org.dnw.train.LayerStatistics;
import org.dnw.train.ParameterValues;
import org.dnw.train.TrainingEvent;
import org.dnw.train.TrainingEvent.WeightsCaptured;
import org.dnw.ui.training.SyntheticRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every layer in the filter view: choices, channels side by side or their mean, live and saved. */
class FiltersLayersTest {

    static final Executor NOW = Runnable::run;

    static float[] ramp(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) Math.sin(i * 0.37);
        }
        return v;
    }

    @Test
    void theSeedCnnOffersItsFourWeightedLayers() {
        List<LayerChoice> c = LayerChoice.of(Presets.load("seed-cnn"));

        assertThat(c).extracting(LayerChoice::position).containsExactly(1, 4, 8, 10);
        assertThat(c.get(0).label())
                .isEqualTo("layer 1 · Conv2d · 32 filters 5×5 · weights 32×1×5×5");
        assertThat(c.get(1).weightShape()).containsExactly(64, 32, 5, 5);
        assertThat(c.get(1).image()).isEqualTo(Shape.image(32, 5, 5));
        // the dense layer after the flatten: each unit's weights are an image of 64 maps of 7×7
        assertThat(c.get(2).label()).isEqualTo("layer 8 · Dense · 1024 units · weights 1024×3136");
        assertThat(c.get(2).image()).isEqualTo(Shape.image(64, 7, 7));
        assertThat(c.get(3).image()).as("output after a dense layer: no image").isNull();
    }

    @Test
    void aDeeperFiltersChannelsSitSideBySideInRowsOfEightOrAreAveraged() {
        float[] v = ramp(4 * 16 * 3 * 3);

        FilterGrid side = FiltersViewModel.kernels(new int[] {4, 16, 3, 3}, v, null, 256, true, 4);
        FilterGrid mean = FiltersViewModel.kernels(new int[] {4, 16, 3, 3}, v, null, 256, false, 4);

        KernelImage k = side.kernels().get(1);
        // 8 channels of 3 across with 1-pixel gaps, 2 rows of them
        assertThat(k.width()).isEqualTo(8 * 3 + 7);
        assertThat(k.height()).isEqualTo(2 * 3 + 1);
        // channel 0's first weight at (0, 0); channel 9 (row 1, column 1) at (4, 4)
        assertThat(k.weights()[0]).isEqualTo(v[144]);
        assertThat(k.weights()[4 * k.width() + 4]).isEqualTo(v[144 + 9 * 9]);
        assertThat(k.weights()[3]).as("a gap").isNaN();
        assertThat(k.levels()[3]).isEqualTo(FiltersViewModel.GAP_LEVEL);
        assertThat(side.caption()).isEqualTo("4 filters, 16 channels of 3×3 side by side");
        assertThat(mean.kernels().get(1).width()).isEqualTo(3);
        assertThat(mean.caption()).contains("16 channels (mean shown)");
    }

    @Test
    void theChosenLayerIsWatchedAndItsLiveWeightsShown() {
        FiltersViewModel model = new FiltersViewModel();
        model.accept(SyntheticRun.started(2, 10));
        assertThat(model.getLayers()).hasSize(4);
        assertThat(model.watchedLayerProperty().get()).isZero();

        model.chosenLayerProperty().set(model.getLayers().get(1));
        assertThat(model.watchedLayerProperty().get()).isEqualTo(4);
        assertThat(model.getGrid()).isNull();
        assertThat(model.captionProperty().get())
                .startsWith("Waiting for the next weights of layer 4");

        // the first layer's capture still comes (an older request): it does not replace layer 4
        model.accept(SyntheticRun.weights(1, 5, 1));
        assertThat(model.getGrid()).isNull();
        model.accept(
                new WeightsCaptured(
                        SyntheticRun.RUN, 1, 10, new int[] {64, 32, 5, 5}, ramp(64 * 800), 4));
        assertThat(model.getGrid().kernels()).hasSize(64);
        assertThat(model.getGrid().kernels().get(0).width()).isEqualTo(8 * 5 + 7);
        assertThat(model.explanationProperty().get())
                .contains("all 32 channels of the layer before it");

        model.meanOverChannelsProperty().set(true);
        assertThat(model.getGrid().kernels().get(0).width()).isEqualTo(5);
        assertThat(model.explanationProperty().get())
                .contains("averaged over its 32 input channels");

        // back to the first layer: its latest capture shows at once
        model.chosenLayerProperty().set(model.getLayers().get(0));
        assertThat(model.watchedLayerProperty().get()).isZero();
        assertThat(model.getGrid().kernels()).hasSize(32);

        // the finished run brings every layer's weights: the dense layer can be shown at once
        model.accept(
                new TrainingEvent.RunFinished(
                        SyntheticRun.RUN,
                        null,
                        1,
                        10,
                        null,
                        List.of(
                                new ParameterValues(
                                        "08Linear_weight",
                                        new int[] {1024, 3136},
                                        ramp(1024 * 3136)),
                                new ParameterValues("08Linear_bias", new int[] {1024}, ramp(1024))),
                        java.time.Instant.now()));
        model.chosenLayerProperty().set(model.getLayers().get(2));
        assertThat(model.getGrid().kernels()).hasSize(FiltersViewModel.MAX_KERNELS);
        assertThat(model.captureTextProperty().get()).isEqualTo("weights at the end of the run");
    }

    @Test
    void aWideDenseLayerShowsItsFirstUnitsAndSaysHowManyItHas() {
        FiltersViewModel model = new FiltersViewModel();
        model.accept(SyntheticRun.started(2, 10));
        model.chosenLayerProperty().set(model.getLayers().get(2));
        model.accept(
                new WeightsCaptured(
                        SyntheticRun.RUN, 1, 10, new int[] {256, 3136}, ramp(256 * 3136), 8));

        assertThat(model.getGrid().kernels()).hasSize(256);
        assertThat(model.getGrid().totalCount()).isEqualTo(1024);
        assertThat(model.captionProperty().get())
                .startsWith("1024 units, each 64 channels of 7×7 side by side")
                .endsWith("showing the first 256");
    }

    @Test
    void aSavedRunOffersEveryLayerFromItsFilesAndItsLayerHealth(@TempDir Path folder)
            throws Exception {
        ModelSpec spec = Presets.load("seed-cnn");
        try (OutputStream out = Files.newOutputStream(folder.resolve("weights.npz"))) {
            NpyWriter.writeNpz(
                    out,
                    List.of(
                            new ParameterValues(
                                    "01Conv2d_weight", new int[] {32, 1, 5, 5}, ramp(800)),
                            new ParameterValues("01Conv2d_bias", new int[] {32}, ramp(32)),
                            new ParameterValues(
                                    "04Conv2d_weight", new int[] {64, 32, 5, 5}, ramp(51200))));
        }
        RunEvents.Writer log = RunEvents.appendTo(folder);
        log.accept(
                new TrainingEvent.LayersMeasured(
                        "r",
                        1,
                        List.of(
                                new LayerStatistics(
                                        4, "Conv2d", 1, 0, 0.05, 0, 1e-3, 2e-3, 0.8, 64, 600))));
        log.close();
        FiltersViewModel model = new FiltersViewModel();
        model.setSavedRunReaders(NOW, NOW);

        model.showSaved("weights of the saved run r", new int[] {32, 1, 5, 5}, ramp(800), null);
        model.offerSavedLayers(folder, spec, "weights of the saved run r");
        model.chosenLayerProperty().set(model.getLayers().get(1));

        assertThat(model.getGrid().kernels()).hasSize(64);
        assertThat(model.captureTextProperty().get()).isEqualTo("weights of the saved run r");
        assertThat(model.health().getByLayer()).containsOnlyKeys(4);
        assertThat(model.health().getWarnings())
                .singleElement()
                .asString()
                .startsWith("Layer 4 (Conv2d) looks dead: 80 %");
        model.chosenLayerProperty().set(model.getLayers().get(2));
        assertThat(model.getGrid()).isNull();
        assertThat(model.captionProperty().get())
                .isEqualTo(
                        "The weights of layer 8 · Dense · 1024 units · weights 1024×3136 are not"
                                + " saved with this run.");
    }
}
