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
import java.util.function.Predicate;

/**
 * Carries events of any type from background threads to the FX thread without flooding it: the one
 * event pump of the window (training runs, sweeps, cross-validation, the two-digit lesson).
 *
 * <p>Events are queued and handed to the sink in arrival order by flushes on the injected executor
 * ({@code Platform::runLater} in the app, {@code Runnable::run} in tests), at most one outstanding
 * at a time. The {@link Policy} sorts events in three: a <em>throttled</em> event (batch progress)
 * starts a flush at most once per {@code minInterval}; a throttled event with a non-null
 * <em>coalescing kind</em> is also coalesced — among those queued since the last kept event only
 * the latest of each kind stays; every other event (epoch ends, terminal events) is kept and
 * flushes at once, after the throttled ones before it, so a learner always sees the last batch of
 * an epoch before the epoch's summary. A throttled event is delivered by the next event, and every
 * run sends one (an epoch end or its terminal event), so no timer is needed.
 *
 * <p>{@link #accept} may be called on any thread and never blocks on the FX side.
 *
 * @param <T> the event type
 */
public final class EventPump<T> implements Consumer<T> {

    /** 20 Hz: smooth enough for a progress bar, cheap for the FX thread. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(50);

    /**
     * Which events wait for the next throttled flush, and which of those only the latest counts.
     *
     * @param throttled events that start a flush at most once per interval (must hold for every
     *     event with a coalescing kind)
     * @param coalescingKind the kind under which a throttled event replaces an earlier one of the
     *     same kind, or null for one that is delivered
     * @param <T> the event type
     */
    public record Policy<T>(Predicate<T> throttled, Function<T, Object> coalescingKind) {

        public Policy {
            Objects.requireNonNull(throttled, "throttled");
            Objects.requireNonNull(coalescingKind, "coalescingKind");
        }

        /** Every event with a non-null kind is throttled and coalesced; the others are kept. */
        public static <T> Policy<T> coalesceBy(Function<T, Object> coalescingKind) {
            return new Policy<>(e -> coalescingKind.apply(e) != null, coalescingKind);
        }
    }

    private final Executor ui;
    private final Consumer<T> sink;
    private final Policy<T> policy;
    private final long minIntervalNanos;
    private final LongSupplier nanoClock;

    private final Object lock = new Object();
    private final ArrayDeque<T> queue = new ArrayDeque<>();
    private boolean flushScheduled;
    private long lastThrottledFlushNanos;
    private boolean throttledOnce;

    /**
     * A pump at {@link #DEFAULT_INTERVAL} that coalesces every event with a kind.
     *
     * @param coalescingKind the kind under which an event may replace an earlier one of the same
     *     kind (e.g. its class), or null for an event that must be delivered
     */
    public EventPump(Executor ui, Consumer<T> sink, Function<T, Object> coalescingKind) {
        this(ui, sink, Policy.coalesceBy(coalescingKind), DEFAULT_INTERVAL, System::nanoTime);
    }

    /**
     * @param minInterval least time between two flushes caused by throttled events alone
     * @param nanoClock monotonic time in nanoseconds (tests pass a fake)
     */
    public EventPump(
            Executor ui,
            Consumer<T> sink,
            Function<T, Object> coalescingKind,
            Duration minInterval,
            LongSupplier nanoClock) {
        this(ui, sink, Policy.coalesceBy(coalescingKind), minInterval, nanoClock);
    }

    /**
     * @param minInterval least time between two flushes caused by throttled events alone
     * @param nanoClock monotonic time in nanoseconds (tests pass a fake)
     */
    public EventPump(
            Executor ui,
            Consumer<T> sink,
            Policy<T> policy,
            Duration minInterval,
            LongSupplier nanoClock) {
        this.ui = Objects.requireNonNull(ui, "ui");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.minIntervalNanos = minInterval.toNanos();
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    @Override
    public void accept(T event) {
        Objects.requireNonNull(event, "event");
        boolean throttled = policy.throttled().test(event);
        Object kind = throttled ? policy.coalescingKind().apply(event) : null;
        boolean schedule;
        synchronized (lock) {
            if (kind != null) {
                dropEarlier(kind);
            }
            queue.addLast(event);
            long now = nanoClock.getAsLong();
            boolean due = !throttledOnce || now - lastThrottledFlushNanos >= minIntervalNanos;
            schedule = !flushScheduled && (!throttled || due);
            if (schedule) {
                flushScheduled = true;
                if (throttled) {
                    // Only throttled flushes count towards the rate: the others are rare.
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
            T queued = it.next();
            if (!policy.throttled().test(queued)) {
                return;
            }
            if (kind.equals(policy.coalescingKind().apply(queued))) {
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
