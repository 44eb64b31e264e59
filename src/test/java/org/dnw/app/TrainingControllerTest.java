package org.dnw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.dnw.data.AugmentationSpec;
import org.dnw.data.BuiltInDataset;
import org.dnw.data.DataOrigin;
import org.dnw.data.DataSplits;
import org.dnw.data.ImageSamples;
import org.dnw.data.TableLayout;
import org.dnw.runs.RunLauncher;
import org.dnw.runs.RunSaveOutcome;
import org.dnw.spec.Presets;
import org.dnw.store.RunRecipe;
import org.dnw.store.RunStore;
import org.dnw.train.EngineKind;
import org.dnw.train.Hyperparameters;
import org.dnw.train.RunControl;
import org.dnw.train.TrainingEvent;
import org.dnw.train.TrainingLoop;
import org.dnw.train.TrainingRequest;
import org.dnw.train.TrainingService;
import org.dnw.ui.data.DatasetPreview;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Train/Stop wiring with a scripted loop in place of an engine. */
class TrainingControllerTest {

    @TempDir Path runs;

    private static final List<String> DIGITS =
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    /** A loop that reports batches until cancelled or 200 are done. */
    private static final class ScriptedLoop implements TrainingLoop {
        @Override
        public void run(
                TrainingRequest r,
                RunControl control,
                java.util.function.Consumer<TrainingEvent> events) {
            events.accept(
                    new TrainingEvent.RunStarted(
                            r.runName(),
                            r.spec(),
                            r.hyperparameters(),
                            r.splits().datasetName(),
                            1,
                            "CPU",
                            r.splits().train().size(),
                            0,
                            r.splits().test().size(),
                            200,
                            Map.of(),
                            Instant.now()));
            for (int b = 1; b <= 200; b++) {
                events.accept(
                        new TrainingEvent.BatchCompleted(r.runName(), 1, b, 200, 1.0, 0.5, 100, b));
                if (control.checkpoint(r.runName(), 1, b, events)) {
                    events.accept(new TrainingEvent.RunCancelled(r.runName(), 0, 1, b));
                    return;
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            events.accept(new TrainingEvent.RunFailed(r.runName(), "scripted end", "", 1, 200));
        }
    }

    private static DatasetPreview preview() {
        int n = 40;
        byte[] pixels = new byte[n * 28 * 28];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10;
            pixels[i * 784 + i] = (byte) 200;
        }
        ImageSamples images = new ImageSamples(1, 28, 28, pixels, labels, DIGITS);
        return new DatasetPreview("MNIST", "", images, null, images, Map.of());
    }

    private final List<TrainingEvent> events = new CopyOnWriteArrayList<>();
    private final List<RunSaveOutcome> outcomes = new CopyOnWriteArrayList<>();
    private final List<DataSplits> started = new CopyOnWriteArrayList<>();
    private final ArrayDeque<Runnable> io = new ArrayDeque<>();
    private TrainingController.Inputs inputs =
            new TrainingController.Inputs(
                    Presets.load("mlp"),
                    preview(),
                    Hyperparameters.defaults(),
                    EngineKind.DJL,
                    AugmentationSpec.NONE);

    private TrainingController controller(TrainingService service) {
        Executor queued = io::add;
        TrainingController c =
                new TrainingController(
                        new RunLauncher(new RunStore(runs), service, Runnable::run),
                        queued,
                        Runnable::run,
                        () -> inputs,
                        started::add,
                        outcomes::add);
        c.setEvents(events::add);
        return c;
    }

    private void runIo() {
        while (!io.isEmpty()) {
            io.poll().run();
        }
    }

    @Test
    void withoutADataSetTrainSaysWhereToChooseOne() {
        inputs =
                new TrainingController.Inputs(
                        inputs.spec(),
                        null,
                        inputs.hyperparameters(),
                        EngineKind.DJL,
                        AugmentationSpec.NONE);
        TrainingController c =
                controller(new TrainingService(Map.of(EngineKind.DJL, new ScriptedLoop())));
        assertThatThrownBy(c::train).hasMessageContaining("Choose a data set on the Data tab");
    }

