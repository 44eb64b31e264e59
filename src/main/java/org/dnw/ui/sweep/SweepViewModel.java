package org.dnw.ui.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dnw.runs.SweepEvent;
import org.dnw.runs.SweepResult;
import org.dnw.runs.SweepRunner;
import org.dnw.spec.Sentence;
import org.dnw.train.SweepPlan;
import org.dnw.train.SweepSetting;
import org.dnw.train.TrainingEvent;
import org.dnw.ui.common.BackgroundJob;
import org.dnw.ui.common.EventPump;

/**
 * The sweep panel: one or two settings with their values (and, for network settings, the layer), a
 * preview of the runs that names the points that cannot work, Run and Cancel, progress over the
 * points and within the current run, a results table (a row per point) and a chart of a metric
 * against the first setting (a series per value of the second).
 *
 * <p>Collaborators are injected: the {@link SweepStarter} runs the points in the background; the
 * {@code base} supplier gives the current network (already adapted to the data set) with the
 * current hyperparameters, or null when there is none; the sweep's events arrive on background
 * threads and are moved to the {@code ui} executor (the FX thread, {@code Runnable::run} in tests)
 * through an {@link EventPump} that coalesces batch events; {@code onRunSaved} hears of every point
 * saved, on the ui executor (so the Runs tab can refresh). Properties belong to the FX thread.
 */
public final class SweepViewModel {

    /** Most runs in one sweep: more would keep the machine busy for hours. */
    public static final int MAX_POINTS = 48;

    /** Run labels named in the preview before "… and N more". */
    static final int PREVIEW_LABELS = 6;

    /** Problems named in the preview before "… and N more". */
    static final int PREVIEW_PROBLEMS = 3;

    private final SweepStarter starter;
    private final Supplier<SweepSetting.Variant> base;
    private final Executor ui;
    private final Consumer<Path> onRunSaved;
    private final SlurmTargetViewModel slurm;

    private final SweepAxisViewModel first =
            new SweepAxisViewModel(SweepSetting.LEARNING_RATE, true);
    private final SweepAxisViewModel second =
            new SweepAxisViewModel(SweepSetting.BATCH_SIZE, false);
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper(this, "preview", "");
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper(this, "problems", "");
    private final ReadOnlyBooleanWrapper runnable = new ReadOnlyBooleanWrapper(this, "runnable");
    private final BackgroundJob job;
    private final BooleanBinding canRun;

    private final ObservableList<SweepRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> columnTitles = FXCollections.observableArrayList();
    private final ObjectProperty<ChartMetric> chartMetric =
            new SimpleObjectProperty<>(this, "chartMetric", ChartMetric.TEST_ACCURACY);
    private final ObservableList<String> seriesNames = FXCollections.observableArrayList();
    private final ObservableList<SweepChartPoint> chartPoints = FXCollections.observableArrayList();
    private final ObservableList<String> xCategories = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper numericX = new ReadOnlyBooleanWrapper(this, "numericX");
    private final ReadOnlyStringWrapper xAxisLabel = new ReadOnlyStringWrapper(this, "xAxis", "");
    private final ReadOnlyStringWrapper yAxisLabel =
            new ReadOnlyStringWrapper(this, "yAxis", ChartMetric.TEST_ACCURACY.axisLabel());

    private SweepSetting.Variant current;
    private String baseProblem = "";
    private SweepPlan plan;
    private final List<SweepResult.Row> done = new ArrayList<>();
    private List<String> seriesValues = List.of();
    private SweepRunner.Sweep handle;
    private int pointCount;
    private int epochCount = 1;

