package org.dnw.ui.robustness;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dnw.data.CorruptionKind;
import org.dnw.data.CorruptionSpec;
import org.dnw.data.CorruptionSweep;
import org.dnw.spec.Sentence;
import org.dnw.store.RunSummary;
import org.dnw.ui.common.BackgroundJob;

/**
 * The robustness check: pick saved runs, a kind of corruption and its strengths, press Check; the
 * {@link RobustnessEvaluator} measures every run at every strength (run by run, clean first) and
 * the results fill {@link #rows()} (one per strength, one accuracy per run) and {@link #results()}
 * (in the order measured) for the chart.
 *
 * <p>The runs are listed and the evaluator called on the {@code background} executor; results and
 * progress are published on the {@code ui} executor (the FX thread in the application, {@code
 * Runnable::run} in tests). Properties belong to the FX thread. Cancel is a flag that the evaluator
 * sees through its {@code cancelled} supplier and that is checked between calls.
 */
public final class RobustnessViewModel {

    /** Most strengths in one check (a row each). */
    public static final int MAX_STRENGTHS = 12;

    /** The noise seed of every check unless set otherwise. */
    public static final long DEFAULT_SEED = 2024;

    private final RunSource source;
    private final RobustnessEvaluator evaluator;
    private final Executor background;
    private final Executor ui;
    private final LongSupplier clock;

    private final ObservableList<RunChoice> runs = FXCollections.observableArrayList();
    private final ObjectProperty<CorruptionKind> kind =
            new SimpleObjectProperty<>(this, "kind", CorruptionKind.NOISY_CAMERA);
    private final StringProperty strengthsText = new SimpleStringProperty(this, "strengths");
    private final ReadOnlyStringWrapper strengthsProblem =
            new ReadOnlyStringWrapper(this, "strengthsProblem", "");
    private final ObservableList<RunSummary> checkedRuns = FXCollections.observableArrayList();
    private final ObservableList<String> columnTitles = FXCollections.observableArrayList();
    private final ObservableList<RobustnessRow> rows = FXCollections.observableArrayList();
    private final ObservableList<RobustnessResult> results = FXCollections.observableArrayList();
    // Made once: an unmodifiable view listens weakly to its list, so a fresh one per call would
    // lose its listeners when collected.
    private final ObservableList<RunSummary> checkedRunsView =
            FXCollections.unmodifiableObservableList(checkedRuns);
    private final ObservableList<String> columnTitlesView =
            FXCollections.unmodifiableObservableList(columnTitles);
    private final ObservableList<RobustnessRow> rowsView =
            FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<RobustnessResult> resultsView =
            FXCollections.unmodifiableObservableList(results);
    private final ReadOnlyObjectWrapper<CorruptionSweep> chartSweep =
            new ReadOnlyObjectWrapper<>(
                    this, "chartSweep", CorruptionSweep.defaults(CorruptionKind.NOISY_CAMERA));
    private final ReadOnlyStringWrapper strengthAxisLabel =
            new ReadOnlyStringWrapper(this, "axis", CorruptionKind.NOISY_CAMERA.strengthLabel());
    private boolean checked;
    private final BackgroundJob job;
    private final ReadOnlyBooleanWrapper anySelected = new ReadOnlyBooleanWrapper(this, "any");
    private final BooleanBinding canCheck;

    private long seed = DEFAULT_SEED;
    private final AtomicReference<Double> latestProgress = new AtomicReference<>();

    /**
     * @param source lists the saved runs (e.g. {@code runStore::list}); damaged runs are left out
     * @param evaluator measures one run at one corruption
     * @param background where listing and evaluation run
     * @param ui where results are published (the FX thread)
     */
    public RobustnessViewModel(
            RunSource source, RobustnessEvaluator evaluator, Executor background, Executor ui) {
        this(source, evaluator, background, ui, System::nanoTime);
    }

