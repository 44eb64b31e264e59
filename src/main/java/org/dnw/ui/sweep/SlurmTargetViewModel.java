package org.dnw.ui.sweep;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.dnw.runs.SlurmCluster;
import org.dnw.runs.SlurmOptions;
import org.dnw.runs.SlurmStates.TaskState;
import org.dnw.runs.SlurmSubmitter;
import org.dnw.runs.SlurmSweep;
import org.dnw.runs.SweepEvent;
import org.dnw.runs.SweepResult;
import org.dnw.spec.Sentence;
import org.dnw.store.RunSummary;
import org.dnw.train.SweepPlan;
import org.dnw.ui.common.BackgroundJob;

/**
 * The Sweep panel's "Run on: this computer | Slurm cluster" choice and, for a cluster, what each
 * task asks for (partition, time limit, CPUs, memory, GPUs, how many at once, the shared runs
 * folder), checked field by field with one sentence each. A sweep started on Slurm is submitted on
 * the background executor, then followed: each {@link #poll()} (the window calls it every few
 * seconds) reads Slurm's task states merged with the run folders and shows them in the sweep's rows
 * (pending, running, done, failed, cancelled, interrupted); a saved point's figures go through the
 * sweep's own {@link SweepEvent.PointDone} path, so the table and the chart fill in as for a local
 * sweep. Cancel runs Slurm's {@code scancel} on the array. Properties belong to the FX thread.
 */
public final class SlurmTargetViewModel {

    /** The sentence Start gives when there is no {@code sbatch}. */
    static final String NO_SLURM =
            "No Slurm found: sbatch is not on this computer's PATH — start the workbench on the"
                    + " cluster's login node (after module load slurm where the cluster uses"
                    + " modules), or choose Run on: this computer.";

    private final SlurmService service;
    private final Supplier<Path> launcher;
    private final Supplier<String> dataset;
    private final Executor background;
    private final Executor ui;

    private final BooleanProperty onSlurm = new SimpleBooleanProperty(this, "onSlurm", false);
    private final StringProperty partition = new SimpleStringProperty(this, "partition", "");
    private final StringProperty timeLimit = new SimpleStringProperty(this, "time", "01:00:00");
    private final StringProperty cpusPerTask = new SimpleStringProperty(this, "cpus", "1");
    private final StringProperty memory = new SimpleStringProperty(this, "memory", "");
    private final StringProperty gres = new SimpleStringProperty(this, "gres", "");
    private final StringProperty maxParallel = new SimpleStringProperty(this, "maxParallel", "");
    private final StringProperty runsFolder = new SimpleStringProperty(this, "runsFolder", "");
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper(this, "problems", "");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper(this, "warning", "");

    private Follow follow;
    private int warningAsked;

    /** A sweep submitted from this panel, followed until no task is pending or running. */
    private static final class Follow {
        final BackgroundJob job;
        final List<SweepRow> rows;
        final Consumer<SweepEvent> sink;
        final SweepPlan plan;
        final Set<Integer> reported = new HashSet<>();
        final Map<Integer, SweepResult.Row> results = new java.util.TreeMap<>();
        int generation;
        Path folder;
        String jobId;
        boolean cancelAsked;
        boolean polling;

        Follow(BackgroundJob job, List<SweepRow> rows, Consumer<SweepEvent> sink, SweepPlan plan) {
            this.job = job;
            this.rows = rows;
            this.sink = sink;
            this.plan = plan;
        }
    }

    /**
     * @param service the cluster (Slurm's commands; a fake in tests)
     * @param launcher the workbench launcher the tasks run, or null when none is known; called off
     *     the FX thread
     * @param dataset what each task trains on ({@code train --dataset}: a built-in name or a path),
     *     null when no data set is loaded; called on the FX thread
     * @param defaultRunsFolder the runs folder offered at first (the window's)
     * @param background where submission, polls and scancel run
     * @param ui the FX thread ({@code Runnable::run} in tests)
     */
    public SlurmTargetViewModel(
            SlurmService service,
            Supplier<Path> launcher,
            Supplier<String> dataset,
            Path defaultRunsFolder,
            Executor background,
            Executor ui) {
        this.service = Objects.requireNonNull(service, "service");
        this.launcher = Objects.requireNonNull(launcher, "launcher");
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
        runsFolder.set(defaultRunsFolder.toAbsolutePath().normalize().toString());
        for (StringProperty p :
                List.of(partition, timeLimit, cpusPerTask, memory, gres, maxParallel, runsFolder)) {
            p.addListener((obs, was, now) -> check());
        }
        runsFolder.addListener((obs, was, now) -> askWarning());
        onSlurm.addListener((obs, was, now) -> askWarning());
        check();
    }

