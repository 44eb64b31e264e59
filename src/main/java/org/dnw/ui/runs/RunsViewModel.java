package org.dnw.ui.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import org.dnw.store.RunEvents;
import org.dnw.store.RunManifest;
import org.dnw.store.RunStatus;
import org.dnw.store.RunStore;
import org.dnw.store.RunSummary;
import org.dnw.store.SavedRun;
import org.dnw.ui.charts.ChartsViewModel;
import org.dnw.ui.common.DialogService;

/**
 * State and actions of the Runs tab: the saved runs as the store lists them (damaged ones included,
 * never thrown), the selection, the details of the selected run, and Open, Overlay curves, Train
 * again and Delete.
 *
 * <p>Listing, loading and deleting run on the {@code background} executor, results are applied on
 * the {@code ui} executor (the FX thread; {@code Runnable::run} in tests). Loaded runs are kept in
 * a small cache, so that selecting, opening and overlaying a run reads it once. Failures reach the
 * user as sentences (status line, and a dialog for actions the user asked for). Call {@link
 * #refresh()} once after wiring; public methods are called on the FX thread.
 */
public final class RunsViewModel {

    /** The charts have colours for this many overlaid runs. */
    public static final int MAX_OVERLAYS = 4;

    private static final DateTimeFormatter OVERLAY_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final RunStore store;
    private final ChartsViewModel charts;
    private final DialogService dialogs;
    private final Executor background;
    private final Executor ui;
    private final ZoneId zone;

    private final ObservableList<RunSummary> runs = FXCollections.observableArrayList();
    private final ObservableList<RunSummary> runsView =
            FXCollections.unmodifiableObservableList(runs);
    private final SortedList<RunSummary> sorted = new SortedList<>(runsView);
    private final ObservableList<RunSummary> selection = FXCollections.observableArrayList();
    private final ObservableList<RunSummary> selectionView =
            FXCollections.unmodifiableObservableList(selection);
    private final ReadOnlyObjectWrapper<RunDetails> details =
            new ReadOnlyObjectWrapper<>(this, "details");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper emptyText =
            new ReadOnlyStringWrapper(this, "emptyText", "Looking for saved runs…");

    private final SavedRunLoader loader;

    private Consumer<SavedRun> onOpen = run -> {};
    private Consumer<RunManifest> onTrainAgain = manifest -> {};
    private Runnable onOverlaid = () -> {};
    private final ResumeAction resume;
    private int listings;
    private int detailRequests;
    private Path detailsFolder;
    private Path selectAfterRefresh;
    private boolean polling;
    private final LiveRunFollower live;

    /**
     * @param store the saved runs
     * @param charts the live charts that "Overlay curves" draws on
     * @param dialogs for the delete confirmation and errors
     * @param background runs store calls (file I/O)
     * @param ui applies results: the FX thread
     */
    public RunsViewModel(
            RunStore store,
            ChartsViewModel charts,
            DialogService dialogs,
            Executor background,
            Executor ui) {
        this(store, charts, dialogs, background, ui, ZoneId.systemDefault());
    }

    /** As above, writing dates in {@code zone}. */
    public RunsViewModel(
            RunStore store,
            ChartsViewModel charts,
            DialogService dialogs,
            Executor background,
            Executor ui,
            ZoneId zone) {
        this.store = Objects.requireNonNull(store, "store");
        this.charts = Objects.requireNonNull(charts, "charts");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.live = new LiveRunFollower(this.charts, this::overlayName, status::set);
        this.resume =
                new ResumeAction(
                        live,
                        background,
                        ui,
                        busy::set,
                        status::set,
                        () -> onOverlaid.run(),
                        this::refresh);
        this.loader =
                new SavedRunLoader(
                        this.store, this.background, this.ui, this.dialogs, busy::set, status::set);
    }

    // ---- callbacks the application wires

    /** Whether this window trains a run now: a followed run is then only overlaid on its curves. */
    public void setTrainingHere(BooleanSupplier trainingHere) {
        live.setTrainingHere(trainingHere);
    }

    /** How Resume continues an interrupted run; without one, Resume says it cannot. */
    public void setResumer(RunResumer value) {
        resume.setResumer(value);
    }

    /** Called with the loaded run when the user opens one: show it in the other tabs. */
    public void setOnOpen(Consumer<SavedRun> handler) {
        onOpen = handler == null ? run -> {} : handler;
    }

