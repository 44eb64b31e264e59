package org.dnw.ui.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.dnw.spec.Sentence;
import org.dnw.store.RunStatus;
import org.dnw.store.RunSummary;
import org.dnw.ui.common.BackgroundJob;
import org.dnw.ui.common.DialogService;

/**
 * Export ▸ PyTorch… and Export ▸ ONNX… of the run selected on the Runs tab (after a training, the
 * run just saved is the one selected): whether they may be used and why not, the choosers, the
 * question before a folder that holds files is replaced, the writing in the background, and the
 * sentence saying what was written where, with the folder to open.
 *
 * <p>Where the PyTorch files go: the user chooses a place; the export goes into a new folder {@code
 * <run>-pytorch} there, unless the chosen folder is empty or is an earlier export (it holds {@code
 * model.py} or {@code model.pt}), which is then used itself. A folder full of other files (the home
 * folder, say) is thus never replaced whole.
 *
 * <p>File checks and writing run on the {@code background} executor, results on {@code ui} (the FX
 * thread; {@code Runnable::run} in tests). Public methods are called on the FX thread.
 */
public final class RunExportViewModel {

    /** The formats a run is exported to. */
    public enum Format {
        PYTORCH("PyTorch"),
        ONNX("ONNX");

        private final String label;

        Format(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The files of an earlier PyTorch export: a folder holding one of them may be replaced. */
    static final List<String> EXPORT_FILES = List.of("model.py", "model.pt");

    private static final Map<String, String> WHAT_FILES_HOLD =
            Map.of(
                    "model.py", "the network as an nn.Module",
                    "model.pt", "its trained weights",
                    "data.py", "reads and splits the data as the workbench",
                    "train.py", "trains it again",
                    "evaluate.py", "prints its test accuracy",
                    "augment.py", "the run's augmentation",
                    "README.md", "how to run them");

    private final ObservableList<RunSummary> selection;
    private final RunExporter exporter;
    private final DialogService dialogs;
    private final Path runsRoot;
    private final Executor background;
    private final Executor ui;
    private final BackgroundJob job;

    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available");
    private final ReadOnlyStringWrapper unavailableReason =
            new ReadOnlyStringWrapper(this, "unavailableReason", "");
    private final ReadOnlyObjectWrapper<Path> exportedFolder =
            new ReadOnlyObjectWrapper<>(this, "exportedFolder");

    /** Run folder → whether it holds weights.npz, as checked in the background. */
    private final Map<Path, Boolean> weights = new HashMap<>();

    private final Set<Path> checking = new HashSet<>();

    private Consumer<Path> openFolder = folder -> {};
    private Path lastPlace;

    /**
     * @param selection the runs selected on the Runs tab
     * @param exporter writes the files
     * @param dialogs the choosers, the replace question and errors
     * @param runsRoot the saved runs' folder: the choosers start beside it
     * @param background file checks and writing
     * @param ui the FX thread
     */
    public RunExportViewModel(
            ObservableList<RunSummary> selection,
            RunExporter exporter,
            DialogService dialogs,
            Path runsRoot,
            Executor background,
            Executor ui) {
        this.selection = Objects.requireNonNull(selection, "selection");
        this.exporter = Objects.requireNonNull(exporter, "exporter");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.runsRoot = Objects.requireNonNull(runsRoot, "runsRoot").toAbsolutePath().normalize();
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.job = new BackgroundJob(background, ui, "");
        selection.addListener((ListChangeListener<RunSummary>) c -> update());
        job.runningProperty().addListener((obs, was, now) -> update());
        update();
    }

    /** Shows a folder in the system's file browser (the app's way of opening documents). */
    public void setOpenFolder(Consumer<Path> value) {
        openFolder = value == null ? folder -> {} : value;
    }

    // ---- may the run be exported?

    /**
     * Why the selection cannot be exported, as a sentence; null when it can be.
     *
     * @param hasWeights whether the one selected run holds {@code weights.npz}; null while unknown
     */
    static String whyNot(List<RunSummary> selected, Boolean hasWeights) {
        if (selected.isEmpty()) {
            return "Select a saved run to export it as PyTorch or ONNX.";
        }
        if (selected.size() > 1) {
            return "Select one run to export: " + selected.size() + " are selected.";
        }
        RunSummary run = selected.get(0);
        String name = run.runName();
        if (run.status() == RunStatus.RUNNING) {
            return name + " is still training: export it once it has completed.";
        }
        if (run.status() == RunStatus.INTERRUPTED) {
            return name + " was interrupted: resume it, and export it once it has completed.";
        }
        if (run.isDamaged()) {
            return name + " is damaged and cannot be exported: " + Sentence.of(run.problem());
        }
        if (hasWeights == null) {
            return "Looking for the trained parameters of " + name + " …";
        }
        if (!hasWeights) {
            return name
                    + " has no weights.npz with its trained parameters, so there is nothing to"
                    + " export: train it again to export it.";
        }
        return null;
    }

    private void update() {
        RunSummary single = selection.size() == 1 ? selection.get(0) : null;
        Boolean known = single == null ? null : weights.get(single.folder());
        if (single != null && single.isComplete() && known == null) {
            checkWeights(single.folder());
            known = weights.get(single.folder());
        }
        String why = whyNot(List.copyOf(selection), known);
        if (why == null && job.isRunning()) {
            why = "An export is being written; wait until it is done.";
        }
        unavailableReason.set(why == null ? "" : why);
        available.set(why == null);
    }

    private void checkWeights(Path folder) {
        if (!checking.add(folder)) {
            return;
        }
        background.execute(
                () -> {
                    boolean has;
                    try {
                        has = exporter.hasWeights(folder);
                    } catch (RuntimeException e) {
                        has = false;
                    }
                    boolean found = has;
                    ui.execute(
                            () -> {
                                checking.remove(folder);
                                weights.put(folder, found);
                                update();
                            });
                });
    }

    // ---- PyTorch

    /** Asks where, then writes the selected run as PyTorch code and weights. */
    public void exportPyTorch() {
        RunSummary run = exportable(Format.PYTORCH);
        if (run == null) {
            return;
        }
        Optional<Path> place =
                dialogs.chooseFolder(
                        "Export " + run.runName() + " as PyTorch: where should its folder go?",
                        initialPlace());
        if (place.isEmpty()) {
            return;
        }
        Path chosen = place.get().toAbsolutePath().normalize();
        lastPlace = chosen;
        String name = run.runName();
        int mine = job.start(-1, "Exporting " + name + " as PyTorch …", () -> {});
        exportedFolder.set(null);
        job.execute(
                () -> {
                    Path target;
                    boolean holdsFiles;
                    try {
                        target = pyTorchTarget(chosen, run.folderName());
                        checkOutsideRuns(target);
                        holdsFiles = holdsFiles(target);
                    } catch (IOException | RuntimeException e) {
                        job.publish(mine, () -> failed(run, Format.PYTORCH, e));
                        return;
                    }
                    job.publish(mine, () -> writePyTorch(mine, run, target, holdsFiles));
                });
    }

    private void writePyTorch(int mine, RunSummary run, Path target, boolean holdsFiles) {
        if (holdsFiles
                && !dialogs.confirm(
                        "Replace the folder?",
                        target
                                + " already holds files (an earlier export?). Replace them all"
                                + " with this export of "
                                + run.runName()
                                + "?",
                        "Replace")) {
            job.setStatus("Export cancelled: " + target + " was left as it was.");
            job.finish();
            return;
        }
        job.execute(
                () -> {
                    try {
                        List<String> files =
                                exporter.writePyTorch(run.folder(), target, holdsFiles);
                        job.publish(
                                mine,
                                () -> {
                                    job.setStatus(pyTorchWritten(run.runName(), target, files));
                                    exportedFolder.set(target);
                                    job.finish();
                                });
                    } catch (IOException | RuntimeException e) {
                        job.publish(mine, () -> failed(run, Format.PYTORCH, e));
                    }
                });
    }

    /**
     * Where a PyTorch export goes when the user chose {@code chosen}: the chosen folder itself when
     * it does not exist yet, is empty or is an earlier export; else a new folder {@code
     * <run>-pytorch} in it.
     */
    static Path pyTorchTarget(Path chosen, String runFolderName) throws IOException {
        if (!Files.isDirectory(chosen) || !holdsFiles(chosen)) {
            return chosen;
        }
        for (String file : EXPORT_FILES) {
            if (Files.exists(chosen.resolve(file))) {
                return chosen;
            }
        }
        return chosen.resolve(runFolderName + "-pytorch");
    }

    /**
     * Refuses a place in the runs folder: every folder there is listed as a run, and an export
     * inside a run's folder would change the run.
     *
     * @throws IllegalArgumentException with a sentence when {@code target} is in the runs folder
     */
    private void checkOutsideRuns(Path target) {
        if (target.startsWith(runsRoot)) {
            throw new IllegalArgumentException(
                    target
                            + " is inside the runs folder "
                            + runsRoot
                            + ", where every folder is read as a run: choose a place outside it");
        }
    }

    private static boolean holdsFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isPresent();
        }
    }

