package org.dnw.train;

import java.util.function.Consumer;

/**
 * Pause, resume and cancel requests for one run, set from any thread and honoured by the training
 * thread between batches through {@link #checkpoint}. Cancel is a flag, never an interrupt.
 * Thread-safe.
 */
public final class RunControl {

    private final Object lock = new Object();
    private boolean pauseRequested;
    private boolean cancelRequested;
    private volatile boolean paused;
    private volatile float[] probe;
    private volatile int watchedLayer;

    /**
     * Asks the loop to capture, from now on, the weights of the layer at {@code position} (1-based
     * in the spec; 0 for the first weighted layer), e.g. the one the window's filter view shows.
     */
    public void watchLayer(int position) {
        watchedLayer = Math.max(0, position);
    }

    /** The layer whose weights are captured: 1-based spec position, 0 for the first. */
    public int watchedLayer() {
        return watchedLayer;
    }

    /** Asks for a pause at the next checkpoint. */
    public void requestPause() {
        synchronized (lock) {
            if (!cancelRequested) {
                pauseRequested = true;
            }
        }
    }

    /** Lifts a pause request, or ends a pause in progress. */
    public void requestResume() {
        synchronized (lock) {
            pauseRequested = false;
            lock.notifyAll();
        }
    }

    /** Asks the run to stop at the next checkpoint; also ends a pause. */
    public void requestCancel() {
        synchronized (lock) {
            cancelRequested = true;
            pauseRequested = false;
            lock.notifyAll();
        }
    }

    /** True once cancel was requested. */
    public boolean isCancelRequested() {
        synchronized (lock) {
            return cancelRequested;
        }
    }

    /**
     * Chooses the image whose layer outputs the run reports ({@link
     * TrainingEvent.ActivationsCaptured}), or none. The array is kept, not copied: the caller must
     * not change it afterwards (choose a new array instead); events carry this very array, so a
     * listener can tell by identity whether an event is for the image it shows.
     *
     * @param input one sample, {@code C·H·W} values in [0, 1]; null for none (nothing is computed)
     */
    public void setProbe(float[] input) {
        probe = input;
    }

    /** The image chosen by {@link #setProbe}, or null. */
    public float[] probe() {
        return probe;
    }

    /** True while the training thread is waiting in a pause. */
    public boolean isPaused() {
        return paused;
    }

    /**
     * Called by the training thread between batches: when a pause is requested it emits {@link
     * TrainingEvent.RunPaused}, waits until resumed or cancelled, and emits {@link
     * TrainingEvent.RunResumed} if resumed.
     *
     * @param epoch the 1-based epoch of the batch just done
     * @param batch the 1-based batch just done
     * @return true when the run must stop now (cancel requested)
     */
    public boolean checkpoint(
            String runName, int epoch, int batch, Consumer<TrainingEvent> events) {
        synchronized (lock) {
            if (cancelRequested) {
                return true;
            }
            if (!pauseRequested) {
                return false;
            }
            paused = true;
        }
        events.accept(new TrainingEvent.RunPaused(runName, epoch, batch));
        boolean cancelled;
        synchronized (lock) {
            while (pauseRequested && !cancelRequested) {
                try {
                    lock.wait(250);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancelRequested = true;
                }
            }
            paused = false;
            cancelled = cancelRequested;
        }
        if (!cancelled) {
            events.accept(new TrainingEvent.RunResumed(runName, epoch, batch));
        }
        return cancelled;
    }
}