    /**
     * Called with a run's manifest when the user asks to train it again: load its network ({@code
     * spec()}), hyperparameters and data set ({@code dataset().name()}) into the editor and panels.
     */
    public void setOnTrainAgain(Consumer<RunManifest> handler) {
        onTrainAgain = handler == null ? manifest -> {} : handler;
    }

    /** Called after curves were overlaid, e.g. to bring the charts' tab forward. */
    public void setOnOverlaid(Runnable handler) {
        onOverlaid = handler == null ? () -> {} : handler;
    }

    // ---- listing

    /** Lists the store again, keeping the selection where the runs still exist. */
    public void refresh() {
        refresh("");
    }

    /** Lists again; {@code done} (a sentence or empty) goes before the count in the status. */
    private void refresh(String done) {
        int listing = ++listings;
        busy.set(true);
        background.execute(
                () -> {
                    try {
                        List<RunSummary> list = store.list();
                        ui.execute(() -> listed(listing, list, done));
                    } catch (IOException | RuntimeException e) {
                        String why = SavedRunLoader.reason(e);
                        ui.execute(() -> listingFailed(listing, why));
                    }
                });
    }

    /** A run was just saved into {@code folder}: list again and select it. */
    public void runSaved(Path folder) {
        selectAfterRefresh = folder == null ? null : folder.toAbsolutePath().normalize();
        refresh();
    }

    /**
     * Lists the store again quietly, to follow the folder live: runs that appear, train, complete
     * or are interrupted (in this or any other process) show by themselves, and a followed running
     * run's curves grow. Changes nothing when the list is unchanged; skipped while a listing is
     * under way. Call every few seconds (the window does, every 2 s); the listing and reading run
     * on the {@code background} executor.
     */
    public void poll() {
        if (polling || busy.get()) {
            return;
        }
        polling = true;
        RunSummary follow = live.followed();
        try {
            pollOn(follow);
        } catch (RejectedExecutionException closing) {
            // the window is closing: nothing more to follow
        }
    }

    private void pollOn(RunSummary follow) {
        background.execute(
                () -> {
                    List<RunSummary> list;
                    try {
                        list = store.list();
                    } catch (IOException | RuntimeException e) {
                        ui.execute(() -> polling = false);
                        return;
                    }
                    RunEvents.Log grown = LiveRunFollower.read(store, follow, list);
                    ui.execute(
                            () -> {
                                polling = false;
                                if (busy.get()) {
                                    return;
                                }
                                if (!list.equals(runs)) {
                                    int listing = ++listings;
                                    listed(listing, list, "");
                                }
                                live.grown(follow, list, grown);
                            });
                });
    }

    /** The running run whose curves grow on the charts; null when none. */
    public RunSummary followed() {
        return live.followed();
    }

    private void listed(int listing, List<RunSummary> list, String done) {
        if (listing != listings) {
            return;
        }
        busy.set(false);
        List<Path> keep = new ArrayList<>();
        if (selectAfterRefresh != null) {
            keep.add(selectAfterRefresh);
            selectAfterRefresh = null;
        } else {
            for (RunSummary s : selection) {
                keep.add(s.folder());
            }
        }
        loader.keepOnly(list.stream().map(RunSummary::folder).toList());
        runs.setAll(list);
        List<RunSummary> again = new ArrayList<>();
        for (RunSummary s : list) {
            if (keep.contains(s.folder())) {
                again.add(s);
            }
        }
        select(again);
        long damaged = list.stream().filter(RunSummary::isDamaged).count();
        long running = list.stream().filter(r -> r.status() == RunStatus.RUNNING).count();
        long interrupted = list.stream().filter(r -> r.status() == RunStatus.INTERRUPTED).count();
        emptyText.set(
                "No saved runs yet in "
                        + store.root()
                        + ". Train a network: every finished run is saved here.");
        status.set(
                (done.isEmpty() ? "" : done + " ")
                        + (list.isEmpty()
                                ? "No saved runs in " + store.root() + "."
                                : String.format(
                                        Locale.ROOT,
                                        "%s in %s%s.",
                                        list.size() == 1
                                                ? "1 saved run"
                                                : list.size() + " saved runs",
                                        store.root(),
                                        (running == 0 ? "" : ", " + running + " running")
                                                + (interrupted == 0
                                                        ? ""
                                                        : ", " + interrupted + " interrupted")
                                                + (damaged == 0
                                                        ? ""
                                                        : " ("
                                                                + damaged
                                                                + " damaged: hover for the"
                                                                + " reason)"))));
    }

