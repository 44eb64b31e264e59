package org.dnw.ui.runs;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
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
        background.execute(() -> RunResumer.start(using, run, ui, this::reached));
    }

    private void reached(RunSummary run, RunResumer.Outcome outcome) {
        busy.accept(false);
        if (outcome.kind() == RunResumer.Outcome.Kind.STARTED) {
            live.resuming(run);
            status.accept(
                    "Resuming "
                            + run.runName()
                            + " from its last checkpoint in a process of its own (it goes on if the"
                            + " window closes); its curves grow on the charts.");
            showCharts.run();
            return;
        }
        live.resumeEnded(run);
        refresh.accept(outcome.sentence(run.runName()));
    }
}
