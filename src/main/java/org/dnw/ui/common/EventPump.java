package org.dnw.ui.common;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Carries events of any type from background threads to the FX thread without flooding it, as
 * {@code ui.training.TrainingEventPump} does for a single run's events: events are queued and
 * handed to the sink in arrival order by flushes on the injected executor, at most one outstanding
 * at a time. Events with a non-null {@code coalescingKind} (batch progress) are coalesced — among
 * those queued since the last kept event only the latest of each kind stays — and a flush for them
 * alone starts at most once per {@code minInterval}; every other event is kept and flushes at once,
 * after the coalesced ones before it. A throttled event is delivered by the next event, and every
 * run sends one (an epoch end or its terminal event).
 *
 * <p>{@link #accept} may be called on any thread and never blocks on the FX side.
 *
 * @param <T> the event type
 */
public final class EventPump<T> implements Consumer<T> {

    /** 20 Hz: smooth enough for a progress bar, cheap for the FX thread. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(50);

    private final Executor ui;
    private final Consumer<T> sink;
    private final Function<T, Object> coalescingKind;
    private final long minIntervalNanos;
    private final LongSupplier nanoClock;

    private final Object lock = new Object();
    private final ArrayDeque<T> queue = new ArrayDeque<>();
    private boolean flushScheduled;
    private long lastThrottledFlushNanos;
    private boolean throttledOnce;

    /**
     * A pump at {@link #DEFAULT_INTERVAL}.
     *
     * @param coalescingKind the kind under which an event may replace an earlier one of the same
     *     kind (e.g. its class), or null for an event that must be delivered
     */
    public EventPump(Executor ui, Consumer<T> sink, Function<T, Object> coalescingKind) {
        this(ui, sink, coalescingKind, DEFAULT_INTERVAL, System::nanoTime);
    }

    /**
     * @param minInterval least time between two flushes caused by coalescable events alone
     * @param nanoClock monotonic time in nanoseconds (tests pass a fake)
     */
    public EventPump(
            Executor ui,
            Consumer<T> sink,
            Function<T, Object> coalescingKind,
            Duration minInterval,
            LongSupplier nanoClock) {
        this.ui = Objects.requireNonNull(ui, "ui");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.coalescingKind = Objects.requireNonNull(coalescingKind, "coalescingKind");
        this.minIntervalNanos = minInterval.toNanos();
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    @Override
    public void accept(T event) {
        Objects.requireNonNull(event, "event");
        Object kind = coalescingKind.apply(event);
        boolean schedule;
        synchronized (lock) {
            if (kind != null) {
                dropEarlier(kind);
            }
            queue.addLast(event);
            long now = nanoClock.getAsLong();
            boolean due = !throttledOnce || now - lastThrottledFlushNanos >= minIntervalNanos;
            schedule = !flushScheduled && (kind == null || due);
            if (schedule) {
                flushScheduled = true;
                if (kind != null) {
                    throttledOnce = true;
                    lastThrottledFlushNanos = now;
                }
            }
        }
        if (schedule) {
            ui.execute(this::flush);
        }
    }

    /** Removes a queued event of {@code kind} that no kept event follows (latest wins). */
    private void dropEarlier(Object kind) {
        Iterator<T> it = queue.descendingIterator();
        while (it.hasNext()) {
            Object queuedKind = coalescingKind.apply(it.next());
            if (queuedKind == null) {
                return;
            }
            if (queuedKind.equals(kind)) {
                it.remove();
                return;
            }
        }
    }

    private void flush() {
        List<T> batch;
        synchronized (lock) {
            batch = new ArrayList<>(queue);
            queue.clear();
            flushScheduled = false;
        }
        for (T event : batch) {
            try {
                sink.accept(event);
            } catch (RuntimeException e) {
                // one faulty view must not cost the others the rest of the events
                Thread current = Thread.currentThread();
                current.getUncaughtExceptionHandler().uncaughtException(current, e);
            }
        }
    }
}