    private void listingFailed(int listing, String why) {
        if (listing != listings) {
            return;
        }
        busy.set(false);
        emptyText.set("The saved runs could not be listed.");
        status.set("The saved runs in " + store.root() + " could not be listed: " + why);
    }

    // ---- selection and details

    /** The runs the user selected, as the table gives them; the last one's details are shown. */
    public void select(List<RunSummary> selected) {
        List<RunSummary> now = selected == null ? List.of() : List.copyOf(selected);
        if (!now.equals(selection)) {
            selection.setAll(now);
        }
        RunSummary lead = selection.isEmpty() ? null : selection.get(selection.size() - 1);
        showDetails(lead);
    }

    private void showDetails(RunSummary lead) {
        if (lead == null) {
            detailRequests++;
            detailsFolder = null;
            details.set(null);
            return;
        }
        if (lead.folder().equals(detailsFolder) && details.get() != null && !lead.isLive()) {
            return;
        }
        if (lead.isLive()) {
            detailRequests++;
            detailsFolder = lead.folder();
            details.set(RunDescriptions.live(lead, zone));
            return;
        }
        int request = ++detailRequests;
        detailsFolder = lead.folder();
        SavedRun cached = loader.cached(lead.folder());
        if (cached != null) {
            details.set(RunDescriptions.of(lead, cached, zone));
            return;
        }
        details.set(RunDescriptions.loading(lead));
        background.execute(
                () -> {
                    RunDetails d;
                    try {
                        d = RunDescriptions.of(lead, loader.load(lead.folder()), zone);
                    } catch (IOException | RuntimeException e) {
                        d = RunDescriptions.unreadable(lead, SavedRunLoader.reason(e), zone);
                    }
                    RunDetails done = d;
                    ui.execute(
                            () -> {
                                if (request == detailRequests) {
                                    details.set(done);
                                }
                            });
                });
    }

    // ---- actions

    /** Loads the selected run and hands it to the open handler. */
    public void openSelected() {
        RunSummary run = single("open");
        if (run == null) {
            return;
        }
        if (run.isLive()) {
            follow(run);
            return;
        }
        status.set("Opening " + run.runName() + "…");
        loader.withLoaded(
                List.of(run),
                "Cannot open the run",
                loaded -> {
                    SavedRun r = loaded.get(0);
                    onOpen.accept(r);
                    status.set(
                            "Opened "
                                    + run.runName()
                                    + ": its curves, filters and confusion matrix are in the other"
                                    + " tabs"
                                    + (r.modelFiles().isEmpty()
                                            ? " (its model params are missing, so it cannot be"
                                                    + " tried)."
                                            : "."));
                });
    }

    /**
     * Draws a running or interrupted run's curves so far on the charts; a running one's grow with
     * each {@link #poll()} until it ends.
     */
    private void follow(RunSummary run) {
        busy.set(true);
        background.execute(
                () -> {
                    RunEvents.Log read = LiveRunFollower.read(store, run);
                    ui.execute(
                            () -> {
                                busy.set(false);
                                if (live.start(run, read)) {
                                    onOverlaid.run();
                                } else {
                                    refresh();
                                }
                            });
                });
    }

    /** Draws the per-epoch curves of the selected runs over the live charts. */
    public void overlaySelected() {
        List<RunSummary> chosen = new ArrayList<>(selection);
        if (chosen.isEmpty()) {
            status.set("Select one or more runs to overlay their curves.");
            return;
        }
        String dropped = "";
        if (chosen.size() > MAX_OVERLAYS) {
            dropped =
                    " Only the first "
                            + MAX_OVERLAYS
                            + " of the "
                            + chosen.size()
                            + " selected runs are drawn: the charts have "
                            + MAX_OVERLAYS
                            + " overlay colours.";
            chosen = chosen.subList(0, MAX_OVERLAYS);
        }
        String note = dropped;
        List<RunSummary> runsToDraw = List.copyOf(chosen);
        loader.withLoaded(
                runsToDraw,
                "Cannot overlay the curves",
                loaded -> {
                    charts.clearOverlays();
                    for (int i = 0; i < loaded.size(); i++) {
                        charts.overlay(
                                overlayName(runsToDraw.get(i)),
                                SavedRunViews.points(loaded.get(i).epochs()));
                    }
                    status.set(
                            (loaded.size() == 1
                                            ? "The curves of " + runsToDraw.get(0).runName()
                                            : "The curves of " + loaded.size() + " runs")
                                    + " are drawn dashed over the live charts."
                                    + note);
                    onOverlaid.run();
                });
    }

