package org.dnw.ui.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dnw.data.TableLayout;
import org.dnw.spec.Sentence;
import org.dnw.ui.common.DialogService;

/**
 * State of the Data tab: the built-in data sets, loading one (or a file or folder the user opens)
 * with progress and Cancel, the failure sentence, and the preview of what was loaded — sample tiles
 * or table rows, class counts and split sizes.
 *
 * <p>The {@link DatasetSource} runs on the {@code background} executor; results, progress and
 * errors are applied on the {@code ui} executor (the FX thread in the application, {@code
 * Runnable::run} in tests). Everything public is called on the FX thread. A newer load or a cancel
 * makes the results of an older load be ignored, so only the last choice ever shows.
 */
public final class DataViewModel {

    private static final String OPEN_FILE_FILTER = "Data sets (archive, IDX, CSV or text table)";
    private static final String[] OPEN_FILE_PATTERNS = {
        "*.zip", "*.tar.gz", "*.tgz", "*.gz", "*-ubyte", "*.idx", "*.csv", "*.txt", "*.bin"
    };

    private final DatasetSource source;
    private final DialogService dialogs;
    private final Executor background;
    private final Executor ui;

    private final ObservableList<DatasetChoice> choices = FXCollections.observableArrayList();
    private final ObservableList<DatasetChoice> choicesView =
            FXCollections.unmodifiableObservableList(choices);
    private final ReadOnlyObjectWrapper<DatasetChoice> chosen =
            new ReadOnlyObjectWrapper<>(this, "chosen");
    private final ReadOnlyObjectWrapper<DatasetPreview> loaded =
            new ReadOnlyObjectWrapper<>(this, "loaded");
    private final DoubleProperty validationShare =
            new SimpleDoubleProperty(this, "validationShare", 0.1);
    private final ReadOnlyObjectWrapper<SplitSizes> splitSizes =
            new ReadOnlyObjectWrapper<>(this, "splitSizes");

    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyStringWrapper progressText =
            new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper statusText =
            new ReadOnlyStringWrapper(
                    this, "statusText", "Choose a data set to see its samples and classes.");
    private final ReadOnlyObjectWrapper<LoadFailure> failure =
            new ReadOnlyObjectWrapper<>(this, "failure", LoadFailure.NONE);
    private final ReadOnlyStringWrapper summaryText =
            new ReadOnlyStringWrapper(this, "summaryText", "");
    private final ReadOnlyStringWrapper noticeText =
            new ReadOnlyStringWrapper(
                    this, "noticeText", "Choose a data set to see its samples and classes.");

    private final ObservableList<ClassCountRow> classCounts = FXCollections.observableArrayList();
    private final SamplesPreview samples = new SamplesPreview(this);
    private final ObservableList<String> labelColumnChoices = FXCollections.observableArrayList();
    private final javafx.beans.property.ReadOnlyIntegerWrapper labelColumnIndex =
            new javafx.beans.property.ReadOnlyIntegerWrapper(this, "labelColumnIndex", -1);
    private final ReadOnlyStringWrapper labelColumnNote =
            new ReadOnlyStringWrapper(this, "labelColumnNote", "");

    /** The load started last, finished or not. */
    private Load lastStarted;

    /** The file or folder last opened by path; null after a built-in set was loaded. */
    private Path openedPath;

    /** The columns of the table at {@link #openedPath}; null when it is no table. */
    private TableLayout openedLayout;

    /** The load whose results may still show; null when none runs. */
    private Load current;

    /** The built-in choice behind the loaded data; null when it came from an opened file. */
    private DatasetChoice loadedChoice;

    /** The built-in choice of the last failed load, for "Choose folder…". */
    private DatasetChoice missingChoice;

    /** A choice asked for before the list of choices arrived; loaded when it does. */
    private String pendingChoice;

    public DataViewModel(
            DatasetSource source, DialogService dialogs, Executor background, Executor ui) {
        this.source = Objects.requireNonNull(source, "source");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
        validationShare.addListener((obs, old, now) -> updateSplitSizes());
        refreshChoices();
    }

    // ---- choices

    /** The built-in data sets with where each one is, in the order the source gives. */
    public ObservableList<DatasetChoice> choices() {
        return choicesView;
    }

