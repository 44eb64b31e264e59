package org.dnw.engine.scratch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed set of threads that runs the index range {@code [0, count)} in contiguous chunks, one
 * chunk per thread, the calling thread taking the first. Callers only split work whose items are
 * independent (rows of a product, each summed in a fixed order), so results do not depend on the
 * number of threads. Work too small to pay for the hand-over runs inline on the caller.
 *
 * <p>Used from one thread at a time (the training thread); {@link #close} ends the threads. They
 * are daemon threads, so a forgotten close never keeps the JVM alive.
 */
public final class Workers implements AutoCloseable {

    /** Below this many multiply-adds a range runs on the caller alone. */
    static final long MIN_PARALLEL_WORK = 200_000;

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final int threads;
    private final ExecutorService pool;

    /**
     * @param threads threads to use, ≥ 1 (the caller counts as one)
     */
    public Workers(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("at least 1 thread, got " + threads);
        }
        this.threads = threads;
        if (threads == 1) {
            pool = null;
        } else {
            int id = POOLS.incrementAndGet();
            AtomicInteger n = new AtomicInteger();
            pool =
                    Executors.newFixedThreadPool(
                            threads - 1,
                            r -> {
                                Thread t =
                                        new Thread(
                                                r,
                                                "dnw-scratch-"
                                                        + id
                                                        + "-worker-"
                                                        + n.incrementAndGet());
                                t.setDaemon(true);
                                return t;
                            });
        }
    }

    /** Workers on every available processor. */
    public static Workers allProcessors() {
        return new Workers(Runtime.getRuntime().availableProcessors());
    }

    /** The caller alone. */
    public static Workers single() {
        return new Workers(1);
    }

    /** Threads used, the caller included. */
    public int threads() {
        return threads;
    }

    /** The body of one chunk: items {@code from} (inclusive) to {@code to} (exclusive). */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    /**
     * Runs {@code body} over {@code [0, count)}, split into at most {@link #threads} contiguous
     * chunks, and returns when all are done.
     *
     * @param costPerItem rough multiply-adds per item, to decide whether splitting pays
     * @throws RuntimeException or Error: the first failure of a chunk, after every chunk ended
     */
    public void forRange(int count, long costPerItem, RangeBody body) {
        if (count <= 0) {
            return;
        }
        int chunks = Math.min(threads, count);
        if (pool == null
                || pool.isShutdown()
                || chunks < 2
                || (long) count * costPerItem < MIN_PARALLEL_WORK) {
            body.run(0, count);
            return;
        }
        List<Future<?>> futures = new ArrayList<>(chunks - 1);
        for (int c = 1; c < chunks; c++) {
            int from = (int) ((long) count * c / chunks);
            int to = (int) ((long) count * (c + 1) / chunks);
            futures.add(pool.submit(() -> body.run(from, to)));
        }
        Throwable failure = null;
        try {
            body.run(0, (int) ((long) count / chunks));
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                failure = failure == null ? e.getCause() : failure;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = failure == null ? e : failure;
            }
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    /** Ends the threads; the caller-only path keeps working. Idempotent. */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
