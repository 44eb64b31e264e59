package org.dnw.ui.robustness;

import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.dnw.data.CorruptionSpec;
import org.dnw.store.RunSummary;

/**
 * Measures a saved run's accuracy on its data set's test split with a corruption applied: the port
 * through which the robustness view reaches the engine. The application implements it (load the
 * run's network and test split, {@code Corruptions.corrupt(test, corruption, seed)}, predict,
 * count); tests use a fake.
 *
 * <p>Called on a background thread, never the FX thread, one call at a time; a check calls it once
 * per (run, corruption), run by run, clean first, so an implementation may keep the last run's
 * network and the test split loaded until {@link #checkFinished()}.
 */
public interface RobustnessEvaluator {

    /**
     * The share of test samples that {@code run} classifies correctly once corrupted.
     *
     * @param run a saved, undamaged run
     * @param corruption what to do to the test images; {@link CorruptionSpec#NONE} for clean
     * @param seed the noise seed: the same for every run of one check, so that each run sees the
     *     very same corrupted images
     * @param progress may be told the share of this call done so far, 0–1, from any thread
     * @param cancelled true once the user pressed Cancel: return or throw soon (e.g. between
     *     batches); the result is then ignored
     * @return accuracy in [0, 1]
     * @throws Exception with a message that completes the sentence "Could not check RUN with
     *     CORRUPTION: …", e.g. "its saved parameters are missing"
     */
    double accuracy(
            RunSummary run,
            CorruptionSpec corruption,
            long seed,
            DoubleConsumer progress,
            BooleanSupplier cancelled)
            throws Exception;

    /**
     * Called once when a check ends, completed, cancelled or failed, on the same background thread:
     * the moment to free a network or data kept between calls. Does nothing by default.
     */
    default void checkFinished() {}
}
