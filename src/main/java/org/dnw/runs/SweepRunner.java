package org.dnw.runs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.dnw.data.DataSplits;
import org.dnw.train.SweepPlan;
import org.dnw.train.TrainingEvent;
import org.dnw.train.TrainingRun;

/**
 * Runs the points of a {@link SweepPlan} one after another on a background thread ({@code
 * sweep-<name>}), each as an ordinary saved run, and reports {@link SweepEvent}s. Points that
 * cannot work are skipped with their sentence; a failed run does not stop the sweep; cancel stops
 * the current run and the rest. Thread-safe.
 */
public final class SweepRunner {

    private final RunLauncher launcher;

    public SweepRunner(RunLauncher launcher) {
        this.launcher = Objects.requireNonNull(launcher, "launcher");
    }

    /** A started sweep. */
    public interface Sweep {
        /** Stops the current run after its batch and skips the remaining points. */
        void cancel();

        /** Completes with the result after {@link SweepEvent.SweepEnded} was delivered. */
        CompletableFuture<SweepResult> result();
    }

    /**
     * Starts the sweep and returns at once.
     *
     * @param name prefix of every run's name, e.g. "sweep-kernel"
     * @param listener receives the events on the sweep's and the runs' threads, in order; must not
     *     block
     */
    public Sweep start(
            SweepPlan plan,
            DataSplits splits,
            String name,
            int weightsEveryBatches,
            Consumer<SweepEvent> listener) {
        ActiveSweep sweep = new ActiveSweep();
        Thread thread =
                new Thread(
                        () -> {
                            SweepResult result;
                            try {
                                result =
                                        run(
                                                plan,
                                                splits,
                                                name,
                                                weightsEveryBatches,
                                                listener,
                                                sweep);
                            } catch (RuntimeException e) {
                                result = new SweepResult(plan.axes(), List.of(), true);
                            }
                            safe(listener, new SweepEvent.SweepEnded(result));
                            sweep.result.complete(result);
                        },
                        "sweep-" + name);
        thread.setDaemon(true);
        thread.start();
        return sweep;
    }

    private SweepResult run(
            SweepPlan plan,
            DataSplits splits,
            String name,
            int weightsEveryBatches,
            Consumer<SweepEvent> listener,
            ActiveSweep sweep) {
        List<SweepPlan.Point> points = plan.points();
        List<SweepResult.Row> rows = new ArrayList<>();
        for (SweepPlan.Point point : points) {
            if (sweep.cancelled) {
                return new SweepResult(plan.axes(), rows, true);
            }
            String label = point.label(plan.axes());
            safe(listener, new SweepEvent.PointStarted(point.index(), points.size(), label));
            SweepResult.Row row =
                    runPoint(
                            plan, point, label, splits, name, weightsEveryBatches, listener, sweep);
            rows.add(row);
            safe(listener, new SweepEvent.PointDone(row));
            if (row.outcome() == SweepResult.Outcome.CANCELLED) {
                return new SweepResult(plan.axes(), rows, true);
            }
        }
        return new SweepResult(plan.axes(), rows, false);
    }

    /**
     * The name a point's run is saved under, e.g. "sweep-kernel-kernel5-lr0.001" for prefix
     * "sweep-kernel" and label "kernel=5 lr=0.001"; the same locally and on a cluster.
     */
    public static String runName(String prefix, String label) {
        return prefix + "-" + label.replace(' ', '-').replace("=", "");
    }

    private SweepResult.Row runPoint(
            SweepPlan plan,
            SweepPlan.Point point,
            String label,
            DataSplits splits,
            String name,
            int weightsEveryBatches,
            Consumer<SweepEvent> listener,
            ActiveSweep sweep) {
        if (point.problem() != null) {
            return row(
                    point, label, SweepResult.Outcome.SKIPPED, null, 0, 0, null, point.problem());
        }
        long parameters = point.variant().spec().analyse().totalParameters();
        String runName = runName(name, label);
        try {
            RunLauncher.LaunchedRun launched =
                    launcher.launch(
                            runName,
                            point.variant().spec(),
                            splits,
                            point.variant().hyperparameters(),
                            weightsEveryBatches,
                            e -> safe(listener, new SweepEvent.PointTraining(point.index(), e)));
            sweep.current = launched.run();
            if (sweep.cancelled) {
                launched.run().cancel();
            }
            TrainingEvent terminal = launched.run().terminal().get();
            RunSaveOutcome saved = launched.saved().get(10, TimeUnit.MINUTES);
            sweep.current = null;
            if (terminal instanceof TrainingEvent.RunFinished f && saved.isSaved()) {
                double best = Double.NaN;
                try {
                    best =
                            launcher.store()
                                    .load(saved.folder())
                                    .manifest()
                                    .results()
                                    .bestValidationAccuracy();
                } catch (java.io.IOException | RuntimeException ignored) {
                    // the table shows the test accuracy anyway
                }
                return row(
                        point,
                        label,
                        SweepResult.Outcome.SAVED,
                        f.test().accuracy(),
                        best,
                        parameters,
                        f.durationMillis(),
                        saved.folder(),
                        saved.message());
            }
            if (terminal instanceof TrainingEvent.RunCancelled) {
                return row(
                        point,
                        label,
                        SweepResult.Outcome.CANCELLED,
                        null,
                        parameters,
                        0,
                        null,
                        "cancelled");
            }
            String why =
                    terminal instanceof TrainingEvent.RunFailed f
                            ? f.reason() + (f.advice().isBlank() ? "" : " — " + f.advice())
                            : saved.message();
            return row(point, label, SweepResult.Outcome.FAILED, null, parameters, 0, null, why);
        } catch (java.io.IOException | RuntimeException | ExecutionException | TimeoutException e) {
            return row(
                    point,
                    label,
                    SweepResult.Outcome.FAILED,
                    null,
                    parameters,
                    0,
                    null,
                    e.getMessage() == null ? e.toString() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return row(
                    point,
                    label,
                    SweepResult.Outcome.CANCELLED,
                    null,
                    parameters,
                    0,
                    null,
                    "interrupted");
        }
    }

    private static SweepResult.Row row(
            SweepPlan.Point point,
            String label,
            SweepResult.Outcome outcome,
            Double accuracy,
            double best,
            long parameters,
            long millis,
            java.nio.file.Path folder,
            String message) {
        return new SweepResult.Row(
                point.index(),
                point.values(),
                label,
                outcome,
                accuracy == null ? Double.NaN : accuracy,
                best,
                parameters,
                millis,
                folder,
                message);
    }

    private static SweepResult.Row row(
            SweepPlan.Point point,
            String label,
            SweepResult.Outcome outcome,
            Double accuracy,
            long parameters,
            long millis,
            java.nio.file.Path folder,
            String message) {
        return row(
                point, label, outcome, accuracy, Double.NaN, parameters, millis, folder, message);
    }

    private static void safe(Consumer<SweepEvent> listener, SweepEvent event) {
        try {
            listener.accept(event);
        } catch (RuntimeException ignored) {
            // a broken view must not stop the sweep
        }
    }

    private static final class ActiveSweep implements Sweep {
        private final CompletableFuture<SweepResult> result = new CompletableFuture<>();
        private volatile boolean cancelled;
        private volatile TrainingRun current;

        @Override
        public void cancel() {
            cancelled = true;
            TrainingRun run = current;
            if (run != null) {
                run.cancel();
            }
        }

        @Override
        public CompletableFuture<SweepResult> result() {
            return result;
        }
    }

    /** Waits for a sweep; for the command line and tests. */
    public static SweepResult await(Sweep sweep, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        return sweep.result().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