    // ---- the fields

    /** True for "Run on: Slurm cluster", false for "this computer". */
    public BooleanProperty onSlurmProperty() {
        return onSlurm;
    }

    public boolean onSlurm() {
        return onSlurm.get();
    }

    /** Slurm's partition; empty for the cluster's default. */
    public StringProperty partitionProperty() {
        return partition;
    }

    /** Wall-time limit per task, HH:MM:SS (or D-HH:MM:SS); empty for the partition's. */
    public StringProperty timeLimitProperty() {
        return timeLimit;
    }

    /** CPUs per task, also its training threads. */
    public StringProperty cpusPerTaskProperty() {
        return cpusPerTask;
    }

    /** Memory per task, e.g. 4G; empty for the partition's default. */
    public StringProperty memoryProperty() {
        return memory;
    }

    /** Generic resources per task, e.g. gpu:1; empty for none. */
    public StringProperty gresProperty() {
        return gres;
    }

    /** At most this many tasks at once; empty for as many as Slurm allows. */
    public StringProperty maxParallelProperty() {
        return maxParallel;
    }

    /** The runs folder the tasks save into; every node must see it (a shared file system). */
    public StringProperty runsFolderProperty() {
        return runsFolder;
    }

    /** One sentence per field that cannot be sent, one a line; empty when all can. */
    public ReadOnlyStringProperty problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    /**
     * The command line's warning when the runs folder may not be seen by every node (under /tmp, or
     * on a local disk); empty otherwise or while "this computer" is chosen.
     */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    private void check() {
        List<String> out = new ArrayList<>();
        if (!word(partition.get())) {
            out.add("Partition takes letters, digits and . : , _ + - only, e.g. gpu.");
        }
        String t = timeLimit.get().strip();
        if (!t.isEmpty() && !t.matches("(\\d+-)?\\d+(:\\d{1,2}){0,2}")) {
            out.add("Time limit must read like 01:30:00 (hours:minutes:seconds) or 2-00:00:00.");
        }
        if (whole(cpusPerTask.get(), false) < 1) {
            out.add("CPUs per task must be a whole number from 1, e.g. 2.");
        }
        if (!memory.get().isBlank() && !memory.get().strip().matches("\\d+[KMGTkmgt]?")) {
            out.add("Memory must be a number with a unit, e.g. 4G or 500M, or empty.");
        }
        if (!word(gres.get())) {
            out.add("GPUs must read like gpu:1 (or gpu:a100:2), or stay empty for none.");
        }
        if (whole(maxParallel.get(), true) < 0) {
            out.add("Max parallel must be a whole number from 1, or empty for no limit.");
        }
        if (runsFolder.get().isBlank()) {
            out.add("Choose a runs folder that every node of the cluster sees.");
        } else {
            try {
                Path.of(runsFolder.get().strip());
            } catch (InvalidPathException e) {
                out.add("The runs folder is not a valid path.");
            }
        }
        problems.set(String.join("\n", out));
    }

    private static boolean word(String text) {
        return text.isBlank() || text.strip().matches("[A-Za-z0-9_.:,+-]+");
    }

