package org.dnw.app;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The window's background threads, by what they do.
 *
 * @param io files: run folders, reports, saving and reading runs
 * @param dataLoads reading data sets and drawing their previews and augmentations
 * @param predictions Try it's classifications
 * @param checks robustness checks, the course's trainings, the engine's device
 */
record WorkbenchExecutors(
        ExecutorService io,
        ExecutorService dataLoads,
        ExecutorService predictions,
        ExecutorService checks) {

    static WorkbenchExecutors create() {
        return new WorkbenchExecutors(
                single("workbench-io"),
                single("workbench-data"),
                single("workbench-predict"),
                single("workbench-checks"));
    }

    /** Stops taking work; a run being saved on {@code io} finishes its save (up to 30 s). */
    void shutdown() {
        for (ExecutorService e : List.of(io, dataLoads, predictions, checks)) {
            e.shutdown();
        }
        try {
            // the rename makes a save all or nothing anyway
            io.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One worker thread, tasks in order; the thread ends after two idle seconds. Predictions and
     * checks call PyTorch, whose OpenMP gives each calling thread a pool of workers for as long as
     * the thread lives, and with more pooled threads than cores every pool sleeps between
     * operations instead of spinning: a prediction thread left alive slowed later training by 13 %.
     */
    private static ExecutorService single(String name) {
        ThreadPoolExecutor e =
                new ThreadPoolExecutor(
                        1,
                        1,
                        2,
                        TimeUnit.SECONDS,
                        new LinkedBlockingQueue<>(),
                        task -> {
                            Thread thread = new Thread(task, name);
                            thread.setDaemon(true);
                            return thread;
                        });
        e.allowCoreThreadTimeOut(true);
        return e;
    }
}