    /**
     * @param starter runs the sweep in the background
     * @param base the current network adapted to the data set, with the current hyperparameters;
     *     null when there is none; may throw with a sentence; called on the FX thread
     * @param ui where events and results are published (the FX thread)
     * @param onRunSaved called on {@code ui} with each saved run's folder
     * @param slurm "Run on: this computer | Slurm cluster" and the cluster's settings, or null
     */
    public SweepViewModel(
            SweepStarter starter,
            Supplier<SweepSetting.Variant> base,
            Executor ui,
            Consumer<Path> onRunSaved,
            SlurmTargetViewModel slurm) {
        this.slurm = slurm;
        this.starter = Objects.requireNonNull(starter, "starter");
        this.base = Objects.requireNonNull(base, "base");
        this.ui = Objects.requireNonNull(ui, "ui");
        job = new BackgroundJob(ui, "");
        this.onRunSaved = onRunSaved == null ? folder -> {} : onRunSaved;
        ChangeListener<Object> edited = (obs, was, now) -> updatePreview();
        for (SweepAxisViewModel axis : List.of(first, second)) {
            axis.settingProperty().addListener(edited);
            axis.valuesTextProperty().addListener(edited);
            axis.layerProperty().addListener(edited);
            axis.enabledProperty().addListener(edited);
        }
        chartMetric.addListener(
                (obs, was, now) -> {
                    if (now == null) {
                        chartMetric.set(was);
                        return;
                    }
                    yAxisLabel.set(now.axisLabel());
                    rebuildChart();
                });
        canRun = job.canStart(runnable);
        refreshNetwork();
    }

    // ---- settings

    /** The first setting, always varied. */
    public SweepAxisViewModel first() {
        return first;
    }

    /** The second setting, varied when its {@link SweepAxisViewModel#enabledProperty()} is on. */
    public SweepAxisViewModel second() {
        return second;
    }

    /**
     * Reads the current network and hyperparameters again (call it when they may have changed, e.g.
     * when the tab is shown); updates the layer choices and the preview.
     */
    public void refreshNetwork() {
        try {
            current = base.get();
            baseProblem =
                    current == null
                            ? "Build a network and load a data set first: the sweep starts from"
                                    + " them."
                            : "";
        } catch (RuntimeException e) {
            current = null;
            baseProblem = Sentence.of(e.getMessage(), "The current network cannot be read.");
        }
        first.network(current == null ? null : current.spec());
        second.network(current == null ? null : current.spec());
        updatePreview();
    }

    /** e.g. "6 runs: kernel=3 lr=0.001, kernel=3 lr=0.01, … and 2 more". */
    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /**
     * Why the sweep cannot run, or which of its points cannot work and will be skipped (with each
     * one's sentence); empty when every point can train.
     */
    public ReadOnlyStringProperty problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    /** True when Run can be pressed: a plan with a point that can train, no sweep running. */
    public BooleanBinding canRunBinding() {
        return canRun;
    }

    private void updatePreview() {
        plan = null;
        runnable.set(false);
        if (current == null) {
            preview.set("");
            problems.set(baseProblem);
            return;
        }
        List<SweepPlan.Axis> axes = new ArrayList<>();
        List<SweepPlan.Point> points;
        try {
            axes.add(first.axis());
            if (second.enabledProperty().get()) {
                axes.add(second.axis());
            }
            SweepPlan candidate = new SweepPlan(current.spec(), current.hyperparameters(), axes);
            points = candidate.points();
            plan = candidate;
        } catch (IllegalArgumentException e) {
            preview.set("");
            problems.set(Sentence.of(e.getMessage(), "These settings cannot be swept."));
            return;
        }
        StringBuilder text =
                new StringBuilder(points.size() + (points.size() == 1 ? " run: " : " runs: "));
        for (int i = 0; i < Math.min(PREVIEW_LABELS, points.size()); i++) {
            text.append(i == 0 ? "" : ", ").append(points.get(i).label(axes));
        }
        if (points.size() > PREVIEW_LABELS) {
            text.append(", … and ").append(points.size() - PREVIEW_LABELS).append(" more");
        }
        preview.set(text.toString());
        List<SweepPlan.Point> impossible =
                points.stream().filter(p -> p.problem() != null).toList();
        StringBuilder why = new StringBuilder();
        if (points.size() > MAX_POINTS) {
            why.append(
                    String.format(
                            Locale.ROOT,
                            "That is %d runs; a sweep has at most %d — give fewer values.",
                            points.size(),
                            MAX_POINTS));
        } else if (impossible.size() == points.size()) {
            why.append(points.size() == 1 ? "This run cannot work: " : "None of these can work: ");
        } else if (!impossible.isEmpty()) {
            why.append(impossible.size()).append(" cannot work and will be skipped: ");
        }
        if (points.size() <= MAX_POINTS && !impossible.isEmpty()) {
            for (int i = 0; i < Math.min(PREVIEW_PROBLEMS, impossible.size()); i++) {
                SweepPlan.Point p = impossible.get(i);
                why.append(i == 0 ? "" : "; ")
                        .append(p.label(axes))
                        .append(" — ")
                        .append(p.problem());
            }
            if (impossible.size() > PREVIEW_PROBLEMS) {
                why.append("; … and ").append(impossible.size() - PREVIEW_PROBLEMS).append(" more");
            }
            why.append('.');
        }
        problems.set(why.toString());
        runnable.set(points.size() <= MAX_POINTS && impossible.size() < points.size());
    }