    RobustnessViewModel(
            RunSource source,
            RobustnessEvaluator evaluator,
            Executor background,
            Executor ui,
            LongSupplier clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.clock = clock;
        job = new BackgroundJob(background, ui, "");
        strengthsText.set(format(kind.get().defaultStrengths()));
        kind.addListener(
                (obs, was, now) -> {
                    if (now == null) {
                        kind.set(was);
                        return;
                    }
                    strengthsText.set(format(now.defaultStrengths()));
                    validate();
                });
        strengthsText.addListener((obs, was, now) -> validate());
        canCheck = job.canStart(anySelected.and(strengthsProblem.isEmpty()));
        validate();
    }

    /** The saved runs to choose from, with their tick boxes. */
    public ObservableList<RunChoice> runs() {
        return runs;
    }

    /** Lists the saved runs again (in the background); ticks of runs still there are kept. */
    public void refreshRuns() {
        background.execute(
                () -> {
                    List<RunSummary> listed;
                    try {
                        listed = source.runs();
                    } catch (Exception e) {
                        String reason = reason(e);
                        ui.execute(
                                () ->
                                        job.setError(
                                                "Could not list the saved runs: " + reason + "."));
                        return;
                    }
                    List<RunSummary> usable = new ArrayList<>();
                    for (RunSummary r : listed) {
                        if (r.isComplete()) {
                            usable.add(r);
                        }
                    }
                    ui.execute(() -> showRuns(usable));
                });
    }

    private void showRuns(List<RunSummary> listed) {
        Set<java.nio.file.Path> ticked = new HashSet<>();
        for (RunChoice c : runs) {
            if (c.isSelected()) {
                ticked.add(c.run().folder());
            }
        }
        List<RunChoice> choices = new ArrayList<>();
        for (RunSummary r : listed) {
            RunChoice c = new RunChoice(r);
            c.setSelected(ticked.contains(r.folder()));
            c.selectedProperty().addListener((obs, was, now) -> updateSelection());
            choices.add(c);
        }
        if (ticked.isEmpty() && !choices.isEmpty()) {
            choices.get(0).setSelected(true);
        }
        runs.setAll(choices);
        updateSelection();
    }

    private void updateSelection() {
        anySelected.set(runs.stream().anyMatch(RunChoice::isSelected));
    }

    /** The kind of corruption; choosing one puts its usual strengths in the text. */
    public ObjectProperty<CorruptionKind> kindProperty() {
        return kind;
    }

    /** The strengths as typed, e.g. "0, 0.1, 0.2"; percentages ("5 %") are read as shares. */
    public StringProperty strengthsTextProperty() {
        return strengthsText;
    }

    /** What is wrong with the typed strengths, as a sentence; empty when they are usable. */
    public ReadOnlyStringProperty strengthsProblemProperty() {
        return strengthsProblem.getReadOnlyProperty();
    }

    /** True when Check can be pressed: a run ticked, strengths usable, no check running. */
    public BooleanBinding canCheckBinding() {
        return canCheck;
    }

    /** The runs of the last check, in column order. */
    public ObservableList<RunSummary> checkedRuns() {
        return checkedRunsView;
    }

    /** A column title per checked run: its name, or its folder's when two runs share a name. */
    public ObservableList<String> columnTitles() {
        return columnTitlesView;
    }

    /** One row per strength of the last check, clean first. */
    public ObservableList<RobustnessRow> rows() {
        return rowsView;
    }

    /** The accuracies of the last check in the order they were measured. */
    public ObservableList<RobustnessResult> results() {
        return resultsView;
    }

    /**
     * The sweep the chart's strength axis spans: the last check's, or before any check the one
     * typed (the kind's usual one while the text is not usable).
     */
    public ReadOnlyObjectProperty<CorruptionSweep> chartSweepProperty() {
        return chartSweep.getReadOnlyProperty();
    }

    private void showOnChart(CorruptionSweep sweep) {
        chartSweep.set(sweep);
        strengthAxisLabel.set(sweep.kind().strengthLabel());
    }

    /** What the strength axis measures (that of {@link #chartSweepProperty()}), e.g. "noise σ". */
    public ReadOnlyStringProperty strengthAxisLabelProperty() {
        return strengthAxisLabel.getReadOnlyProperty();
    }

