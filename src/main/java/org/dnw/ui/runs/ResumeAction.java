package org.dnw.ui.runs;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.dnw.runs.ResumeProcess;
import org.dnw.store.RunStatus;
import org.dnw.store.RunSummary;

/**
 * The Runs tab's Resume: an interrupted run continues in a process of its own ({@link RunResumer}),
 * and the tab follows it through the runs folder until that process ends. FX thread, except the
 * start, which runs on the background executor.
 *
 * <p>{@code refresh} lists the folder again and puts its sentence before the listing's.
 */
final class ResumeAction {

    private final LiveRunFollower live;
    private final Executor background;
    private final Executor ui;
    private final Consumer<Boolean> busy;
    private final Consumer<String> status;
    private final Runnable showCharts;
    private final Consumer<String> refresh;
    private RunResumer resumer;

    ResumeAction(
            LiveRunFollower live,
            Executor background,
            Executor ui,
            Consumer<Boolean> busy,
            Consumer<String> status,
            Runnable showCharts,
            Consumer<String> refresh) {
        this.live = live;
        this.background = background;
        this.ui = ui;
        this.busy = busy;
        this.status = status;
        this.showCharts = showCharts;
        this.refresh = refresh;
    }

    void setResumer(RunResumer value) {
        resumer = value;
    }

    /** Resumes {@code run} (the one selected run; null when not exactly one was). */
    void start(RunSummary run) {
        if (run == null) {
            return;
        }
        if (run.status() != RunStatus.INTERRUPTED || resumer == null) {
            status.accept(
                    run.runName()
                            + (run.status() == RunStatus.RUNNING
                                    ? " is still training"
                                    : run.status() == RunStatus.INTERRUPTED
                                            ? " cannot be resumed from this window"
                                            : " has completed")
                            + ": only an interrupted run can be resumed.");
            return;
        }
        busy.accept(true);
        RunResumer using = resumer;
        background.execute(() -> begin(using, run));
    }

    /** Starts the resuming process (background thread) and reports on the FX thread. */
    private void begin(RunResumer using, RunSummary run) {
        CompletableFuture<ResumeProcess.Ended> ended;
        try {
            ended = using.resume(run.folder());
        } catch (IOException | RuntimeException e) {
            ui.execute(
                    () -> ended(run, "Could not resume " + run.runName() + ": " + e.getMessage()));
            return;
        }
        ui.execute(() -> started(run));
        ended.thenAccept(e -> ui.execute(() -> ended(run, sentence(run.runName(), e))));
    }

    private void started(RunSummary run) {
        busy.accept(false);
        live.resuming(run);
        status.accept(
                "Resuming "
                        + run.runName()
                        + " from its last checkpoint in a process of its own (it goes on if the"
                        + " window closes); its curves grow on the charts.");
        showCharts.run();
    }

    private void ended(RunSummary run, String sentence) {
        busy.accept(false);
        live.resumeEnded(run);
        refresh.accept(sentence);
    }

    /** How the resuming of the run named {@code name} ended, for the status line. */
    static String sentence(String name, ResumeProcess.Ended e) {
        if (e.exitCode() == 0) {
            return name + " was resumed and has completed: it is listed as complete.";
        }
        return "Could not resume "
                + name
                + ": "
                + (e.lastLine().isEmpty() ? "its process ended" : e.lastLine())
                + " (exit "
                + e.exitCode()
                + "; its whole output is in "
                + e.log()
                + ")";
    }
}
