package org.dnw.ui.workbench;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.dnw.data.BuiltInDataset;
import org.dnw.data.DataSplits;
import org.dnw.data.ImageSamples;
import org.dnw.runs.RunSaveOutcome;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.Presets;
import org.dnw.spec.SpecFormatException;
import org.dnw.spec.SpecJson;
import org.dnw.store.RunManifest;
import org.dnw.store.SavedRun;
import org.dnw.ui.architecture.ArchitectureViewModel;
import org.dnw.ui.architecture.DiagramViewModel;
import org.dnw.ui.common.DialogService;
import org.dnw.ui.confusion.SampleImages;
import org.dnw.ui.data.DatasetPreview;

/**
 * The main window's state and file actions: new from preset, open and save a spec as JSON, quit,
 * the window title and the status line; and the decisions that link the features (a data set
 * loaded, a run saved or opened, Train again), which reach the other features through {@link
 * WorkbenchLinks}.
 *
 * <p>Files are read and written on the {@code background} executor and the results applied on the
 * {@code ui} executor (the FX thread in the application; {@code Runnable::run} in tests). Errors
 * reach the user as sentences through the {@link DialogService} and the status line.
 */
public final class WorkbenchViewModel {

    static final String APP_NAME = "Deep Network Workbench";
    private static final String SPEC_FILTER = "Network spec (*.json)";

    private final ArchitectureViewModel architecture;
    private final DialogService dialogs;
    private final Executor background;
    private final Executor ui;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Ready");
    private final ReadOnlyObjectWrapper<Path> specFile =
            new ReadOnlyObjectWrapper<>(this, "specFile");
    private final ObjectProperty<ModelSpec> savedSpec =
            new SimpleObjectProperty<>(this, "savedSpec");
    private final BooleanBinding dirty;
    private final StringBinding title;
    private WorkbenchLinks links;
    private final DiagramViewModel diagram;

    public WorkbenchViewModel(
            ArchitectureViewModel architecture,
            DialogService dialogs,
            Executor background,
            Executor ui) {
        this.architecture = Objects.requireNonNull(architecture);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.background = Objects.requireNonNull(background);
        this.ui = Objects.requireNonNull(ui);
        savedSpec.set(architecture.getSpec());
        dirty =
                Bindings.createBooleanBinding(
                        () -> !architecture.getSpec().equals(savedSpec.get()),
                        architecture.specProperty(),
                        savedSpec);
        title =
                Bindings.createStringBinding(
                        () ->
                                architecture.getSpec().name()
                                        + (dirty.get() ? " *" : "")
                                        + " — "
                                        + APP_NAME,
                        architecture.specProperty(),
                        dirty);
        architecture.messageProperty().addListener((obs, old, now) -> status.set(now));
        diagram = new DiagramViewModel(dialogs, background, ui, status::set);
    }

    /** The editor's network as a picture, to show under the cards and export. */
    public DiagramViewModel diagram() {
        return diagram;
    }

    public ArchitectureViewModel architecture() {
        return architecture;
    }

    /** The status line: what happened last, as a sentence. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public String getStatus() {
        return status.get();
    }

    /** Shows {@code message} in the status line (for the other tabs too). */
    public void showStatus(String message) {
        status.set(message);
    }

    /** An error no feature caught: said in the status line, as the network is unharmed. */
    public void unexpectedError(Throwable error) {
        showStatus(
                "Something went wrong ("
                        + (error.getMessage() == null
                                ? error.getClass().getSimpleName()
                                : error.getMessage())
                        + "). Your network is unchanged; you can go on or save it.");
    }

    /** E.g. "seed-cnn * — Deep Network Workbench" (the star: unsaved changes). */
    public StringBinding titleBinding() {
        return title;
    }

    /** True when the network differs from the one last loaded or saved. */
    public BooleanBinding dirtyBinding() {
        return dirty;
    }

    /** The file the network was last opened from or saved to; null for a preset. */
    public ReadOnlyObjectProperty<Path> specFileProperty() {
        return specFile.getReadOnlyProperty();
    }