    /** The whole number typed, 0 for empty when {@code emptyAllowed}, −1 when it is none. */
    private static int whole(String text, boolean emptyAllowed) {
        if (text.isBlank()) {
            return emptyAllowed ? 0 : -1;
        }
        try {
            int n = Integer.parseInt(text.strip());
            return n >= 1 ? n : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void askWarning() {
        int mine = ++warningAsked;
        if (!onSlurm.get() || runsFolder.get().isBlank()) {
            warning.set("");
            return;
        }
        String folder = runsFolder.get().strip();
        background.execute(
                () -> {
                    String w;
                    try {
                        w =
                                SlurmSubmitter.notSharedWarning(
                                                Path.of(folder), "choose a runs folder")
                                        .map(s -> "Warning: " + s)
                                        .orElse("");
                    } catch (InvalidPathException e) {
                        w = "";
                    }
                    String text = w;
                    ui.execute(
                            () -> {
                                if (mine == warningAsked) {
                                    warning.set(text);
                                }
                            });
                });
    }

    /** The options as typed. */
    SlurmOptions options() {
        int max = whole(maxParallel.get(), true);
        return new SlurmOptions(
                blankToNull(partition.get()),
                blankToNull(timeLimit.get()),
                whole(cpusPerTask.get(), false),
                blankToNull(memory.get()),
                blankToNull(gres.get()),
                Math.max(0, max));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // ---- submitting and following

    /**
     * Why Start cannot send the sweep now, in sentences (a field, no data set); empty when it can.
     * Whether Slurm is there is asked at submission, off the FX thread.
     */
    String refusal() {
        if (!problems.get().isEmpty()) {
            return problems.get().replace("\n", " ");
        }
        if (dataset.get() == null) {
            return "Load a data set in the Data tab first: each task trains on it.";
        }
        return "";
    }

    /**
     * Submits {@code plan} on the background executor and follows it in {@code rows} (one per
     * point, in order); {@code sink} is the sweep's own event handler. FX thread.
     */
    void submit(
            SweepPlan plan,
            String name,
            BackgroundJob job,
            List<SweepRow> rows,
            Consumer<SweepEvent> sink) {
        Follow f = new Follow(job, rows, sink, plan);
        follow = f;
        SlurmOptions options = options();
        String data = dataset.get();
        Path runs = Path.of(runsFolder.get().strip());
        f.generation = job.start(-1, "Submitting the sweep to Slurm…", () -> cancel(f));
        int mine = f.generation;
        background.execute(
                () -> {
                    try {
                        if (!service.available()) {
                            throw new IllegalStateException(NO_SLURM);
                        }
                        Path l = launcher.get();
                        if (l == null || !Files.isExecutable(l)) {
                            throw new IllegalStateException(
                                    "The tasks need the workbench launcher"
                                            + (l == null ? "" : ", and " + l + " is missing")
                                            + " — build it with mvn -B -DskipTests package, or"
                                            + " start the window from an installation.");
                        }
                        SlurmSubmitter.Submitted s =
                                service.submit(
                                        new SlurmSubmitter.Request(
                                                name, data, null, plan, options, l, runs, null));
                        job.publish(mine, () -> submitted(f, s));
                    } catch (SlurmCluster.SubmissionRefused e) {
                        job.publish(
                                mine,
                                () ->
                                        notSubmitted(
                                                f,
                                                "Slurm refused the sweep: "
                                                        + Sentence.of(e.getMessage())
                                                        + " Nothing was submitted."));
                    } catch (Exception e) {
                        job.publish(
                                mine,
                                () ->
                                        notSubmitted(
                                                f,
                                                e instanceof IllegalStateException
                                                        ? e.getMessage()
                                                        : "The sweep was not submitted: "
                                                                + Sentence.of(e)));
                    }
                });
    }

    private void notSubmitted(Follow f, String why) {
        if (follow == f) {
            follow = null;
        }
        f.job.finish();
        f.job.setStatus("");
        f.job.setProgress(0);
        f.job.setError(why);
        f.rows.clear();
    }

    private void submitted(Follow f, SlurmSubmitter.Submitted s) {
        f.folder = s.folder();
        f.jobId = s.jobId();
        f.job.setProgress(0);
        f.job.setStatus(
                "Submitted job "
                        + s.jobId()
                        + " (array "
                        + s.script().arraySpec()
                        + ") to Slurm; the table follows its tasks every few seconds.");
        f.job.setProgressText("Sweep folder: " + s.folder());
        if (f.cancelAsked) {
            scancel(f);
        } else {
            poll();
        }
    }

    /**
     * Reads the followed sweep's state once, on the background executor, and shows it; nothing when
     * none is followed or a read is still under way. FX thread.
     */
    public void poll() {
        Follow f = follow;
        if (f == null || f.folder == null || f.polling) {
            return;
        }
        f.polling = true;
        background.execute(
                () -> {
                    try {
                        SlurmSweep.Status st = service.status(f.folder);
                        f.job.publish(f.generation, () -> show(f, st));
                    } catch (Exception e) {
                        f.job.publish(
                                f.generation,
                                () -> {
                                    f.polling = false;
                                    f.job.setProgressText(
                                            "The sweep's state cannot be read now: "
                                                    + Sentence.of(e));
                                });
                    }
                });
    }

    /** True while a sweep sent from here is followed. */
    public boolean following() {
        return follow != null;
    }

    private void show(Follow f, SlurmSweep.Status st) {
        f.polling = false;
        Map<TaskState, Integer> counts = new EnumMap<>(TaskState.class);
        for (SlurmSweep.StatusRow r : st.rows()) {
            counts.merge(r.state(), 1, Integer::sum);
            int i = r.point().index();
            if (i < 0 || i >= f.rows.size()) {
                continue;
            }
            SweepRow row = f.rows.get(i);
            String slurm = r.slurmState().isEmpty() ? "" : "Slurm: " + r.slurmState();
            switch (r.state()) {
                case DONE, SKIPPED -> {
                    if (f.reported.add(i)) {
                        SweepResult.Row done = result(row, r);
                        f.results.put(i, done);
                        f.sink.accept(new SweepEvent.PointDone(done));
                    }
                }
                case PENDING -> row.onCluster(SweepRow.State.WAITING, "pending", slurm);
                case RUNNING ->
                        row.onCluster(
                                SweepRow.State.TRAINING, "running", join(epoch(r.live()), slurm));
                case FAILED ->
                        row.onCluster(
                                SweepRow.State.FAILED,
                                "failed",
                                join(slurm, "log in " + f.folder.resolve("logs")));
                case CANCELLED -> row.onCluster(SweepRow.State.CANCELLED, "cancelled", slurm);
                case INTERRUPTED ->
                        row.onCluster(
                                SweepRow.State.INTERRUPTED,
                                "interrupted",
                                join(
                                        "stopped after "
                                                + (r.live() == null
                                                        ? 0
                                                        : r.live().epochsCompleted())
                                                + " epoch(s), which are kept",
                                        slurm));
                case UNKNOWN ->
                        row.onCluster(
                                SweepRow.State.FAILED,
                                "unknown",
                                "Slurm no longer knows this task and no run was saved");
            }
        }
        long finished =
                st.rows().stream()
                        .filter(
                                r ->
                                        r.state() != TaskState.PENDING
                                                && r.state() != TaskState.RUNNING)
                        .count();
        f.job.setProgress((double) finished / Math.max(1, st.rows().size()));
        StringBuilder text =
                new StringBuilder(
                        "Job " + f.jobId + (f.cancelAsked ? ", cancelled with scancel: " : ": "));
        counts.forEach(
                (k, v) ->
                        text.append(text.charAt(text.length() - 2) == ':' ? "" : ", ")
                                .append(v)
                                .append(' ')
                                .append(k.label()));
        if (!st.slurmAsked()) {
            text.append(" (no Slurm here: from the run folders only)");
        }
        f.job.setProgressText(text.toString());
        if (st.ended()) {
            if (follow == f) {
                follow = null;
            }
            List<SweepResult.Row> rows = new ArrayList<>();
            for (SlurmSweep.StatusRow r : st.rows()) {
                SweepResult.Row done = f.results.get(r.point().index());
                if (done != null) {
                    rows.add(done);
                } else if (!f.cancelAsked && r.point().index() < f.rows.size()) {
                    rows.add(result(f.rows.get(r.point().index()), r));
                }
            }
            f.sink.accept(
                    new SweepEvent.SweepEnded(new SweepResult(f.plan.axes(), rows, f.cancelAsked)));
        }
    }

    /** "epoch 2 of 5" while a run trains; "" before its run has started. */
    private static String epoch(RunSummary live) {
        if (live == null || live.epochCount() <= 0) {
            return "";
        }
        int epoch = Math.min(live.epochsCompleted() + 1, live.epochCount());
        return String.format(Locale.ROOT, "epoch %d of %d", epoch, live.epochCount());
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
    }

    /** The point as a sweep result row: saved with its run's figures, else how it ended. */
    private static SweepResult.Row result(SweepRow row, SlurmSweep.StatusRow r) {
        RunSummary run = r.run();
        SweepResult.Outcome outcome =
                switch (r.state()) {
                    case DONE -> SweepResult.Outcome.SAVED;
                    case SKIPPED -> SweepResult.Outcome.SKIPPED;
                    case CANCELLED -> SweepResult.Outcome.CANCELLED;
                    default -> SweepResult.Outcome.FAILED;
                };
        return new SweepResult.Row(
                r.point().index(),
                row.values(),
                row.label(),
                outcome,
                run == null ? Double.NaN : run.testAccuracy(),
                run == null ? Double.NaN : run.bestValidationAccuracy(),
                run == null ? row.figuresProperty().get().parameterCount() : run.parameterCount(),
                run == null ? 0 : run.durationMillis(),
                run == null ? null : run.folder(),
                run == null ? r.point().problem() : null);
    }

    private void cancel(Follow f) {
        f.cancelAsked = true;
        if (f.jobId == null) {
            f.job.setStatus("Cancelling: the job is cancelled as soon as Slurm has accepted it…");
        } else {
            scancel(f);
        }
    }

    private void scancel(Follow f) {
        f.job.setStatus("Cancelling job " + f.jobId + " with scancel…");
        background.execute(
                () -> {
                    try {
                        service.cancel(f.jobId);
                        f.job.publish(
                                f.generation,
                                () -> {
                                    f.job.setStatus(
                                            "Job "
                                                    + f.jobId
                                                    + " cancelled with scancel; the table shows"
                                                    + " its tasks as Slurm stops them.");
                                    poll();
                                });
                    } catch (Exception e) {
                        f.job.publish(
                                f.generation,
                                () ->
                                        f.job.setError(
                                                "scancel "
                                                        + f.jobId
                                                        + " did not cancel the job: "
                                                        + Sentence.of(e)));
                    }
                });
    }
}
