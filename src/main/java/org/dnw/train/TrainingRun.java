package org.dnw.train;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A started training run. Pause, resume and cancel are requests: the training thread honours them
 * between batches (within a second for every preset on the CPU) and reports {@link
 * TrainingEvent.RunPaused}, {@link TrainingEvent.RunResumed} or {@link TrainingEvent.RunCancelled}.
 * Thread-safe: call from any thread, e.g. the FX thread.
 */
public interface TrainingRun {

    /** The run's name, as in its events. */
    String runName();

    /** Asks the run to pause after the current batch. No effect when it is not running. */
    void pause();

    /** Continues a paused run. */
    void resume();

    /** Asks the run to stop after the current batch (also while paused). Idempotent. */
    void cancel();

    /**
     * Chooses the image whose layer outputs the run reports as {@link
     * TrainingEvent.ActivationsCaptured} (see {@link RunControl#setProbe}); null stops them. No
     * effect on a run that cannot report them.
     */
    default void setProbe(float[] input) {}

    /**
     * Asks the run to capture the weights of the layer at {@code position} (1-based in the spec; 0
     * for the first weighted layer) from its next capture on. No effect when the run cannot.
     */
    default void watchLayer(int position) {}

    /** True while paused (after the pause took effect). */
    boolean isPaused();

    /**
     * Completes with the terminal event ({@link TrainingEvent.RunFinished}, {@code RunFailed} or
     * {@code RunCancelled}) after it was delivered to the listener and the run's native memory was
     * freed. Never completes exceptionally.
     */
    CompletableFuture<TrainingEvent> terminal();

    /** True once {@link #terminal()} is complete. */
    default boolean isDone() {
        return terminal().isDone();
    }

    /**
     * Waits for the terminal event.
     *
     * @return the terminal event, or null when {@code timeout} passed first
     */
    default TrainingEvent await(Duration timeout) throws InterruptedException {
        try {
            return terminal().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
