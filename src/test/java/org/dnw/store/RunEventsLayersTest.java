package org.dnw.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.dnw.train.LayerStatistics;
import org.dnw.train.TrainingEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunEventsLayersTest {

    static LayerStatistics layer(int position, int epoch, double ratio) {
        return new LayerStatistics(
                position, "Conv2d", epoch, 0.01, 0.2, -1e-4, 3e-3, ratio, 0.25, 32, 1024);
    }

    @Test
    void layerStatisticsGoIntoTheLogAndComeBackEpochByEpoch(@TempDir Path folder) throws Exception {
        RunEvents.Writer log = RunEvents.appendTo(folder);
        log.accept(FakeRun.started());
        log.accept(
                new TrainingEvent.LayersMeasured(
                        "r", 1, List.of(layer(1, 1, 1e-3), layer(4, 1, 2e-3))));
        log.accept(new TrainingEvent.LayersMeasured("r", 2, List.of(layer(1, 2, Double.NaN))));
        // an epoch measured again after a resume replaces its first report
        log.accept(new TrainingEvent.LayersMeasured("r", 2, List.of(layer(1, 2, 5e-4))));
        log.close();

        List<LayerStatistics> read = RunEvents.readLayers(folder);

        assertThat(read).containsExactly(layer(1, 1, 1e-3), layer(4, 1, 2e-3), layer(1, 2, 5e-4));
        assertThat(RunEvents.read(folder)).as("the summary still reads").isNotNull();
    }

    @Test
    void aFigureThatIsNoNumberComesBackAsNaN(@TempDir Path folder) throws Exception {
        RunEvents.Writer log = RunEvents.appendTo(folder);
        log.accept(new TrainingEvent.LayersMeasured("r", 1, List.of(layer(2, 1, Double.NaN))));
        log.close();

        assertThat(RunEvents.readLayers(folder))
                .singleElement()
                .extracting(LayerStatistics::updateRatio)
                .isEqualTo(Double.NaN);
        assertThat(RunEvents.readLayers(folder.resolve("none"))).isEmpty();
    }
}