    /**
     * Fits the network, its undo history, every preset and spec opened later, and the saved network
     * it is compared with to the chosen data set, e.g. {@code spec -> spec.adaptTo(dataShape,
     * classCount)} (see {@link ArchitectureViewModel#fitTo}). Not an edit: it leaves the network
     * saved when it was, so choosing a data set never asks "Quit without saving?".
     */
    public void fitNetwork(UnaryOperator<ModelSpec> fit) {
        architecture.fitTo(fit);
        savedSpec.set(fit.apply(savedSpec.get()));
    }

    /** How this view-model reaches the other features; set once, before the window shows. */
    public void setLinks(WorkbenchLinks links) {
        this.links = Objects.requireNonNull(links, "links");
    }

    // ---- decisions that link the features

    /** A data set was loaded: the network is fitted to it (not an undoable edit) and it is said. */
    public void dataLoaded(DatasetPreview now) {
        if (now == null) {
            return;
        }
        // not an undoable edit: the history is refitted, so Undo cannot leave a network that
        // does not fit the data, and a saved network stays saved
        fitNetwork(s -> s.adaptTo(now.inputShape(), now.classCount()));
        showStatus(
                now.name()
                        + " loaded: the network now takes "
                        + now.inputShape()
                        + " inputs and has "
                        + now.classCount()
                        + " classes.");
    }

    /**
     * A training ended: its outcome is said; a saved run is listed, read back in the background and
     * handed to Try it.
     */
    public void runSaved(RunSaveOutcome outcome) {
        showStatus(outcome.message());
        if (!outcome.isSaved()) {
            links.runSettled();
            return;
        }
        links.runListed(outcome.folder());
        background.execute(
                () -> {
                    try {
                        SavedRun run = links.readRun(outcome.folder());
                        ui.execute(
                                () -> {
                                    links.useForTryIt(run);
                                    links.runSettled();
                                });
                    } catch (IOException e) {
                        ui.execute(
                                () -> {
                                    showStatus(
                                            "The run was saved but could not be read back: "
                                                    + e.getMessage());
                                    links.runSettled();
                                });
                    }
                });
    }

    /**
     * A saved run is opened: the views show it, with the test images of the loaded data set or of
     * the last run's splits when they are the run's, and Try it uses it.
     *
     * @param loaded the data set loaded now; null when none
     * @param lastSplits the splits of the last run trained in this window; null when none
     */
    public void openRun(SavedRun run, DatasetPreview loaded, DataSplits lastSplits) {
        if (links.trainingHere()) {
            // the live views belong to the run training here; only its curves can sit beside it
            links.overlayRun(run);
            links.selectTab(WorkbenchTab.TRAINING);
            showStatus(
                    "A run is training here, so "
                            + run.manifest().runName()
                            + " is drawn dashed over its curves; open it again when the training"
                            + " ends to see its filters and confusion matrix.");
            return;
        }
        SampleImages images = SampleImages.none();
        String dataset = run.manifest().dataset().name();
        int testSize = run.manifest().dataset().testSize();
        if (loaded != null
                && loaded.name().equals(dataset)
                && loaded.test().size() == testSize
                && loaded.test() instanceof ImageSamples test) {
            images = SampleImages.of(test);
        } else if (lastSplits != null
                && lastSplits.test().size() == testSize
                && lastSplits.datasetName().equals(dataset)
                && lastSplits.test() instanceof ImageSamples test) {
            images = SampleImages.of(test);
        }
        links.showRun(run, images);
        links.useForTryIt(run);
        showStatus(
                "Opened "
                        + run.manifest().runName()
                        + ": its curves are on the Training tab, its filters and confusion matrix"
                        + " on theirs.");
    }