    // ---- running

    /**
     * Starts the sweep with the current network: fills the table with one waiting row per point and
     * clears the chart. Does nothing while one runs or when nothing can run.
     */
    public void run() {
        if (job.isRunning()) {
            return;
        }
        refreshNetwork();
        if (!runnable.get() || plan == null) {
            job.setError(
                    problems.get().isEmpty()
                            ? "There is nothing to run: give the settings some values."
                            : problems.get());
            return;
        }
        boolean onSlurm = slurm != null && slurm.onSlurm();
        if (onSlurm && !slurm.refusal().isEmpty()) {
            job.setError(slurm.refusal());
            return;
        }
        SweepPlan started = plan;
        List<SweepPlan.Point> points = started.points();
        List<SweepRow> fresh = new ArrayList<>();
        for (SweepPlan.Point p : points) {
            long parameters =
                    p.variant() == null ? 0 : p.variant().spec().analyse().totalParameters();
            fresh.add(
                    new SweepRow(
                            p.index(),
                            p.values(),
                            p.label(started.axes()),
                            parameters,
                            p.problem()));
        }
        done.clear();
        rows.setAll(fresh);
        List<String> titles = new ArrayList<>();
        for (SweepPlan.Axis a : started.axes()) {
            titles.add(a.label());
        }
        columnTitles.setAll(titles);
        SweepPlan.Axis x = started.axes().get(0);
        xAxisLabel.set(x.label());
        xCategories.setAll(x.values());
        numericX.set(numeric(x.values()));
        if (started.axes().size() > 1) {
            SweepPlan.Axis s = started.axes().get(1);
            seriesValues = s.values();
            seriesNames.setAll(s.values().stream().map(v -> s.setting().key() + "=" + v).toList());
        } else {
            seriesValues = List.of();
            seriesNames.setAll(List.of("runs"));
        }
        chartPoints.clear();
        pointCount = points.size();
        epochCount = Math.max(1, started.baseHyperparameters().epochCount());
        if (onSlurm) {
            slurm.submit(started, name(started).substring(6), job, rows, this::onEvent);
            return;
        }
        int mine = job.start(0, "Starting the sweep…", this::cancelHandle);
        EventPump<SweepEvent> pump =
                new EventPump<>(
                        ui,
                        e -> {
                            if (job.isCurrent(mine)) {
                                onEvent(e);
                            }
                        },
                        SweepViewModel::coalescingKind);
        try {
            handle = starter.start(started, name(started), pump);
        } catch (Exception e) {
            job.abandon();
            job.setStatus("");
            job.setError("The sweep did not start: " + Sentence.of(e));
        }
    }

    /** Stops the current run after its batch and skips the remaining points. */
    public void cancel() {
        job.cancel("Stopping after the current batch…");
    }

    private void cancelHandle() {
        if (handle != null) {
            handle.cancel();
        }
    }

    private static Object coalescingKind(SweepEvent e) {
        if (e instanceof SweepEvent.PointTraining t
                && (t.event() instanceof TrainingEvent.BatchCompleted
                        || t.event() instanceof TrainingEvent.WeightsCaptured)) {
            return t.event().getClass();
        }
        return null;
    }

