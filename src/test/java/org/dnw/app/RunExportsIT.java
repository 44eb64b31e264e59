package org.dnw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dnw.export.ExportFixtures;
import org.dnw.export.PythonProcess;
import org.dnw.store.RunStore;
import org.dnw.store.RunSummary;
import org.dnw.ui.common.FakeDialogService;
import org.dnw.ui.runs.RunExportViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's Export ▸ PyTorch… / ONNX… on a real run (the mlp preset trained for 2 epochs on the
 * shipped MNIST sample through the command line, once per JVM by {@link ExportFixtures}), copied
 * into a runs folder of its own: the view model as the Runs tab drives it, {@link RunExports} and
 * the export package writing real files. No display: the dialogs are scripted.
 */
class RunExportsIT {

    @TempDir Path temp;

    Path runs;
    Path run;
    final ObservableList<RunSummary> selection = FXCollections.observableArrayList();
    final FakeDialogService dialogs = new FakeDialogService();
    RunExportViewModel vm;
    Path locked;

    @BeforeEach
    void setUp() throws IOException {
        runs = Files.createDirectories(temp.resolve("saved-models"));
        Path trained = ExportFixtures.run("mlp");
        run = runs.resolve(trained.getFileName().toString());
        copy(trained, run);
        RunStore store = new RunStore(runs);
        vm =
                new RunExportViewModel(
                        selection,
                        new RunExports(store),
                        dialogs,
                        runs,
                        Runnable::run,
                        Runnable::run);
        selection.setAll(store.list());
    }

    @AfterEach
    void unlock() throws Exception {
        if (locked != null) {
            new ProcessBuilder("chattr", "-i", locked.toString()).start().waitFor();
            locked.toFile().setWritable(true);
        }
    }

    @Test
    void pyTorchExportWritesTheModelAndSaysWhatIsWhere() throws Exception {
        assertThat(vm.availableProperty().get()).as(vm.unavailableReasonProperty().get()).isTrue();
        Path place = Files.createDirectories(temp.resolve("exports"));
        Files.writeString(place.resolve("notes.txt"), "the user's own file");
        dialogs.foldersToChoose.add(place);

        vm.exportPyTorch();

        Path folder = place.resolve(run.getFileName() + "-pytorch");
        assertThat(vm.job().errorProperty().get()).isEmpty();
        assertThat(folder.resolve("model.pt")).isRegularFile();
        assertThat(folder.resolve("model.py")).isRegularFile();
        assertThat(Files.size(folder.resolve("model.pt"))).isGreaterThan(100_000); // 784×128 floats
        assertThat(Files.readString(folder.resolve("model.py"))).contains("class Net(nn.Module)");
        assertThat(vm.job().statusProperty().get())
                .startsWith(
                        "Exported export-mlp as PyTorch to " + folder + ": model.py (the network")
                .contains("model.pt (its trained weights)", "README.md (how to run them)");
        assertThat(vm.exportedFolderProperty().get()).isEqualTo(folder);
        assertThat(place.resolve("notes.txt")).hasContent("the user's own file");
        assertThat(dialogs.errors).isEmpty();

        // PyTorch itself loads model.pt into model.py's network
        String python = PythonProcess.require("torch");
        PythonProcess.Result r =
                PythonProcess.run(
                        folder,
                        120,
                        python,
                        "-c",
                        "import torch; from model import Net; n = Net();"
                                + " n.load_state_dict(torch.load('model.pt')); print('loaded',"
                                + " sum(p.numel() for p in n.parameters()))");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("loaded ");
    }

    @Test
    void anUnwritableFolderShowsTheSentenceAndWritesNothing() throws Exception {
        Path parent = Files.createDirectories(temp.resolve("read-only"));
        lock(parent);
        dialogs.foldersToChoose.add(parent.resolve("export"));

        vm.exportPyTorch();

        assertThat(vm.job().errorProperty().get())
                .startsWith("Could not export export-mlp as PyTorch: ")
                .contains(parent.toString(), "choose another folder");
        assertThat(dialogs.errors).hasSize(1);
        assertThat(vm.exportedFolderProperty().get()).isNull();
        assertThat(vm.job().statusProperty().get()).isEmpty();
        try (Stream<Path> left = Files.list(parent)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aFolderThatCannotBeMadeShowsTheSentenceAndWritesNothing() throws Exception {
        Path file = Files.writeString(temp.resolve("a-file"), "not a folder");
        dialogs.foldersToChoose.add(file.resolve("export"));

        vm.exportPyTorch();

        assertThat(vm.job().errorProperty().get())
                .isEqualTo(
                        "Could not export export-mlp as PyTorch: "
                                + file.resolve("export")
                                + " cannot be made: "
                                + file
                                + " is a file, not a folder.");
        assertThat(file).hasContent("not a folder");
        try (Stream<Path> left = Files.list(temp)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("a-file", "saved-models");
        }
    }

    @Test
    void aDamagedRunSaysSoAndWritesNothing() throws Exception {
        Path weights = run.resolve("weights.npz");
        Files.write(weights, new byte[] {'P', 'K', 3, 4, 0, 0});
        Path place = Files.createDirectories(temp.resolve("exports"));
        dialogs.foldersToChoose.add(place);

        vm.exportPyTorch();

        assertThat(vm.job().errorProperty().get())
                .startsWith("Could not export export-mlp as PyTorch: ")
                .contains("weights.npz", "damaged");
        try (Stream<Path> left = Files.list(place)) {
            assertThat(left).isEmpty();
        }

        Files.delete(weights);
        selection.setAll(List.copyOf(selection));
        RunExportViewModel fresh =
                new RunExportViewModel(
                        selection,
                        new RunExports(new RunStore(runs)),
                        dialogs,
                        runs,
                        Runnable::run,
                        Runnable::run);
        assertThat(fresh.availableProperty().get()).isFalse();
        assertThat(fresh.unavailableReasonProperty().get()).contains("has no weights.npz");
    }

    @Test
    void onnxExportWritesTheFile() throws Exception {
        Path file = temp.resolve("mlp.onnx");
        dialogs.filesToSave.add(temp.resolve("mlp"));

        vm.exportOnnx();

        assertThat(vm.job().errorProperty().get()).isEmpty();
        assertThat(file).isRegularFile();
        assertThat(Files.size(file)).isGreaterThan(100_000);
        assertThat(vm.job().statusProperty().get())
                .startsWith("Exported export-mlp as ONNX to " + file + ": ");
    }

    /** Makes {@code folder} unwritable, even for root (chattr +i); skips when it cannot. */
    private void lock(Path folder) throws Exception {
        locked = folder;
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            int code =
                    new ProcessBuilder("chattr", "+i", folder.toString())
                            .redirectErrorStream(true)
                            .start()
                            .waitFor();
            assumeTrue(
                    code == 0,
                    "skipped: running as root, and chattr +i (which needs CAP_LINUX_IMMUTABLE)"
                            + " failed, so no folder can be made unwritable here");
        } else {
            assumeTrue(
                    folder.toFile().setWritable(false, false),
                    "skipped: the folder's write permission could not be taken away");
        }
        assumeTrue(
                !Files.isWritable(folder),
                "skipped: " + folder + " stayed writable, so the case cannot be made here");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
