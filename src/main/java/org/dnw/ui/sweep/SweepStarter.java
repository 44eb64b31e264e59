package org.dnw.ui.sweep;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.dnw.data.DataSplits;
import org.dnw.runs.SweepEvent;
import org.dnw.runs.SweepRunner;
import org.dnw.train.SweepPlan;

/**
 * Starts a sweep in the background: the application runs the plan's points one after another with a
 * {@link SweepRunner} on the current data splits, each saved as an ordinary run.
 */
@FunctionalInterface
public interface SweepStarter {

    /**
     * Starts {@code plan} and returns at once; called on the FX thread.
     *
     * @param name prefix of every run's name, e.g. "sweep-kernel-lr"
     * @param listener receives the sweep's events on background threads, in order
     * @return the started sweep, to cancel it
     * @throws Exception whose message is a sentence for the user when it cannot start (no data set
     *     loaded, another run training)
     */
    SweepRunner.Sweep start(SweepPlan plan, String name, Consumer<SweepEvent> listener)
            throws Exception;

    /**
     * The usual starter: {@code runner} on the splits {@code splits} gives at the time of the
     * start, no weights captured between epoch ends.
     *
     * @param splits the current data splits; returns null when no data set is loaded
     */
    static SweepStarter of(SweepRunner runner, Supplier<DataSplits> splits) {
        Objects.requireNonNull(runner, "runner");
        Objects.requireNonNull(splits, "splits");
        return (plan, name, listener) -> {
            DataSplits current = splits.get();
            if (current == null) {
                throw new IllegalStateException("load a data set in the Data tab first");
            }
            return runner.start(plan, current, name, 0, listener);
        };
    }
}