    /** Applies one event of the sweep; FX thread. */
    void onEvent(SweepEvent event) {
        if (event instanceof SweepEvent.PointStarted s) {
            pointCount = s.pointCount();
            row(s.index()).ifPresent(r -> r.training("starting…"));
            job.setProgress((double) s.index() / Math.max(1, pointCount));
            job.setProgressText(runText(s.index(), s.label()));
            if (!job.isCancelling()) {
                job.setStatus("Training run " + (s.index() + 1) + " of " + pointCount + "…");
            }
        } else if (event instanceof SweepEvent.PointTraining t) {
            onTraining(t.index(), t.event());
        } else if (event instanceof SweepEvent.PointDone d) {
            SweepResult.Row r = d.row();
            row(r.index()).ifPresent(row -> row.done(r));
            done.add(r);
            if (r.outcome() == SweepResult.Outcome.SAVED) {
                addChartPoint(r);
                if (r.folder() != null) {
                    onRunSaved.accept(r.folder());
                }
            }
            job.setProgress((double) (r.index() + 1) / Math.max(1, pointCount));
        } else if (event instanceof SweepEvent.SweepEnded e) {
            ended(e.result());
        }
    }

    private void onTraining(int index, TrainingEvent event) {
        String label = row(index).map(SweepRow::label).orElse("");
        if (event instanceof TrainingEvent.RunStarted s) {
            epochCount = Math.max(1, s.hyperparameters().epochCount());
            row(index).ifPresent(r -> r.training("epoch 1/" + epochCount + "…"));
        } else if (event instanceof TrainingEvent.BatchCompleted b) {
            double within =
                    ((b.epoch() - 1) + (double) b.batch() / Math.max(1, b.batchesPerEpoch()))
                            / epochCount;
            job.setProgress((index + Math.min(1, within)) / Math.max(1, pointCount));
            job.setProgressText(
                    runText(index, label)
                            + String.format(
                                    Locale.ROOT,
                                    " — epoch %d of %d, batch %,d of %,d",
                                    b.epoch(),
                                    epochCount,
                                    b.batch(),
                                    b.batchesPerEpoch()));
            row(index).ifPresent(r -> r.training("epoch " + b.epoch() + "/" + epochCount + "…"));
        } else if (event instanceof TrainingEvent.EpochCompleted e) {
            job.setProgress((index + (double) e.epoch() / epochCount) / Math.max(1, pointCount));
            if (e.epoch() < e.epochCount()) {
                row(index)
                        .ifPresent(
                                r ->
                                        r.training(
                                                "epoch "
                                                        + (e.epoch() + 1)
                                                        + "/"
                                                        + e.epochCount()
                                                        + "…"));
            } else {
                row(index).ifPresent(r -> r.training("testing…"));
            }
        }
    }

    private void ended(SweepResult result) {
        handle = null;
        job.finish();
        for (SweepRow r : rows) {
            r.notReached();
        }
        long saved = count(result, SweepResult.Outcome.SAVED);
        long skipped = count(result, SweepResult.Outcome.SKIPPED);
        long failed = count(result, SweepResult.Outcome.FAILED);
        StringBuilder text = new StringBuilder();
        if (result.cancelled()) {
            text.append("Sweep cancelled after ")
                    .append(result.rows().size())
                    .append(" of ")
                    .append(pointCount)
                    .append(" runs; the runs finished before are saved.");
        } else {
            job.setProgress(1);
            text.append("Sweep finished: ").append(saved).append(saved == 1 ? " run" : " runs");
            text.append(" saved");
            if (skipped > 0) {
                text.append(", ").append(skipped).append(" skipped");
            }
            if (failed > 0) {
                text.append(", ").append(failed).append(" failed");
            }
            text.append('.');
            best(result)
                    .ifPresent(
                            r ->
                                    text.append(" Best: ")
                                            .append(r.label())
                                            .append(
                                                    String.format(
                                                            Locale.ROOT,
                                                            " (%.1f %%).",
                                                            100 * r.testAccuracy())));
        }
        job.setStatus(text.toString());
        job.setProgressText("");
    }