    /**
     * Check's job: running; progress, the share of the check done (0–1); status, what the check is
     * doing or did; error, why the last check or listing failed (empty when nothing failed). Cancel
     * cancels it.
     */
    public BackgroundJob job() {
        return job;
    }

    /** The noise seed of the next check. */
    public void setSeed(long value) {
        seed = value;
    }

    /** Starts a check of the ticked runs at the typed strengths; does nothing when it cannot. */
    public void check() {
        if (!canCheck.get()) {
            return;
        }
        CorruptionSweep sweep;
        try {
            sweep = sweep();
        } catch (IllegalArgumentException e) {
            strengthsProblem.set(Sentence.of(e.getMessage()));
            return;
        }
        List<RunSummary> chosen = new ArrayList<>();
        for (RunChoice c : runs) {
            if (c.isSelected()) {
                chosen.add(c.run());
            }
        }
        checkedRuns.setAll(chosen);
        columnTitles.setAll(titles(chosen));
        List<RobustnessRow> newRows = new ArrayList<>();
        for (int i = 0; i < sweep.size(); i++) {
            newRows.add(new RobustnessRow(sweep.strengths().get(i), sweep.point(i), chosen.size()));
        }
        results.clear();
        rows.setAll(newRows);
        checked = true;
        showOnChart(sweep);
        AtomicBoolean cancelled = new AtomicBoolean();
        int total = chosen.size() * sweep.size();
        job.start(0, "Checking " + total + " combinations…", () -> cancelled.set(true));
        long checkSeed = seed;
        job.execute(() -> work(chosen, sweep, checkSeed, cancelled, total));
    }

    /** Asks the running check to stop; what was measured stays. */
    public void cancel() {
        job.cancel("Cancelling…");
    }

    private void work(
            List<RunSummary> chosen,
            CorruptionSweep sweep,
            long checkSeed,
            AtomicBoolean cancelled,
            int total) {
        long start = clock.getAsLong();
        int done = 0;
        try {
            for (int column = 0; column < chosen.size(); column++) {
                RunSummary run = chosen.get(column);
                for (int row = 0; row < sweep.size(); row++) {
                    if (cancelled.get()) {
                        throw new CancellationException();
                    }
                    CorruptionSpec corruption = sweep.point(row);
                    int before = done;
                    String doing =
                            "Checking "
                                    + run.runName()
                                    + " with "
                                    + corruption.label()
                                    + " ("
                                    + (done + 1)
                                    + " of "
                                    + total
                                    + ")…";
                    ui.execute(
                            () -> {
                                if (!cancelled.get()) {
                                    job.setStatus(doing);
                                }
                            });
                    double accuracy;
                    try {
                        accuracy =
                                evaluator.accuracy(
                                        run,
                                        corruption,
                                        checkSeed,
                                        share -> reportProgress((before + clamp01(share)) / total),
                                        cancelled::get);
                    } catch (CancellationException e) {
                        throw e;
                    } catch (Exception e) {
                        if (cancelled.get()) {
                            throw new CancellationException();
                        }
                        String message =
                                "Could not check "
                                        + run.runName()
                                        + " with "
                                        + corruption.label()
                                        + ": "
                                        + reason(e)
                                        + ".";
                        fail(message);
                        return;
                    }
                    if (cancelled.get()) {
                        throw new CancellationException();
                    }
                    if (!(accuracy >= 0 && accuracy <= 1)) {
                        fail(
                                "The check of "
                                        + run.runName()
                                        + " with "
                                        + corruption.label()
                                        + " gave an accuracy of "
                                        + accuracy
                                        + ", which is not between 0 and 1.");
                        return;
                    }
                    done++;
                    RobustnessResult result =
                            new RobustnessResult(
                                    column,
                                    row,
                                    run,
                                    sweep.strengths().get(row),
                                    corruption,
                                    accuracy);
                    double share = done / (double) total;
                    ui.execute(() -> publish(result, share));
                }
            }
            double seconds = (clock.getAsLong() - start) / 1e9;
            int measured = done;
            ui.execute(
                    () -> {
                        job.finish();
                        job.setProgress(1);
                        job.setStatus(
                                String.format(
                                        Locale.ROOT,
                                        "Done: %d accuracies measured in %.1f s.",
                                        measured,
                                        seconds));
                    });
        } catch (CancellationException e) {
            int measured = done;
            ui.execute(
                    () -> {
                        job.finish();
                        job.setStatus(
                                "Cancelled: "
                                        + measured
                                        + " of "
                                        + total
                                        + " accuracies measured.");
                    });
        } catch (RuntimeException e) {
            fail("The check stopped: " + reason(e) + ".");
        } finally {
            try {
                evaluator.checkFinished();
            } catch (RuntimeException e) {
                // The check's results stand; freeing the evaluator's memory is its own business.
            }
        }
    }