    /** Asks the source again where the built-in data sets are (it checks the disk). */
    public void refreshChoices() {
        background.execute(
                () -> {
                    List<DatasetChoice> found;
                    try {
                        found = List.copyOf(source.choices());
                    } catch (RuntimeException e) {
                        String reason = Sentence.of(e, "the list of data sets could not be read");
                        ui.execute(() -> statusText.set(reason));
                        return;
                    }
                    ui.execute(
                            () -> {
                                DatasetChoice was = chosen.get();
                                choices.setAll(found);
                                if (was != null) {
                                    chosen.set(
                                            found.stream()
                                                    .filter(c -> c.id().equals(was.id()))
                                                    .findFirst()
                                                    .orElse(was));
                                }
                                String pending = pendingChoice;
                                pendingChoice = null;
                                if (pending != null
                                        && found.stream().anyMatch(c -> c.id().equals(pending))) {
                                    choose(pending);
                                }
                            });
                });
    }

    /** The built-in data set chosen last (loaded, loading or failed); null after opening a file. */
    public ReadOnlyObjectProperty<DatasetChoice> chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    // ---- loading

    /**
     * Loads the built-in data set {@code id}, cancelling any load that still runs; asked before the
     * list of choices has arrived, it loads as soon as the list is there.
     */
    public void choose(String id) {
        if (choices.isEmpty()) {
            pendingChoice = id;
            return;
        }
        DatasetChoice choice =
                choices.stream()
                        .filter(c -> c.id().equals(id))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "no data set with id '" + id + "'"));
        choose(choice);
    }

    /** Loads a built-in data set, cancelling any load that still runs. */
    public void choose(DatasetChoice choice) {
        Objects.requireNonNull(choice, "choice");
        chosen.set(choice);
        start(
                choice.displayName(),
                choice,
                (sink, cancelled) -> source.load(choice.id(), sink, cancelled));
    }

    /** Asks for a data file (archive, IDX, CSV) and opens it. */
    public void openFile() {
        dialogs.chooseFileToOpen("Open a data set", OPEN_FILE_FILTER, OPEN_FILE_PATTERNS)
                .ifPresent(this::open);
    }

    /** Asks for a data folder (image folder, CIFAR-10 binary folder) and opens it. */
    public void openFolder() {
        dialogs.chooseFolder("Open a data set folder").ifPresent(this::open);
    }

    /** Opens a file or folder the user picked, cancelling any load that still runs. */
    public void open(Path path) {
        Objects.requireNonNull(path, "path");
        chosen.set(null);
        openedLayout = null;
        labelColumnChoices.clear();
        labelColumnIndex.set(-1);
        labelColumnNote.set("");
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        start(name, null, path, (sink, cancelled) -> source.open(path, null, sink, cancelled));
    }

    // ---- a table's label column

    /**
     * The columns of the table opened last, for choosing its label column; empty when no table was
     * opened by path (images, built-in sets).
     */
    public ObservableList<String> labelColumnChoices() {
        return labelColumnChoices;
    }

    /** Index into {@link #labelColumnChoices()} of the label column in use; -1 when none. */
    public javafx.beans.property.ReadOnlyIntegerProperty labelColumnIndexProperty() {
        return labelColumnIndex.getReadOnlyProperty();
    }

    /** How the label column was taken: "guessed: the header names it …", "chosen". */
    public ReadOnlyStringProperty labelColumnNoteProperty() {
        return labelColumnNote.getReadOnlyProperty();
    }

    /** Opens the table opened last again with its label in column {@code index} (0-based). */
    public void chooseLabelColumn(int index) {
        Path path = openedPath;
        TableLayout layout = openedLayout;
        if (path == null
                || layout == null
                || index < 0
                || index >= layout.columnNames().size()
                || index == labelColumnIndex.get()) {
            return;
        }
        labelColumnIndex.set(index);
        labelColumnNote.set("chosen");
        String column = layout.optionFor(index);
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        start(name, null, path, (sink, cancelled) -> source.open(path, column, sink, cancelled));
    }

    private void showLabelColumns(TableLayout layout, String note) {
        openedLayout = layout;
        if (!labelColumnChoices.equals(layout.columnNames())) {
            labelColumnChoices.setAll(layout.columnNames());
        }
        labelColumnIndex.set(layout.labelColumn());
        labelColumnNote.set(note);
    }

    /**
     * After a built-in data set was not found: asks for the folder that holds it and loads it from
     * there.
     */
    public void chooseFolder() {
        DatasetChoice choice = missingChoice;
        if (choice == null) {
            return;
        }
        dialogs.chooseFolder("Where is " + choice.displayName() + "?")
                .ifPresent(
                        folder ->
                                start(
                                        choice.displayName(),
                                        choice,
                                        (sink, cancelled) ->
                                                source.loadFrom(
                                                        choice.id(), folder, sink, cancelled)));
    }

    /** Stops the running load; what was loaded before stays loaded. */
    public void cancel() {
        Load load = current;
        if (load == null) {
            return;
        }
        load.cancelled.set(true);
        current = null;
        // The chooser goes back to the data set still in use.
        chosen.set(loaded.get() == null ? null : loadedChoice);
        loading.set(false);
        progress.set(0);
        progressText.set("");
        statusText.set("Loading " + load.name + " cancelled." + stillUsing());
        noticeText.set(statusText.get());
    }

    @FunctionalInterface
    private interface Loader {
        DatasetPreview load(ProgressSink sink, java.util.function.BooleanSupplier cancelled)
                throws Exception;
    }

    /** One load: its cancel flag and its latest progress report, waiting to be shown. */
    private static final class Load {
        final String name;
        final DatasetChoice choice;
        final Path path;
        final AtomicBoolean cancelled = new AtomicBoolean();
        final AtomicReference<String[]> pendingProgress = new AtomicReference<>();

        Load(String name, DatasetChoice choice, Path path) {
            this.name = name;
            this.choice = choice;
            this.path = path;
        }
    }

    private void start(String name, DatasetChoice choice, Loader loader) {
        start(name, choice, null, loader);
    }

    private void start(String name, DatasetChoice choice, Path path, Loader loader) {
        if (current != null) {
            current.cancelled.set(true);
        }
        Load load = new Load(name, choice, path);
        current = load;
        lastStarted = load;
        missingChoice = null;
        loading.set(true);
        progress.set(-1);
        progressText.set("Loading " + name + "…");
        statusText.set("Loading " + name + "…");
        noticeText.set("");
        clearError();
        ProgressSink sink = (stage, done, total) -> report(load, stage, done, total);
        background.execute(
                () -> {
                    try {
                        DatasetPreview preview = loader.load(sink, load.cancelled::get);
                        if (preview == null) {
                            throw new IllegalStateException(
                                    "the data source returned nothing for " + name);
                        }
                        ui.execute(() -> succeeded(load, preview));
                    } catch (DatasetNotFoundException e) {
                        String message = Sentence.of(e, name + " was not found");
                        ui.execute(() -> failed(load, message, true));
                    } catch (CancellationException e) {
                        ui.execute(
                                () -> failed(load, "Loading " + name + " was cancelled.", false));
                    } catch (Exception e) {
                        String message = Sentence.of(e, name + " could not be loaded");
                        ui.execute(() -> failed(load, message, false));
                    } catch (OutOfMemoryError e) {
                        ui.execute(
                                () ->
                                        failed(
                                                load,
                                                "There is not enough memory to load "
                                                        + name
                                                        + ". Close other programs or start the"
                                                        + " workbench with more memory (-Xmx).",
                                                false));
                    }
                });
    }

    private void report(Load load, String stage, long done, long total) {
        String[] now = {stage == null ? "" : stage, Long.toString(done), Long.toString(total)};
        // Only the latest report matters: schedule one UI update per batch of reports.
        if (load.pendingProgress.getAndSet(now) == null) {
            ui.execute(
                    () -> {
                        String[] latest = load.pendingProgress.getAndSet(null);
                        if (latest != null && load == current) {
                            showProgress(
                                    latest[0],
                                    Long.parseLong(latest[1]),
                                    Long.parseLong(latest[2]));
                        }
                    });
        }
    }

    private void showProgress(String stage, long done, long total) {
        if (total > 0) {
            double share = Math.max(0, Math.min(1, (double) done / total));
            progress.set(share);
            progressText.set(
                    String.format(Locale.ROOT, "%s — %.0f %%", stage, 100 * share).strip());
        } else {
            progress.set(-1);
            progressText.set(stage.isBlank() ? "Loading…" : stage + "…");
        }
    }

    private void succeeded(Load load, DatasetPreview preview) {
        if (load != current) {
            return;
        }
        current = null;
        loading.set(false);
        progress.set(1);
        progressText.set("");
        clearError();
        samples.resetToByClass();
        noticeText.set("");
        loadedChoice = load.choice;
        openedPath = load.path;
        TableLayout layout = preview.dataOrigin() == null ? null : preview.dataOrigin().table();
        if (load.path != null && layout != null) {
            showLabelColumns(layout, layout.reason());
        } else {
            openedLayout = null;
            labelColumnChoices.clear();
            labelColumnIndex.set(-1);
            labelColumnNote.set("");
        }
        loaded.set(preview);
        summaryText.set(preview.summary());
        classCounts.setAll(preview.classCountRows());
        updateSplitSizes();
        samples.show(preview);
        statusText.set(
                "Loaded "
                        + preview.name()
                        + (preview.origin().isBlank() ? "." : " (" + preview.origin() + ")."));
    }

    private void failed(Load load, String message, boolean notFound) {
        if (load != current) {
            return;
        }
        current = null;
        loading.set(false);
        progress.set(0);
        progressText.set("");
        failure.set(new LoadFailure(message, true, notFound && load.choice != null));
        missingChoice = notFound ? load.choice : null;
        if (load.path != null && openedLayout == null) {
            // A refused guess leaves the table unloaded: offer its columns to choose from.
            Path path = load.path;
            background.execute(
                    () -> {
                        TableLayout layout = source.tableLayout(path);
                        if (layout != null) {
                            ui.execute(
                                    () -> {
                                        if (current == null && lastStarted == load) {
                                            openedPath = path;
                                            showLabelColumns(layout, "choose the label column");
                                        }
                                    });
                        }
                    });
        }
        statusText.set("Could not load " + load.name + "." + stillUsing());
        noticeText.set(stillUsing().strip());
    }

    private void clearError() {
        failure.set(LoadFailure.NONE);
    }

    private String stillUsing() {
        DatasetPreview was = loaded.get();
        return was == null ? "" : " Still using " + was.name() + ".";
    }

    // ---- preview

    /** The data set loaded last; null until one loads. Unchanged by failed or cancelled loads. */
    public ReadOnlyObjectProperty<DatasetPreview> loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public DatasetPreview getLoaded() {
        return loaded.get();
    }

    /**
     * The share of the training data held out for validation, 0–1 (bind it to the hyperparameters
     * panel's); the split sizes follow it.
     */
    public DoubleProperty validationShareProperty() {
        return validationShare;
    }

    /** Train / validation / test sizes of the loaded data at the current share; null before. */
    public ReadOnlyObjectProperty<SplitSizes> splitSizesProperty() {
        return splitSizes.getReadOnlyProperty();
    }

    /** E.g. "70,000 images · 1 × 28 × 28 grey · 10 classes". */
    public ReadOnlyStringProperty summaryTextProperty() {
        return summaryText.getReadOnlyProperty();
    }

    /** Per class: name, training count, test count, in label order. */
    public ObservableList<ClassCountRow> classCounts() {
        return classCounts;
    }

    /** The sample images of the strip (empty for a table data set). */
    public ObservableList<SampleTile> tiles() {
        return samples.tiles();
    }

    /** Column titles of the table preview: "#", the features, "class" (empty for images). */
    public ObservableList<String> tableColumns() {
        return samples.tableColumns();
    }

    /** The first rows of a table data set, formatted, one cell per column. */
    public ObservableList<List<String>> tableRows() {
        return samples.tableRows();
    }

    /** What the strip shows, e.g. "the first 2 of each class in the training data". */
    public ReadOnlyStringProperty samplesCaptionProperty() {
        return samples.samplesCaptionProperty();
    }

    /**
     * A sentence for the tab itself: what to do first, or that a load was cancelled or failed and
     * which data set is still in use; empty after a successful load.
     */
    public ReadOnlyStringProperty noticeTextProperty() {
        return noticeText.getReadOnlyProperty();
    }

    /** True when the strip shows random samples, false for a few per class in class order. */
    public ReadOnlyBooleanProperty shuffledProperty() {
        return samples.shuffledProperty();
    }

    /** Shows other random samples (a new draw each time). */
    public void shuffle() {
        samples.shuffle();
    }

    /** Shows a few samples of each class, in class order. */
    public void showByClass() {
        samples.showByClass();
    }

    private void updateSplitSizes() {
        DatasetPreview preview = loaded.get();
        splitSizes.set(preview == null ? null : preview.splitSizes(validationShare.get()));
    }

    // ---- loading state

    /** True while a load runs. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Progress of the running load, 0–1, or -1 while its size is unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What the running load does, e.g. "Downloading train-images-idx3-ubyte.gz — 42 %". */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** What happened last, as a sentence (also suits the window's status bar). */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /** Why the last load failed; {@link LoadFailure#NONE} when it did not. */
    public ReadOnlyObjectProperty<LoadFailure> failureProperty() {
        return failure.getReadOnlyProperty();
    }
}
