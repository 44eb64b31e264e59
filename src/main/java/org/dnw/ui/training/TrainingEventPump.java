package org.dnw.ui.training;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.dnw.train.TrainingEvent;
import org.dnw.train.TrainingEvent.BatchCompleted;
import org.dnw.train.TrainingEvent.WeightsCaptured;

/**
 * Carries training events from the training thread to the FX thread without flooding it.
 *
 * <p>{@link #accept} may be called on any thread and never blocks on the FX side. Events are queued
 * and handed to the sink, in arrival order, by flushes that run on the injected executor ({@code
 * Platform::runLater} in the app, {@code Runnable::run} in tests); at most one flush is outstanding
 * at a time. {@link BatchCompleted} and {@link WeightsCaptured} are throttled: a flush for them
 * alone starts at most once per {@code minInterval} (20 Hz by default). Batches are all delivered
 * (the loss chart keeps its own thinned history of every batch, so a short run still draws a full
 * curve); weights are coalesced: among those queued since the last other event only the latest is
 * kept, as only the newest filters are drawn. Every other event (RunStarted, EpochCompleted,
 * pause/resume, terminal) is kept and flushes at once, after the coalesced events that preceded it,
 * so a learner always sees the last batch of an epoch before the epoch's summary.
 *
 * <p>No timer is needed: a throttled batch is delivered by the next event that arrives, and the
 * training thread always sends one (another batch, an epoch end, a pause or a terminal event).
 */
public final class TrainingEventPump implements Consumer<TrainingEvent> {

    /** 20 Hz: smooth enough for a progress bar, cheap for the FX thread. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(50);

    private final Executor fxExecutor;
    private final Consumer<TrainingEvent> sink;
    private final long minIntervalNanos;
    private final LongSupplier nanoClock;

    private final Object lock = new Object();
    private final ArrayDeque<TrainingEvent> queue = new ArrayDeque<>();
    private boolean flushScheduled;
    private long lastThrottledFlushNanos;
    private boolean throttledOnce;

    /**
     * A pump that delivers to {@code sink} through {@code fxExecutor} at most 20 times a second.
     */
    public TrainingEventPump(Executor fxExecutor, Consumer<TrainingEvent> sink) {
        this(fxExecutor, sink, DEFAULT_INTERVAL, System::nanoTime);
    }

    /**
     * @param minInterval least time between two flushes caused by batch or weight events alone
     * @param nanoClock monotonic time in nanoseconds (tests pass a fake)
     */
    public TrainingEventPump(
            Executor fxExecutor,
            Consumer<TrainingEvent> sink,
            Duration minInterval,
            LongSupplier nanoClock) {
        this.fxExecutor = Objects.requireNonNull(fxExecutor, "fxExecutor");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.minIntervalNanos = minInterval.toNanos();
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /** Queues {@code event}; called on the training thread (or any other). */
    @Override
    public void accept(TrainingEvent event) {
        Objects.requireNonNull(event, "event");
        boolean coalescable = isThrottled(event);
        boolean schedule;
        synchronized (lock) {
            if (event instanceof WeightsCaptured) {
                dropEarlierWeights();
            }
            queue.addLast(event);
            long now = nanoClock.getAsLong();
            boolean due = !throttledOnce || now - lastThrottledFlushNanos >= minIntervalNanos;
            schedule = !flushScheduled && (!coalescable || due);
            if (schedule) {
                flushScheduled = true;
                if (coalescable) {
                    // Only batch-driven flushes count towards the rate: the others are rare.
                    throttledOnce = true;
                    lastThrottledFlushNanos = now;
                }
            }
        }
        if (schedule) {
            fxExecutor.execute(this::flush);
        }
    }

    private static boolean isThrottled(TrainingEvent event) {
        return event instanceof BatchCompleted || event instanceof WeightsCaptured;
    }

    /** Removes queued weights that no kept (not throttled) event follows: the latest wins. */
    private void dropEarlierWeights() {
        Iterator<TrainingEvent> it = queue.descendingIterator();
        while (it.hasNext()) {
            TrainingEvent queued = it.next();
            if (!isThrottled(queued)) {
                return;
            }
            if (queued instanceof WeightsCaptured) {
                it.remove();
                return;
            }
        }
    }

    private void flush() {
        List<TrainingEvent> batch;
        synchronized (lock) {
            batch = new ArrayList<>(queue);
            queue.clear();
            flushScheduled = false;
        }
        for (TrainingEvent event : batch) {
            try {
                sink.accept(event);
            } catch (RuntimeException e) {
                // One faulty view must not cost the others the rest of the run's events.
                Thread current = Thread.currentThread();
                current.getUncaughtExceptionHandler().uncaughtException(current, e);
            }
        }
    }
}