    private void fail(String message) {
        ui.execute(
                () -> {
                    job.finish();
                    job.setError(message);
                    job.setStatus("The check failed.");
                });
    }

    private void publish(RobustnessResult result, double share) {
        rows.get(result.row()).setAccuracy(result.column(), result.accuracy());
        results.add(result);
        job.setProgress(Math.max(job.getProgress(), share));
    }

    /** Progress from the evaluator, coalesced: at most one update waits for the FX thread. */
    private void reportProgress(double share) {
        if (latestProgress.getAndSet(share) == null) {
            ui.execute(
                    () -> {
                        Double latest = latestProgress.getAndSet(null);
                        if (latest != null && job.isRunning()) {
                            job.setProgress(Math.max(job.getProgress(), latest));
                        }
                    });
        }
    }

    private static double clamp01(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }

    private void validate() {
        try {
            CorruptionSweep typed = sweep();
            strengthsProblem.set("");
            if (!checked) {
                showOnChart(typed);
            }
        } catch (IllegalArgumentException e) {
            strengthsProblem.set(Sentence.of(e.getMessage()));
        }
    }

    /** The typed strengths as a sweep of the chosen kind. */
    CorruptionSweep sweep() {
        String text =
                strengthsText.get() == null
                        ? ""
                        : strengthsText.get().strip().replaceAll("\\s+%", "%");
        if (text.isEmpty()) {
            throw new IllegalArgumentException(
                    "type one or more strengths, e.g. " + format(kind.get().defaultStrengths()));
        }
        List<Double> values = new ArrayList<>();
        for (String part : text.split("[,;\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            boolean percent = part.endsWith("%");
            String number = percent ? part.substring(0, part.length() - 1) : part;
            double v;
            try {
                v = Double.parseDouble(number);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "\""
                                + part
                                + "\" is not a number: separate the strengths by commas, e.g. "
                                + format(kind.get().defaultStrengths()));
            }
            values.add(percent ? v / 100 : v);
        }
        CorruptionSweep sweep = CorruptionSweep.of(kind.get(), values);
        if (sweep.size() > MAX_STRENGTHS) {
            throw new IllegalArgumentException(
                    "at most " + MAX_STRENGTHS + " strengths, clean included, fit one check");
        }
        return sweep;
    }

    private static List<String> titles(List<RunSummary> chosen) {
        Set<String> seen = new HashSet<>();
        Set<String> repeated = new HashSet<>();
        for (RunSummary r : chosen) {
            if (!seen.add(r.runName())) {
                repeated.add(r.runName());
            }
        }
        List<String> out = new ArrayList<>();
        for (RunSummary r : chosen) {
            out.add(repeated.contains(r.runName()) ? r.folderName() : r.runName());
        }
        return out;
    }

    static String format(List<Double> strengths) {
        List<String> parts = new ArrayList<>();
        for (double s : strengths) {
            parts.add(
                    new java.math.BigDecimal(s)
                            .round(new java.math.MathContext(3))
                            .stripTrailingZeros()
                            .toPlainString());
        }
        return String.join(", ", parts);
    }

    /** The exception's message, or its kind when it has none; never a stack trace. */
    static String reason(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return "an unexpected error occurred (" + e.getClass().getSimpleName() + ")";
        }
        message = message.strip();
        while (message.endsWith(".")) {
            message = message.substring(0, message.length() - 1);
        }
        return message;
    }
}
