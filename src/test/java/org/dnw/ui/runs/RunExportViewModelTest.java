package org.dnw.ui.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dnw.store.RunStatus;
import org.dnw.store.RunSummary;
import org.dnw.ui.common.FakeDialogService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export ▸ PyTorch… / ONNX… with a recording exporter: enabling, choosers, sentences. */
class RunExportViewModelTest {

    @TempDir Path temp;

    Path runsRoot;
    final ObservableList<RunSummary> selection = FXCollections.observableArrayList();
    final FakeDialogService dialogs = new FakeDialogService();
    final RecordingExporter exporter = new RecordingExporter();
    final List<Path> opened = new ArrayList<>();
    RunExportViewModel vm;

    @BeforeEach
    void setUp() throws IOException {
        runsRoot = Files.createDirectories(temp.resolve("project/saved-models"));
        vm =
                new RunExportViewModel(
                        selection, exporter, dialogs, runsRoot, Runnable::run, Runnable::run);
        vm.setOpenFolder(opened::add);
    }

    RunSummary run(String folder, RunStatus status, String problem) {
        return new RunSummary(
                runsRoot.resolve(folder),
                status,
                problem,
                "mlp",
                "mnist-sample",
                "mlp",
                100_000,
                2,
                0.9,
                0.88,
                12_000,
                "cpu",
                Instant.parse("2026-12-06T05:46:50Z"),
                2,
                1000);
    }

    RunSummary complete() {
        exporter.withWeights.add(runsRoot.resolve("20261206-054650-mlp"));
        return run("20261206-054650-mlp", RunStatus.OK, null);
    }

    // ---- enabling

    @Test
    void aCompleteRunWithWeightsMayBeExported() {
        assertThat(vm.availableProperty().get()).isFalse();
        assertThat(vm.unavailableReasonProperty().get())
                .isEqualTo("Select a saved run to export it as PyTorch or ONNX.");

        selection.setAll(complete());

        assertThat(vm.availableProperty().get()).isTrue();
        assertThat(vm.unavailableReasonProperty().get()).isEmpty();
    }

    @Test
    void eachRunThatCannotBeExportedSaysWhy() {
        selection.setAll(run("a", RunStatus.RUNNING, null));
        assertThat(vm.availableProperty().get()).isFalse();
        assertThat(vm.unavailableReasonProperty().get())
                .isEqualTo("mlp is still training: export it once it has completed.");

        selection.setAll(run("b", RunStatus.INTERRUPTED, null));
        assertThat(vm.unavailableReasonProperty().get())
                .isEqualTo("mlp was interrupted: resume it, and export it once it has completed.");

        selection.setAll(run("c", RunStatus.DAMAGED, "manifest.json is missing"));
        assertThat(vm.unavailableReasonProperty().get())
                .isEqualTo("mlp is damaged and cannot be exported: manifest.json is missing.");

        selection.setAll(run("d", RunStatus.OK, null)); // the exporter finds no weights.npz
        assertThat(vm.availableProperty().get()).isFalse();
        assertThat(vm.unavailableReasonProperty().get())
                .isEqualTo(
                        "mlp has no weights.npz with its trained parameters, so there is nothing"
                                + " to export: train it again to export it.");

        selection.setAll(complete(), run("e", RunStatus.OK, null));
        assertThat(vm.unavailableReasonProperty().get())
                .isEqualTo("Select one run to export: 2 are selected.");
    }

    @Test
    void theWeightsAreLookedForOnceInTheBackground() {
        List<Runnable> background = new ArrayList<>();
        RunExportViewModel later =
                new RunExportViewModel(
                        selection, exporter, dialogs, runsRoot, background::add, Runnable::run);
        RunSummary run = complete();
        selection.setAll(run);
        assertThat(later.availableProperty().get()).isFalse();
        assertThat(later.unavailableReasonProperty().get())
                .isEqualTo("Looking for the trained parameters of mlp …");
        assertThat(exporter.weightChecks).isEqualTo(1); // vm's, which runs checks at once

        background.remove(0).run();

        assertThat(later.availableProperty().get()).isTrue();
        selection.clear();
        selection.setAll(run);
        assertThat(background).isEmpty();
        assertThat(exporter.weightChecks).isEqualTo(1 + 1); // this model's and vm's
    }

    @Test
    void theMenuSaysWhyWhenThereIsNothingToExport() {
        vm.exportPyTorch();

        assertThat(dialogs.choosers).isEmpty();
        assertThat(vm.job().statusProperty().get())
                .isEqualTo(
                        "Cannot export as PyTorch: Select a saved run to export it as PyTorch or"
                                + " ONNX.");
        assertThat(exporter.pyTorch).isEmpty();
    }

