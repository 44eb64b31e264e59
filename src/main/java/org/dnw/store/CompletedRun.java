package org.dnw.store;

import java.util.List;
import org.dnw.train.ParameterValues;
import org.dnw.train.TrainingEvent.TestEvaluation;

/**
 * Everything {@link RunStore#commit} writes besides the engine's params: what a finished run
 * reported. {@code org.dnw.runs.RunRecorder} builds it from the run's events.
 *
 * @param manifest provenance and final figures ({@code modelFiles} is filled in by the commit)
 * @param epochs one entry per completed epoch, in order
 * @param test the test evaluation: confusion matrix, actual/predicted classes and probabilities
 * @param parameters every trained parameter in block order; the first is the first layer's weight
 */
public record CompletedRun(
        RunManifest manifest,
        List<EpochMetrics> epochs,
        TestEvaluation test,
        List<ParameterValues> parameters) {

    public CompletedRun {
        epochs = List.copyOf(epochs);
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
    }
}