    @Test
    void aRequestTheEngineCannotRunArrivesAsAFailureWithTheReason() {
        inputs =
                new TrainingController.Inputs(
                        Presets.load("seed-cnn"),
                        preview(),
                        inputs.hyperparameters(),
                        EngineKind.SCRATCH,
                        AugmentationSpec.NONE);
        TrainingController c =
                controller(new TrainingService(Map.of(EngineKind.DJL, new ScriptedLoop())));
        c.train();
        runIo();
        assertThat(events).hasSize(1);
        TrainingEvent.RunFailed failed = (TrainingEvent.RunFailed) events.get(0);
        assertThat(failed.reason())
                .startsWith("training could not start: ")
                .contains("is not available");
        assertThat(started).isEmpty();
    }

    @Test
    void stopPressedBeforeTheRunStartedCancelsItAndNothingIsSaved() throws Exception {
        TrainingService service = new TrainingService(Map.of(EngineKind.DJL, new ScriptedLoop()));
        TrainingController c = controller(service);
        c.train();
        c.stop();
        runIo();
        assertThat(started).hasSize(1);
        assertThat(started.get(0).validation().size()).isEqualTo(4);
        c.stopAndWait(Duration.ofSeconds(5));
        TrainingEvent last = events.get(events.size() - 1);
        assertThat(last).isInstanceOf(TrainingEvent.RunCancelled.class);
        assertThat(((TrainingEvent.RunCancelled) last).batch()).isLessThan(50);
        for (int i = 0; i < 50 && outcomes.isEmpty(); i++) {
            Thread.sleep(20);
        }
        assertThat(outcomes)
                .singleElement()
                .matches(o -> o.kind() == RunSaveOutcome.Kind.DISCARDED);
        try (var left = java.nio.file.Files.list(runs)) {
            assertThat(left.toList()).isEmpty();
        }
    }

    @Test
    void aWindowRunRecordsWhereItsDataCameFromSoThatItCanBeResumed() {
        ImageSamples none = new ImageSamples(1, 1, 1, new byte[0], new int[0], List.of("a"));
        assertThat(
                        TrainingController.dataReference(
                                new DataSplits("MNIST (sample)", none, none, none, Map.of())))
                .isEqualTo(new RunRecipe.DataReference("MNIST (sample)", null, null));
        // the built-in set's recorded name opens the same set again on the command line
        assertThat(BuiltInDataset.byName("MNIST (sample)")).isEqualTo(BuiltInDataset.MNIST_SAMPLE);

        Path table = Path.of("/data/seeds.txt");
        DataSplits fromTable =
                new DataSplits(
                        "seeds",
                        none,
                        none,
                        none,
                        Map.of(),
                        new DataOrigin(
                                table,
                                new TableLayout(
                                        List.of("area", "class"), true, 1, false, "chosen")));
        assertThat(TrainingController.dataReference(fromTable))
                .isEqualTo(new RunRecipe.DataReference(table.toString(), "class", null));
    }

    @Test
    void theNetworkTrainedIsTheEditorsAsItIsNeverARefittedCopy() {
        inputs =
                new TrainingController.Inputs(
                        Presets.load("mlp").adaptTo(org.dnw.spec.Shape.image(3, 32, 32), 10),
                        preview(),
                        inputs.hyperparameters(),
                        EngineKind.DJL,
                        AugmentationSpec.NONE);
        TrainingController c =
                controller(new TrainingService(Map.of(EngineKind.DJL, new ScriptedLoop())));
        c.train();
        runIo();
        assertThat(events).singleElement().isInstanceOf(TrainingEvent.RunFailed.class);
        assertThat(((TrainingEvent.RunFailed) events.get(0)).reason())
                .contains("expects inputs of 3 × 32 × 32");
        assertThat(started).isEmpty();
    }

    @Test
    void aDataSetOpenedByPathKeepsItsPathForTheRunsManifest() {
        DatasetPreview plain = preview();
        org.dnw.data.DataOrigin origin = new org.dnw.data.DataOrigin(Path.of("/data/digits"), null);
        DatasetPreview opened =
                new DatasetPreview(
                        "digits",
                        "read from /data/digits",
                        plain.train(),
                        null,
                        plain.test(),
                        Map.of(),
                        origin);
        DataSplits splits = TrainingController.splits(opened, Hyperparameters.defaults());
        assertThat(splits.origin()).isEqualTo(origin);
        assertThat(org.dnw.store.DatasetInfo.of(splits).path()).isEqualTo("/data/digits");
        assertThat(TrainingController.splits(plain, Hyperparameters.defaults()).origin()).isNull();
    }
}