    /** "Exported mlp as PyTorch to /x/mlp-pytorch: model.py (the network …), …". */
    static String pyTorchWritten(String runName, Path folder, List<String> files) {
        StringBuilder s =
                new StringBuilder("Exported ")
                        .append(runName)
                        .append(" as PyTorch to ")
                        .append(folder)
                        .append(": ");
        for (int i = 0; i < files.size(); i++) {
            String file = files.get(i);
            s.append(i == 0 ? "" : ", ").append(file);
            String what = WHAT_FILES_HOLD.get(file);
            if (what != null) {
                s.append(" (").append(what).append(')');
            }
        }
        return s.append('.').toString();
    }

    // ---- ONNX

    /** Asks for the file, then writes the selected run's network as an ONNX model. */
    public void exportOnnx() {
        RunSummary run = exportable(Format.ONNX);
        if (run == null) {
            return;
        }
        Optional<Path> chosen =
                dialogs.chooseFileToSave(
                        "Export " + run.runName() + " as ONNX",
                        run.folderName() + ".onnx",
                        "ONNX model (*.onnx)",
                        "*.onnx");
        if (chosen.isEmpty()) {
            return;
        }
        Path file = onnxFile(chosen.get());
        lastPlace = file.getParent();
        int mine = job.start(-1, "Exporting " + run.runName() + " as ONNX …", () -> {});
        exportedFolder.set(null);
        job.execute(
                () -> {
                    try {
                        checkOutsideRuns(file);
                        exporter.writeOnnx(run.folder(), file);
                        job.publish(
                                mine,
                                () -> {
                                    job.setStatus(onnxWritten(run.runName(), file));
                                    exportedFolder.set(file.getParent());
                                    job.finish();
                                });
                    } catch (IOException | RuntimeException e) {
                        job.publish(mine, () -> failed(run, Format.ONNX, e));
                    }
                });
    }

