package org.dnw.ui.robustness;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.dnw.data.CorruptionSpec;
import org.dnw.store.RunStatus;
import org.dnw.store.RunSummary;

/**
 * A robustness evaluator without a network: the accuracy falls smoothly with the corruption's
 * strength, less steeply for a run whose name says it was trained with augmentation. Records its
 * calls.
 */
public class FakeEvaluator implements RobustnessEvaluator {

    /** One call: which run, which corruption, which seed. */
    public record Call(String run, CorruptionSpec corruption, long seed) {}

    public final List<Call> calls = new ArrayList<>();
    public int finished;

    @Override
    public double accuracy(
            RunSummary run,
            CorruptionSpec corruption,
            long seed,
            DoubleConsumer progress,
            BooleanSupplier cancelled)
            throws Exception {
        calls.add(new Call(run.runName(), corruption, seed));
        progress.accept(0.5);
        return curve(run, corruption);
    }

    @Override
    public void checkFinished() {
        finished++;
    }

    /** Clean accuracy from the run's summary, falling with noise, blur and contrast loss. */
    public static double curve(RunSummary run, CorruptionSpec c) {
        double clean = Double.isNaN(run.testAccuracy()) ? 0.95 : run.testAccuracy();
        boolean robust = run.runName().contains("augmented");
        double width = robust ? 0.55 : 0.22;
        double harm =
                Math.pow(c.gaussianNoiseSigma() / width, 2)
                        + Math.pow(c.saltPepperShare() * 6 / width, 2) * 0.5
                        + Math.pow(c.blurSigma() / (robust ? 2.5 : 1.4), 2)
                        + Math.pow(c.contrastReduction() / (robust ? 0.95 : 0.75), 4);
        return 0.1 + (clean - 0.1) * Math.exp(-harm);
    }

    /** An undamaged run of MNIST with this name and clean test accuracy. */
    public static RunSummary run(String name, double testAccuracy) {
        return new RunSummary(
                Path.of("saved-models", "20260101-120000-" + name),
                RunStatus.OK,
                null,
                name,
                "mnist",
                "seed-cnn",
                431_080,
                5,
                testAccuracy,
                testAccuracy,
                90_000,
                "cpu",
                Instant.parse("2026-01-01T12:00:00Z"),
                0,
                Double.NaN);
    }

    /** A run whose folder could not be read. */
    public static RunSummary damaged(String name) {
        return new RunSummary(
                Path.of("saved-models", name),
                RunStatus.DAMAGED,
                "its manifest is missing",
                name,
                null,
                null,
                0,
                0,
                Double.NaN,
                Double.NaN,
                0,
                null,
                null,
                0,
                Double.NaN);
    }
}
