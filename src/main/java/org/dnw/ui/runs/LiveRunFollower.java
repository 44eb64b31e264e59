package org.dnw.ui.runs;

import java.io.IOException;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import org.dnw.store.RunEvents;
import org.dnw.store.RunStatus;
import org.dnw.store.RunStore;
import org.dnw.store.RunSummary;
import org.dnw.ui.charts.ChartsViewModel;

/**
 * The Runs tab's one followed run: a running run opened in the tab has its curves so far drawn on
 * the charts, and they grow at each poll of the folder until the run ends (completes, is
 * interrupted or deleted). While this window trains nothing, they are the charts' own curves, drawn
 * as the Training tab draws a run training here; while it trains, the charts belong to that run and
 * the followed one is a dashed overlay (decided again at each poll, so a training started meanwhile
 * takes the charts back). Reading happens on the caller's background thread ({@link #read(RunStore,
 * List)}); drawing and the sentences on the FX thread.
 */
final class LiveRunFollower {

    private final ChartsViewModel charts;
    private final Function<RunSummary, String> overlayName;
    private final Consumer<String> status;
    private BooleanSupplier trainingHere = () -> false;
    private RunSummary followed;
    private boolean resuming;

    LiveRunFollower(
            ChartsViewModel charts,
            Function<RunSummary, String> overlayName,
            Consumer<String> status) {
        this.charts = charts;
        this.overlayName = overlayName;
        this.status = status;
    }

    /**
     * Follows {@code interrupted} while another process resumes it: it stays followed while still
     * listed as interrupted (the process is starting) and when it reappears running from the
     * resuming process's folder, until {@link #resumeEnded}.
     */
    void resuming(RunSummary interrupted) {
        followed = interrupted;
        resuming = true;
    }

    /** The process resuming {@code run} has ended: its outcome is said, no more following. */
    void resumeEnded(RunSummary run) {
        if (followed == run) {
            resuming = false;
            followed = null;
        }
    }

    /** Whether this window is training a run now (then the followed run is only overlaid). */
    void setTrainingHere(BooleanSupplier value) {
        trainingHere = value == null ? () -> false : value;
    }

    /** Draws {@code run}'s epochs so far: as the charts' own curves, or overlaid while training. */
    private void draw(RunSummary run, RunEvents.Log log) {
        if (trainingHere.getAsBoolean()) {
            charts.overlay(overlayName.apply(run), SavedRunViews.points(log.epochs()));
        } else {
            charts.removeOverlay(overlayName.apply(run));
            charts.showRun(
                    run.runName(),
                    Math.max(run.epochCount(), log.epochs().size()),
                    SavedRunViews.points(log.epochs()));
            charts.setCaption(
                    "Curves of "
                            + run.runName()
                            + (run.status() == RunStatus.RUNNING
                                    ? ", training in another process: they grow as it trains."
                                    : run.status() == RunStatus.INTERRUPTED
                                            ? ", interrupted after epoch "
                                                    + log.epochs().size()
                                                    + "."
                                            : "."));
        }
    }

    /** The running run whose curves grow on the charts; null when none. FX thread. */
    RunSummary followed() {
        return followed;
    }

    /** The run's events so far, or null when it is no longer a draft; background thread. */
    static RunEvents.Log read(RunStore store, RunSummary run) {
        try {
            return store.readLive(run);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The followed run's events as listed in {@code list} (null when nothing is followed or it left
     * the list); background thread.
     */
    static RunEvents.Log read(RunStore store, RunSummary follow, List<RunSummary> list) {
        RunSummary now = follow == null ? null : find(list, follow);
        return now == null ? null : read(store, now);
    }

    /**
     * Draws {@code run}'s curves so far ({@code log} read for it) and follows it if it is still
     * running; FX thread.
     *
     * @return false when the run is no longer a draft (it completed or was deleted meanwhile)
     */
    boolean start(RunSummary run, RunEvents.Log log) {
        if (log == null) {
            status.accept(
                    run.runName()
                            + " is no longer a draft: it was completed or deleted meanwhile.");
            return false;
        }
        draw(run, log);
        followed = run.status() == RunStatus.RUNNING ? run : null;
        status.accept(
                run.status() == RunStatus.RUNNING
                        ? "Following "
                                + run.runName()
                                + ": its curves grow on the charts as it trains."
                        : "The curves of "
                                + run.runName()
                                + " up to its last epoch ("
                                + log.epochs().size()
                                + ") are drawn on the charts.");
        return true;
    }

    /**
     * Grows the curves of {@code follow} (the run followed when the poll began) from {@code log},
     * or stops following when the run ended; FX thread.
     */
    void grown(RunSummary follow, List<RunSummary> list, RunEvents.Log log) {
        if (follow == null || followed != follow) {
            return;
        }
        RunSummary now = find(list, follow);
        if (log != null) {
            draw(now == null ? follow : now, log);
        }
        if (resuming && now != null && now.status() == RunStatus.INTERRUPTED) {
            return; // the resuming process has not taken it over yet
        }
        if (now != null && now.status() == RunStatus.RUNNING) {
            status.accept(
                    "Following "
                            + now.runName()
                            + ": epoch "
                            + now.epochsCompleted()
                            + (now.epochCount() > 0 ? " of " + now.epochCount() : "")
                            + " done; its curves grow on the charts as it trains.");
        } else {
            followed = null;
            status.accept(
                    now == null
                            ? follow.runName()
                                    + " has ended: when it completed, it is listed as complete;"
                                    + " open it for its figures."
                            : follow.runName()
                                    + " was interrupted after "
                                    + now.epochsCompleted()
                                    + (now.epochsCompleted() == 1 ? " epoch." : " epochs."));
        }
    }

    /**
     * {@code run} as listed now: the same folder, or — a resumed run's draft takes a new folder
     * naming its new owner — the live run of the same name and first start.
     */
    private static RunSummary find(List<RunSummary> list, RunSummary run) {
        for (RunSummary r : list) {
            if (r.folder().equals(run.folder())) {
                return r;
            }
        }
        for (RunSummary r : list) {
            if (r.isLive()
                    && r.runName().equals(run.runName())
                    && r.startedAt() != null
                    && r.startedAt().equals(run.startedAt())) {
                return r;
            }
        }
        return null;
    }
}