    /** The chosen file, with ".onnx" added when the user typed a name without it. */
    static Path onnxFile(Path chosen) {
        Path file = chosen.toAbsolutePath().normalize();
        String name = file.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(".onnx")
                ? file
                : file.resolveSibling(name + ".onnx");
    }

    static String onnxWritten(String runName, Path file) {
        return "Exported "
                + runName
                + " as ONNX to "
                + file
                + ": its network with the softmax output, for ONNX Runtime and other tools.";
    }

    // ---- shared

    /** The run to export, or null after saying why there is none (menus stay enabled). */
    private RunSummary exportable(Format format) {
        if (job.isRunning()) {
            return null;
        }
        String why = unavailableReason.get();
        if (!why.isEmpty()) {
            job.setError("");
            job.setStatus(""); // the same sentence again is still said again
            job.setStatus("Cannot export as " + format.label() + ": " + why);
            return null;
        }
        return selection.get(0);
    }

    private void failed(RunSummary run, Format format, Throwable e) {
        String why = Sentence.of(e);
        job.setStatus("");
        job.setError("Could not export " + run.runName() + " as " + format.label() + ": " + why);
        job.finish();
        dialogs.showError("Cannot export the run", why);
    }

    private Path initialPlace() {
        if (lastPlace != null) {
            return lastPlace;
        }
        Path parent = runsRoot.getParent();
        return parent != null && Files.isDirectory(parent)
                ? parent
                : Path.of(System.getProperty("user.home"));
    }

    /** Opens the folder of the last export in the system's file browser. */
    public void openExportedFolder() {
        Path folder = exportedFolder.get();
        if (folder != null) {
            openFolder.accept(folder);
        }
    }

    // ---- properties

    /** Status, error and running of the export, shown by the Runs tab and the window. */
    public BackgroundJob job() {
        return job;
    }

    /** True when the selection is one complete run with its trained parameters. */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    /** Why Export cannot be used now, as a sentence; empty when it can. */
    public ReadOnlyStringProperty unavailableReasonProperty() {
        return unavailableReason.getReadOnlyProperty();
    }

    /** The folder the last export was written to (the ONNX file's folder); null before one. */
    public ReadOnlyObjectProperty<Path> exportedFolderProperty() {
        return exportedFolder.getReadOnlyProperty();
    }
}