    private static Optional<SweepResult.Row> best(SweepResult result) {
        return result.rows().stream()
                .filter(r -> r.outcome() == SweepResult.Outcome.SAVED)
                .max(Comparator.comparingDouble(SweepResult.Row::testAccuracy));
    }

    private static long count(SweepResult result, SweepResult.Outcome outcome) {
        return result.rows().stream().filter(r -> r.outcome() == outcome).count();
    }

    private String runText(int index, String label) {
        return "Run " + (index + 1) + " of " + pointCount + " (" + label + ")";
    }

    private Optional<SweepRow> row(int index) {
        return index >= 0 && index < rows.size() ? Optional.of(rows.get(index)) : Optional.empty();
    }

    // ---- chart

    private void rebuildChart() {
        chartPoints.clear();
        for (SweepResult.Row r : done) {
            if (r.outcome() == SweepResult.Outcome.SAVED) {
                addChartPoint(r);
            }
        }
    }

    private void addChartPoint(SweepResult.Row r) {
        int series =
                r.values().size() > 1 ? Math.max(0, seriesValues.indexOf(r.values().get(1))) : 0;
        String x = r.values().get(0);
        chartPoints.add(new SweepChartPoint(series, x, number(x), chartMetric.get().of(r)));
    }

    /**
     * True when the first setting's values are all numbers spread over less than a factor of 20 (or
     * reaching 0): they are then drawn at their places on a number line. Values spanning orders of
     * magnitude (learning rates 0.0001 … 0.1) and words are drawn as evenly spaced categories, in
     * the order typed.
     */
    static boolean numeric(List<String> values) {
        if (values.size() < 2) {
            return false;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (String v : values) {
            double d = number(v);
            if (Double.isNaN(d)) {
                return false;
            }
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        return min <= 0 || max / min <= 20;
    }

    static double number(String text) {
        try {
            double d = Double.parseDouble(text.strip());
            return Double.isFinite(d) ? d : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String name(SweepPlan plan) {
        StringBuilder out = new StringBuilder("sweep");
        for (SweepPlan.Axis a : plan.axes()) {
            out.append('-').append(a.setting().key());
        }
        return out.toString();
    }

    // ---- properties

    /**
     * Run's job: running; progress, the share of the whole sweep done in [0, 1], the current run's
     * progress included; status, what the sweep is doing or how it ended; error, why the sweep did
     * not start (empty otherwise). Cancel cancels it.
     */
    public BackgroundJob job() {
        return job;
    }

    /** e.g. "Run 2 of 6 (kernel=3 lr=0.01) — epoch 1 of 2, batch 300 of 844". */
    public ReadOnlyStringProperty progressTextProperty() {
        return job.progressTextProperty();
    }

    /** The "Run on" choice and the cluster's settings; null when the panel has none. */
    public SlurmTargetViewModel slurm() {
        return slurm;
    }

    /** One row per point of the last sweep started, in the sweep's order. */
    public ObservableList<SweepRow> rows() {
        return rows;
    }

    /** The varied settings' labels, e.g. "kernel size (layer 1)", for the value columns. */
    public ObservableList<String> columnTitles() {
        return columnTitles;
    }

    /** What the chart plots: test accuracy, time or parameters. */
    public ObjectProperty<ChartMetric> chartMetricProperty() {
        return chartMetric;
    }

    /** One series per value of the second setting ("lr=0.001"), or one ("runs"). */
    public ObservableList<String> seriesNames() {
        return seriesNames;
    }

    /** The points of the saved runs, in the order they finished, for the chosen metric. */
    public ObservableList<SweepChartPoint> chartPoints() {
        return chartPoints;
    }

    /** The first setting's values, in order: the categories of a categorical x axis. */
    public ObservableList<String> xCategories() {
        return xCategories;
    }

    /** True when the x axis is a number line (see {@link #numeric}); false for categories. */
    public ReadOnlyBooleanProperty numericXProperty() {
        return numericX.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty xAxisLabelProperty() {
        return xAxisLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty yAxisLabelProperty() {
        return yAxisLabel.getReadOnlyProperty();
    }
}
