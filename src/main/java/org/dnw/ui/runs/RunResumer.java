package org.dnw.ui.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import org.dnw.runs.ResumeProcess;
import org.dnw.store.RunSummary;

/** How the Runs tab's Resume continues an interrupted run: in a process of its own. */
@FunctionalInterface
public interface RunResumer {

    /**
     * Starts resuming the interrupted run in {@code folder}.
     *
     * @return completes when the resuming process has ended
     * @throws IOException when it cannot be started
     */
    CompletableFuture<ResumeProcess.Ended> resume(Path folder) throws IOException;

    /** What became of a Resume: started, then completed or not. */
    record Outcome(Kind kind, String detail) {
        static final Outcome STARTED = new Outcome(Kind.STARTED, "");

        enum Kind {
            STARTED,
            COMPLETED,
            FAILED
        }

        /** The status line for the run named {@code name}. */
        String sentence(String name) {
            return switch (kind) {
                case STARTED -> "Resuming " + name + ".";
                case COMPLETED ->
                        name + " was resumed and has completed: it is listed as complete.";
                case FAILED -> "Could not resume " + name + ": " + detail;
            };
        }
    }

    /**
     * Starts {@code run} with {@code resumer} on the calling (background) thread and reports to
     * {@code then} on {@code ui}: {@link Outcome#STARTED} once the process runs, then how it ended.
     */
    static void start(
            RunResumer resumer, RunSummary run, Executor ui, BiConsumer<RunSummary, Outcome> then) {
        CompletableFuture<ResumeProcess.Ended> ended;
        try {
            ended = resumer.resume(run.folder());
        } catch (IOException | RuntimeException e) {
            ui.execute(() -> then.accept(run, new Outcome(Outcome.Kind.FAILED, e.getMessage())));
            return;
        }
        ui.execute(() -> then.accept(run, Outcome.STARTED));
        ended.thenAccept(
                e ->
                        ui.execute(
                                () ->
                                        then.accept(
                                                run,
                                                e.exitCode() == 0
                                                        ? new Outcome(Outcome.Kind.COMPLETED, "")
                                                        : new Outcome(
                                                                Outcome.Kind.FAILED,
                                                                (e.lastLine().isEmpty()
                                                                                ? "its process"
                                                                                        + " ended"
                                                                                : e.lastLine())
                                                                        + " (exit "
                                                                        + e.exitCode()
                                                                        + "; its whole output is in "
                                                                        + e.log()
                                                                        + ")"))));
    }
}
