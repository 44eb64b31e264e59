package org.dnw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dnw.data.BuiltInDataset;
import org.dnw.data.DataSplits;
import org.dnw.data.DataSplitter;
import org.dnw.data.DatasetCatalog;
import org.dnw.data.ImageSamples;
import org.dnw.data.LoadedDataset;
import org.dnw.data.ProgressListener;
import org.dnw.engine.djl.DjlEngine;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.Presets;
import org.dnw.store.RunEvents;
import org.dnw.train.Hyperparameters;
import org.dnw.train.LayerStatistics;
import org.dnw.train.RunControl;
import org.dnw.train.TrainingEvent;
import org.dnw.train.TrainingRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed CNN trained for two epochs on the MNIST sample shipped in assets/ reports every weighted
 * layer's statistics each epoch, finite and in range, and they are in the saved run's event log;
 * the live weight capture follows the layer the view asks for.
 */
class LayerStatisticsIT {

    @TempDir Path dir;

    @Test
    void twoEpochsGiveFiniteStatisticsPerLayerThatTheSavedRunKeeps() throws Exception {
        Path runs = dir.resolve("runs");
        WorkbenchCommandTest.Result r =
                WorkbenchCommandTest.run(
                        "train",
                        "--preset",
                        "seed-cnn",
                        "--dataset",
                        "mnist-sample",
                        "--epochs",
                        "2",
                        "--name",
                        "stats",
                        "--runs-dir",
                        runs.toString());
        System.out.println(r.out() + r.err());
        assertThat(r.code()).as(r.err()).isZero();
        Path folder;
        try (Stream<Path> folders = Files.list(runs)) {
            folder = folders.filter(Files::isDirectory).findFirst().orElseThrow();
        }

        List<LayerStatistics> stats = RunEvents.readLayers(folder);
        stats.forEach(System.out::println);

        // seed-cnn: conv (1), conv (4), dense (8), output (10) — each with epochs 1 and 2
        assertThat(stats)
                .extracting(LayerStatistics::epoch)
                .containsExactly(1, 1, 1, 1, 2, 2, 2, 2);
        assertThat(stats.subList(0, 4))
                .extracting(LayerStatistics::kind)
                .containsExactly("Conv2d", "Conv2d", "Dense", "Output");
        for (LayerStatistics s : stats) {
            assertThat(List.of(s.weightMean(), s.weightStd(), s.gradientMean(), s.gradientStd()))
                    .as(s.toString())
                    .allMatch(Double::isFinite);
            assertThat(s.weightStd()).as(s.toString()).isPositive();
            assertThat(s.gradientStd()).as(s.toString()).isPositive();
            assertThat(s.updateRatio()).as(s.toString()).isBetween(1e-7, 1.0);
            if (s.kind().equals("Output")) {
                assertThat(s.deadShare()).as("no ReLU after the output").isNaN();
            } else {
                assertThat(s.deadShare()).as(s.toString()).isBetween(0.0, 1.0);
                assertThat(s.images()).isBetween(1, LayerStatistics.MAX_IMAGES);
            }
        }
        assertThat(stats.get(0).reluUnits()).isEqualTo(32);
        assertThat(stats.get(1).reluUnits()).isEqualTo(64);
        assertThat(stats.get(2).reluUnits()).isEqualTo(1024);
    }

    @Test
    void theLiveCaptureFollowsTheWatchedLayer() throws Exception {
        LoadedDataset data =
                DatasetCatalog.fromEnvironment(null)
                        .load(BuiltInDataset.MNIST_SAMPLE, ProgressListener.NONE);
        Hyperparameters hp = Hyperparameters.defaults().withEpochCount(1).withBatchSize(32);
        DataSplits all = new DataSplitter(hp.validationShare(), hp.seed()).split(data);
        int[] first = new int[256];
        for (int i = 0; i < first.length; i++) {
            first[i] = i;
        }
        DataSplits small =
                new DataSplits(
                        all.datasetName(),
                        ((ImageSamples) all.train()).subset(first),
                        ((ImageSamples) all.validation()).subset(new int[] {0, 1, 2, 3}),
                        ((ImageSamples) all.test()).subset(new int[] {0, 1}),
                        Map.of());
        ModelSpec spec =
                Presets.load("seed-cnn")
                        .adaptTo(small.train().inputShape(), small.train().classCount());
        RunControl control = new RunControl();
        List<TrainingEvent> events = new ArrayList<>();
        control.watchLayer(4);

        DjlEngine.loop()
                .run(new TrainingRequest("watch", spec, small, hp, null, 2), control, events::add);

        List<TrainingEvent.WeightsCaptured> captures =
                events.stream()
                        .filter(e -> e instanceof TrainingEvent.WeightsCaptured)
                        .map(e -> (TrainingEvent.WeightsCaptured) e)
                        .toList();
        assertThat(events.get(events.size() - 1)).isInstanceOf(TrainingEvent.RunFinished.class);
        assertThat(captures).hasSize(4);
        for (TrainingEvent.WeightsCaptured c : captures) {
            assertThat(c.layerPosition()).isEqualTo(4);
            assertThat(c.shape()).containsExactly(64, 32, 5, 5);
        }
        TrainingEvent.LayersMeasured measured =
                events.stream()
                        .filter(e -> e instanceof TrainingEvent.LayersMeasured)
                        .map(e -> (TrainingEvent.LayersMeasured) e)
                        .findFirst()
                        .orElseThrow();
        assertThat(measured.layers()).allMatch(l -> l.images() == 4);
        int epochAt = indexOf(events, TrainingEvent.EpochCompleted.class);
        assertThat(events.indexOf(measured)).isEqualTo(epochAt + 1);
    }

    private static int indexOf(List<TrainingEvent> events, Class<?> type) {
        for (int i = 0; i < events.size(); i++) {
            if (type.isInstance(events.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