    // ---- PyTorch

    @Test
    void anEmptyChosenFolderReceivesTheExport() throws IOException {
        selection.setAll(complete());
        Path chosen = Files.createDirectories(temp.resolve("empty"));
        dialogs.foldersToChoose.add(chosen);

        vm.exportPyTorch();

        assertThat(dialogs.initialFolders).containsExactly(runsRoot.getParent());
        assertThat(exporter.pyTorch).containsExactly(new Call(chosen, false));
        assertThat(vm.job().statusProperty().get())
                .isEqualTo(
                        "Exported mlp as PyTorch to "
                                + chosen
                                + ": model.py (the network as an nn.Module), model.pt (its"
                                + " trained weights), train.py (trains it again), evaluate.py"
                                + " (prints its test accuracy), README.md (how to run them).");
        assertThat(vm.job().errorProperty().get()).isEmpty();
        assertThat(vm.job().isRunning()).isFalse();
        assertThat(vm.exportedFolderProperty().get()).isEqualTo(chosen);

        vm.openExportedFolder();
        assertThat(opened).containsExactly(chosen);
    }

    @Test
    void aFolderOfOtherFilesGetsANewRunFolder() throws IOException {
        selection.setAll(complete());
        Path home = Files.createDirectories(temp.resolve("home"));
        Files.writeString(home.resolve("notes.txt"), "mine");
        dialogs.foldersToChoose.add(home);

        vm.exportPyTorch();

        Path target = home.resolve("20261206-054650-mlp-pytorch");
        assertThat(exporter.pyTorch).containsExactly(new Call(target, false));
        assertThat(dialogs.questions).isEmpty();
        assertThat(vm.exportedFolderProperty().get()).isEqualTo(target);
    }

    @Test
    void anEarlierExportIsReplacedOnlyWhenTheUserSaysSo() throws IOException {
        selection.setAll(complete());
        Path earlier = Files.createDirectories(temp.resolve("earlier"));
        Files.writeString(earlier.resolve("model.py"), "old");

        dialogs.foldersToChoose.add(earlier);
        dialogs.confirmations.add(false);
        vm.exportPyTorch();

        assertThat(dialogs.questions)
                .containsExactly(
                        earlier
                                + " already holds files (an earlier export?). Replace them all"
                                + " with this export of mlp?");
        assertThat(exporter.pyTorch).isEmpty();
        assertThat(vm.job().statusProperty().get())
                .isEqualTo("Export cancelled: " + earlier + " was left as it was.");
        assertThat(vm.job().isRunning()).isFalse();

        dialogs.foldersToChoose.add(earlier);
        dialogs.confirmations.add(true);
        vm.exportPyTorch();

        assertThat(exporter.pyTorch).containsExactly(new Call(earlier, true));
        // the next chooser starts where this one ended
        assertThat(dialogs.initialFolders).last().isEqualTo(earlier);
    }

    @Test
    void theCoresSentenceIsShownAndNothingIsClaimed() {
        selection.setAll(complete());
        dialogs.foldersToChoose.add(temp.resolve("out"));
        exporter.failure =
                new IOException(
                        "cannot write into /srv: permission denied — choose another folder");

        vm.exportPyTorch();

        String why = "Cannot write into /srv: permission denied — choose another folder.";
        assertThat(vm.job().errorProperty().get())
                .isEqualTo("Could not export mlp as PyTorch: " + why);
        assertThat(dialogs.errors).containsExactly("Cannot export the run: " + why);
        assertThat(vm.job().statusProperty().get()).isEmpty();
        assertThat(vm.exportedFolderProperty().get()).isNull();
        assertThat(vm.job().isRunning()).isFalse();
        assertThat(vm.availableProperty().get()).isTrue();
    }

    @Test
    void theRunsFolderIsNoPlaceForAnExport() throws IOException {
        selection.setAll(complete());
        Files.createDirectories(runsRoot.resolve("20261206-054650-mlp"));
        dialogs.foldersToChoose.add(runsRoot);

        vm.exportPyTorch();

        assertThat(exporter.pyTorch).isEmpty();
        assertThat(vm.job().errorProperty().get())
                .isEqualTo(
                        "Could not export mlp as PyTorch: "
                                + runsRoot.resolve("20261206-054650-mlp-pytorch")
                                + " is inside the runs folder "
                                + runsRoot
                                + ", where every folder is read as a run: choose a place"
                                + " outside it.");
    }