    /** Removes every overlaid curve from the charts. */
    public void clearOverlays() {
        charts.clearOverlays();
        status.set("Overlaid curves removed.");
    }

    /** Loads the selected run's manifest and hands it to the train-again handler. */
    public void trainAgainSelected() {
        RunSummary run = single("train again");
        if (run == null) {
            return;
        }
        if (run.isLive()) {
            status.set(
                    run.runName()
                            + " has not completed: train again a complete run, or open this one"
                            + " to see its curves.");
            return;
        }
        loader.withLoaded(
                List.of(run),
                "Cannot train the run again",
                loaded -> {
                    onTrainAgain.accept(loaded.get(0).manifest());
                    status.set(
                            "The network, hyperparameters and data set of "
                                    + run.runName()
                                    + " are loaded: press Train to train it again.");
                });
    }

    /** Continues the selected interrupted run in a process of its own and follows it. */
    public void resumeSelected() {
        resume.start(single("resume"));
    }

    /** Asks, then deletes the selected runs' folders. */
    public void deleteSelected() {
        List<RunSummary> chosen = List.copyOf(selection);
        if (chosen.isEmpty()) {
            return;
        }
        String what =
                chosen.size() == 1
                        ? "the run \""
                                + chosen.get(0).runName()
                                + "\" ("
                                + chosen.get(0).folderName()
                                + ")"
                        : chosen.size() + " runs";
        boolean yes =
                dialogs.confirm(
                        chosen.size() == 1 ? "Delete the saved run?" : "Delete the saved runs?",
                        "Delete "
                                + what
                                + " from "
                                + store.root()
                                + "? Its files are removed for good.",
                        "Delete");
        if (!yes) {
            return;
        }
        busy.set(true);
        background.execute(
                () -> {
                    List<String> failures = loader.delete(chosen);
                    int count = chosen.size() - failures.size();
                    ui.execute(
                            () -> {
                                busy.set(false);
                                select(List.of());
                                selectAfterRefresh = null;
                                refresh(
                                        count == 1
                                                ? "Deleted 1 run."
                                                : "Deleted " + count + " runs.");
                                if (!failures.isEmpty()) {
                                    String message =
                                            "Could not delete "
                                                    + String.join(", ", failures)
                                                    + ". Check that the folder is not open"
                                                    + " elsewhere and that you may change it.";
                                    dialogs.showError("Cannot delete", message);
                                }
                            });
                });
    }

    private RunSummary single(String action) {
        if (selection.size() != 1) {
            status.set("Select one run to " + action + ".");
            return null;
        }
        return selection.get(0);
    }

    /** The legend's name of a run's overlay: its name and start time. */
    String overlayName(RunSummary s) {
        return s.startedAt() == null
                ? s.runName()
                : s.runName() + " (" + OVERLAY_DATE.format(s.startedAt().atZone(zone)) + ")";
    }

    // ---- properties

    /** The runs as listed, newest first. */
    public ObservableList<RunSummary> runs() {
        return runsView;
    }

    /**
     * The runs in the table's order: bind its comparator to the table's ({@code
     * sortedRuns().comparatorProperty().bind(table.comparatorProperty())}).
     */
    public SortedList<RunSummary> sortedRuns() {
        return sorted;
    }

    /** The selected runs: Open and Train again apply to exactly one, Overlay and Delete to any. */
    public ObservableList<RunSummary> selection() {
        return selectionView;
    }

    /** The selected run's details; null when none is selected. */
    public ReadOnlyObjectProperty<RunDetails> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** What happened last, as a sentence. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** What the empty table says. */
    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    /** True while the store is listed, read or changed. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Dates are written in this zone. */
    public ZoneId zone() {
        return zone;
    }
}
