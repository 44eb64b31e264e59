package org.dnw.ui.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dnw.data.BuiltInDataset;
import org.dnw.data.ImageSamples;
import org.dnw.runs.RunSaveOutcome;
import org.dnw.spec.Presets;
import org.dnw.spec.Shape;
import org.dnw.store.RunStore;
import org.dnw.store.SavedRun;
import org.dnw.train.Hyperparameters;
import org.dnw.ui.architecture.ArchitectureViewModel;
import org.dnw.ui.common.FakeDialogService;
import org.dnw.ui.confusion.SampleImages;
import org.dnw.ui.data.DatasetPreview;
import org.dnw.ui.runs.SavedRuns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decisions that link the features, with the other features faked. */
class WorkbenchLinksTest {

    @TempDir Path dir;

    private final List<String> calls = new ArrayList<>();
    private final List<Runnable> background = new ArrayList<>();
    private RunStore store;
    private ArchitectureViewModel editor;
    private WorkbenchViewModel vm;
    private SampleImages shownImages;
    private boolean trainingHere;

    private final WorkbenchLinks links =
            new WorkbenchLinks() {
                @Override
                public void runListed(Path folder) {
                    calls.add("listed " + folder.getFileName());
                }

                @Override
                public SavedRun readRun(Path folder) throws IOException {
                    calls.add("read");
                    return store.load(folder);
                }

                @Override
                public void useForTryIt(SavedRun run) {
                    calls.add("try it " + run.manifest().runName());
                }

                @Override
                public void showRun(SavedRun run, SampleImages testImages) {
                    shownImages = testImages;
                    calls.add("show " + run.manifest().runName());
                }

                @Override
                public void useHyperparameters(Hyperparameters hyperparameters) {
                    calls.add("hyperparameters lr " + hyperparameters.learningRate());
                }

                @Override
                public void chooseDataset(BuiltInDataset dataset) {
                    calls.add("choose " + dataset.displayName());
                }

                @Override
                public void selectTab(WorkbenchTab tab) {
                    calls.add("tab " + tab);
                }

                @Override
                public boolean trainingHere() {
                    return trainingHere;
                }

                @Override
                public void overlayRun(SavedRun run) {
                    calls.add("overlay " + run.manifest().runName());
                }

                @Override
                public void runSettled() {
                    calls.add("settled");
                }
            };

    @BeforeEach
    void setUp() {
        store = new RunStore(dir.resolve("runs"));
        editor = new ArchitectureViewModel(Presets.load("seed-cnn"));
        vm =
                new WorkbenchViewModel(
                        editor, new FakeDialogService(), background::add, Runnable::run);
        vm.setLinks(links);
    }

    private Path savedRun() throws IOException {
        return SavedRuns.save(
                store,
                new SavedRuns.Plan(
                        "small-cnn",
                        Instant.parse("2026-01-02T03:04:05Z"),
                        new double[] {0.9},
                        0.95,
                        0.002));
    }

    private static DatasetPreview preview(String name, int channels, int testSize) {
        return new DatasetPreview(
                name, "made up", images(channels, 50), null, images(channels, testSize), Map.of());
    }

    private static ImageSamples images(int channels, int n) {
        return new ImageSamples(
                channels, 28, 28, new byte[n * channels * 28 * 28], new int[n], SavedRuns.DIGITS);
    }

    @Test
    void aLoadedDataSetFitsTheNetworkWithoutMakingItUnsaved() {
        vm.dataLoaded(preview("Colours", 3, 20));

        assertThat(editor.getSpec().input()).isEqualTo(Shape.image(3, 28, 28));
        assertThat(vm.dirtyBinding().get()).isFalse();
        assertThat(vm.getStatus())
                .isEqualTo(
                        "Colours loaded: the network now takes "
                                + Shape.image(3, 28, 28)
                                + " inputs and has 10 classes.");
    }

    @Test
    void aSavedRunIsListedThenReadBackInTheBackgroundForTryIt() throws IOException {
        Path folder = savedRun();
        vm.runSaved(new RunSaveOutcome(RunSaveOutcome.Kind.SAVED, folder, "Saved small-cnn."));

        assertThat(vm.getStatus()).isEqualTo("Saved small-cnn.");
        assertThat(calls).containsExactly("listed " + folder.getFileName());
        background.forEach(Runnable::run);
        assertThat(calls)
                .containsExactly(
                        "listed " + folder.getFileName(), "read", "try it small-cnn", "settled");
    }

    @Test
    void aDiscardedRunIsOnlySaid() {
        vm.runSaved(new RunSaveOutcome(RunSaveOutcome.Kind.DISCARDED, null, "Stopped."));

        assertThat(vm.getStatus()).isEqualTo("Stopped.");
        assertThat(calls).containsExactly("settled");
        assertThat(background).isEmpty();
    }

    @Test
    void anOpenedRunShowsTheTestImagesOnlyOfItsOwnDataSet() throws IOException {
        SavedRun run = store.load(savedRun());

        vm.openRun(run, preview("MNIST", 1, 200), null);
        assertThat(shownImages.image(0)).isNotNull();
        assertThat(calls).containsExactly("show small-cnn", "try it small-cnn");
        assertThat(vm.getStatus()).startsWith("Opened small-cnn: its curves are on the Training");

        vm.openRun(run, preview("MNIST", 1, 100), null);
        assertThat(shownImages.image(0)).isNull();
        vm.openRun(run, preview("Fashion-MNIST", 1, 200), null);
        assertThat(shownImages.image(0)).isNull();
    }

    @Test
    void aRunOpenedWhileThisWindowTrainsIsOnlyOverlaidOnTheLiveCurves() throws IOException {
        SavedRun run = store.load(savedRun());
        trainingHere = true;

        vm.openRun(run, preview("MNIST", 1, 200), null);

        // the filters, confusion matrix and Try it stay with the network that trains
        assertThat(calls).containsExactly("overlay small-cnn", "tab TRAINING");
        assertThat(vm.getStatus())
                .contains("A run is training here")
                .contains("small-cnn is drawn dashed");
    }

    @Test
    void trainAgainBringsBackTheNetworkSettingsAndDataSet() throws IOException {
        SavedRun run = store.load(savedRun());

        vm.trainAgain(run.manifest(), preview("Colours", 3, 20));

        assertThat(editor.getSpec()).isEqualTo(run.manifest().spec());
        assertThat(calls)
                .containsExactly(
                        "hyperparameters lr 0.002",
                        "choose " + BuiltInDataset.MNIST.displayName(),
                        "tab TRAINING");
        assertThat(vm.getStatus())
                .isEqualTo(
                        "Loaded the network and settings of small-cnn — press Train to run it"
                                + " again.");

        calls.clear();
        vm.trainAgain(run.manifest(), preview(BuiltInDataset.MNIST.displayName(), 1, 20));
        assertThat(calls).containsExactly("hyperparameters lr 0.002", "tab TRAINING");
    }

    @Test
    void anUnexpectedErrorIsSaidInTheStatusLine() {
        vm.unexpectedError(new IllegalStateException("the disk is full"));
        assertThat(vm.getStatus())
                .isEqualTo(
                        "Something went wrong (the disk is full). Your network is unchanged; you"
                                + " can go on or save it.");
        vm.unexpectedError(new NullPointerException());
        assertThat(vm.getStatus()).startsWith("Something went wrong (NullPointerException).");
    }
}