    @Test
    void cancellingTheChooserDoesNothing() {
        selection.setAll(complete());

        vm.exportPyTorch();
        vm.exportOnnx();

        assertThat(dialogs.choosers).hasSize(2);
        assertThat(exporter.pyTorch).isEmpty();
        assertThat(exporter.onnx).isEmpty();
        assertThat(vm.job().statusProperty().get()).isEmpty();
    }

    // ---- ONNX

    @Test
    void onnxIsWrittenToTheChosenFileWithItsExtension() {
        selection.setAll(complete());
        dialogs.filesToSave.add(temp.resolve("mnist-model"));

        vm.exportOnnx();

        assertThat(dialogs.suggestedNames).containsExactly("20261206-054650-mlp.onnx");
        Path file = temp.resolve("mnist-model.onnx");
        assertThat(exporter.onnx).containsExactly(file);
        assertThat(vm.job().statusProperty().get())
                .isEqualTo(
                        "Exported mlp as ONNX to "
                                + file
                                + ": its network with the softmax output, for ONNX Runtime and"
                                + " other tools.");
        assertThat(vm.exportedFolderProperty().get()).isEqualTo(temp);
    }

    @Test
    void anOnnxFileIsNotWrittenIntoTheRunsFolder() {
        selection.setAll(complete());
        dialogs.filesToSave.add(runsRoot.resolve("20261206-054650-mlp/m.onnx"));

        vm.exportOnnx();

        assertThat(exporter.onnx).isEmpty();
        assertThat(vm.job().errorProperty().get())
                .startsWith("Could not export mlp as ONNX: ")
                .endsWith(
                        " is inside the runs folder "
                                + runsRoot
                                + ", where every folder is read as a run: choose a place outside it.");
    }

    @Test
    void anOnnxExportThatFailsSaysWhy() {
        selection.setAll(complete());
        dialogs.filesToSave.add(temp.resolve("m.onnx"));
        exporter.failure =
                new UnsupportedOperationException("ONNX export is not in this build yet");

        vm.exportOnnx();

        assertThat(vm.job().errorProperty().get())
                .isEqualTo("Could not export mlp as ONNX: ONNX export is not in this build yet.");
        assertThat(dialogs.errors)
                .containsExactly("Cannot export the run: ONNX export is not in this build yet.");
    }

    @Test
    void exportIsUnavailableWhileAnExportIsWritten() {
        List<Runnable> background = new ArrayList<>();
        exporter.withWeights.add(runsRoot.resolve("20261206-054650-mlp"));
        RunExportViewModel slow =
                new RunExportViewModel(
                        selection, exporter, dialogs, runsRoot, background::add, Runnable::run);
        selection.setAll(run("20261206-054650-mlp", RunStatus.OK, null));
        background.remove(0).run(); // the weights check
        dialogs.filesToSave.add(temp.resolve("m.onnx"));

        slow.exportOnnx();

        assertThat(slow.job().isRunning()).isTrue();
        assertThat(slow.availableProperty().get()).isFalse();
        assertThat(slow.unavailableReasonProperty().get())
                .isEqualTo("An export is being written; wait until it is done.");
        background.remove(0).run();
        assertThat(slow.availableProperty().get()).isTrue();
        assertThat(exporter.onnx).hasSize(1);
    }

    record Call(Path folder, boolean replace) {}

    /** Writes nothing: records what it was asked, or fails as told. */
    static final class RecordingExporter implements RunExporter {
        final Set<Path> withWeights = new HashSet<>();
        final List<Call> pyTorch = new ArrayList<>();
        final List<Path> onnx = new ArrayList<>();
        int weightChecks;
        Exception failure;

        @Override
        public boolean hasWeights(Path runFolder) {
            weightChecks++;
            return withWeights.contains(runFolder);
        }

        @Override
        public List<String> writePyTorch(Path runFolder, Path folder, boolean replace)
                throws IOException {
            fail();
            pyTorch.add(new Call(folder, replace));
            return List.of("model.py", "model.pt", "train.py", "evaluate.py", "README.md");
        }

        @Override
        public void writeOnnx(Path runFolder, Path file) throws IOException {
            fail();
            onnx.add(file);
        }

        private void fail() throws IOException {
            if (failure instanceof IOException io) {
                throw io;
            }
            if (failure instanceof RuntimeException r) {
                throw r;
            }
        }
    }
}
