package org.dnw.ui.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import org.dnw.store.RunStore;
import org.dnw.store.SavedRun;
import org.dnw.ui.charts.ChartsViewModel;
import org.dnw.ui.confusion.ConfusionViewModel;
import org.dnw.ui.confusion.SampleImages;
import org.dnw.ui.filters.FiltersViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedRunViewsTest {

    @TempDir Path root;

    @Test
    void anOpenedRunFillsTheChartsTheFiltersAndTheConfusionMatrix() throws IOException {
        RunStore store = new RunStore(root, ZoneOffset.UTC);
        SavedRun run = store.load(SavedRuns.save(store, RunsViewModelTest.ADAM));
        ChartsViewModel charts = new ChartsViewModel();
        FiltersViewModel filters = new FiltersViewModel();
        ConfusionViewModel confusion = new ConfusionViewModel();
        charts.overlay("other", java.util.List.of());

        SavedRunViews.show(run, charts, filters, confusion, SampleImages.none());

        assertThat(charts.runNameProperty().get()).isEqualTo("adam baseline");
        assertThat(charts.validationAccuracyPercent())
                .extracting(p -> Math.round(p.getY()))
                .containsExactly(90L, 95L, 97L);
        assertThat(charts.getBestEpoch()).isEqualTo(3);
        assertThat(charts.epochCountProperty().get()).isEqualTo(3);
        assertThat(charts.overlays()).as("overlays stay").hasSize(1);
        assertThat(filters.getGrid().kernels()).hasSize(8);
        assertThat(filters.captureTextProperty().get())
                .isEqualTo("weights of the saved run adam baseline after 3 epochs");
        assertThat(confusion.getMatrix().total()).isEqualTo(200);
        assertThat(confusion.classNames()).containsExactlyElementsOf(SavedRuns.DIGITS);
        assertThat(confusion.summaryProperty().get()).startsWith("Test accuracy 96.00 %");
    }

    @Test
    void aRunWithoutWeightsSaysSoInTheFilters() throws IOException {
        RunStore store = new RunStore(root, ZoneOffset.UTC);
        SavedRun run = store.load(SavedRuns.save(store, RunsViewModelTest.SLOW));
        SavedRun noWeights =
                new SavedRun(
                        run.folder(),
                        run.manifest(),
                        run.epochs(),
                        run.test(),
                        null,
                        run.modelFiles());
        FiltersViewModel filters = new FiltersViewModel();
        filters.show(new int[] {1, 1, 2, 2}, new float[] {1, 2, 3, 4}, null);

        SavedRunViews.show(
                noWeights,
                new ChartsViewModel(),
                filters,
                new ConfusionViewModel(),
                SampleImages.none());

        assertThat(filters.getGrid()).isNull();
        assertThat(filters.captionProperty().get())
                .isEqualTo("The saved run slow lr has no first-layer weights to show.");
    }
}