    /**
     * Train again: the run's network and settings come back, and its data set when it is a built-in
     * one other than the loaded one.
     *
     * @param loaded the data set loaded now; null when none
     */
    public void trainAgain(RunManifest manifest, DatasetPreview loaded) {
        architecture.load(manifest.spec(), "network of the run " + manifest.runName());
        links.useHyperparameters(manifest.hyperparameters());
        BuiltInDataset builtIn = BuiltInDataset.byName(manifest.dataset().name());
        if (builtIn != null && (loaded == null || !loaded.name().equals(builtIn.displayName()))) {
            links.chooseDataset(builtIn);
        }
        links.selectTab(WorkbenchTab.TRAINING);
        showStatus(
                "Loaded the network and settings of "
                        + manifest.runName()
                        + " — press Train to run it again.");
    }

    /** Replaces the network by a preset (one undoable step). */
    public void newFromPreset(String name) {
        ModelSpec preset;
        try {
            preset = Presets.load(name);
        } catch (IllegalArgumentException e) {
            dialogs.showError("No such preset", e.getMessage());
            status.set(e.getMessage());
            return;
        }
        architecture.load(preset, "new network from preset " + name);
        savedSpec.set(architecture.getSpec());
        specFile.set(null);
        status.set("New network from preset " + name);
    }

    /** Asks for a spec file and opens it (one undoable step). */
    public void openSpec() {
        dialogs.chooseFileToOpen("Open network spec", SPEC_FILTER, "*.json")
                .ifPresent(
                        file -> {
                            status.set("Opening " + file + " …");
                            background.execute(() -> read(file));
                        });
    }

    /** Asks where to save the network and writes it as JSON. */
    public void saveSpec() {
        ModelSpec spec = architecture.getSpec();
        String suggested =
                specFile.get() != null && specFile.get().getFileName() != null
                        ? specFile.get().getFileName().toString()
                        : spec.name() + ".json";
        dialogs.chooseFileToSave("Save network spec", suggested, SPEC_FILTER, "*.json")
                .ifPresent(
                        chosen -> {
                            Path file = withJsonExtension(chosen);
                            background.execute(() -> write(spec, file));
                        });
    }

    /** True when the window may close: nothing unsaved, or the user agreed to lose it. */
    public boolean requestQuit() {
        if (!dirty.get()) {
            return true;
        }
        return dialogs.confirm(
                "Quit without saving?",
                "The network \""
                        + architecture.getSpec().name()
                        + "\" has changes that are not saved. Quit anyway and lose them?",
                "Quit without saving");
    }

    private void read(Path file) {
        if (!Files.isRegularFile(file)) {
            ui.execute(
                    () -> {
                        status.set("Could not open " + file.getFileName());
                        dialogs.showError(
                                "Cannot open the network spec",
                                file
                                        + " cannot be read: there is no such file. Choose another one.");
                    });
            return;
        }
        try {
            ModelSpec spec = SpecJson.read(file);
            ui.execute(
                    () -> {
                        architecture.load(spec, "open " + file.getFileName());
                        savedSpec.set(architecture.getSpec());
                        specFile.set(file);
                        status.set("Opened " + file);
                    });
        } catch (SpecFormatException e) {
            ui.execute(
                    () -> {
                        status.set("Could not open " + file.getFileName());
                        dialogs.showError(
                                "Cannot open the network spec",
                                e.getMessage() + ". Choose a spec saved by the workbench (JSON).");
                    });
        } catch (RuntimeException e) {
            ui.execute(
                    () -> {
                        status.set("Could not open " + file.getFileName());
                        dialogs.showError(
                                "Cannot open the network spec",
                                file + " could not be read as a network (" + e.getMessage() + ").");
                    });
        }
    }

    private void write(ModelSpec spec, Path file) {
        try {
            SpecJson.write(spec, file);
            ui.execute(
                    () -> {
                        savedSpec.set(spec);
                        specFile.set(file);
                        status.set("Saved " + spec.name() + " to " + file);
                    });
        } catch (IOException e) {
            ui.execute(
                    () -> {
                        status.set("Could not save to " + file.getFileName());
                        dialogs.showError(
                                "Cannot save the network spec",
                                file
                                        + " cannot be written ("
                                        + reason(e)
                                        + "). Choose another folder or file name.");
                    });
        }
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "its folder does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static Path withJsonExtension(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(".json")
                ? file
                : file.resolveSibling(name + ".json");
    }
}
