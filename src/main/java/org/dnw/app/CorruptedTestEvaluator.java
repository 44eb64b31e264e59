package org.dnw.app;

import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.dnw.data.CorruptionSpec;
import org.dnw.data.DatasetCatalog;
import org.dnw.runs.CorruptedEvaluation;
import org.dnw.store.RunStore;
import org.dnw.store.RunSummary;
import org.dnw.ui.robustness.RobustnessEvaluator;

/** The robustness view's port: {@link CorruptedEvaluation} on the check's background thread. */
final class CorruptedTestEvaluator implements RobustnessEvaluator {

    private final CorruptedEvaluation evaluation;

    CorruptedTestEvaluator(RunStore store, DatasetCatalog catalog) {
        this.evaluation = new CorruptedEvaluation(store, catalog);
    }

    @Override
    public double accuracy(
            RunSummary run,
            CorruptionSpec corruption,
            long seed,
            DoubleConsumer progress,
            BooleanSupplier cancelled)
            throws Exception {
        return evaluation.accuracy(run.folder(), corruption, seed, progress, cancelled);
    }

    @Override
    public void checkFinished() {
        evaluation.close();
    }
}
