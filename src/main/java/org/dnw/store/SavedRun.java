package org.dnw.store;

import java.nio.file.Path;
import java.util.List;
import org.dnw.train.ParameterValues;
import org.dnw.train.TrainingEvent.TestEvaluation;

/**
 * A saved run read back in full. Immutable by contract (callers must not modify the arrays).
 *
 * @param folder the run's folder
 * @param manifest provenance and final figures
 * @param epochs per-epoch figures, in order
 * @param test the test evaluation: accuracy and loss from the manifest, the confusion matrix (rows
 *     = true class) from {@code confusion.csv} with class metrics computed from it, and the
 *     per-sample classes and probabilities from {@code predictions.csv}
 * @param firstLayer the first layer's weights from {@code first-layer.npy} (shape e.g. (outC, inC,
 *     kH, kW)); null when the run reported no parameters
 * @param modelFiles the engine's model files that exist in the folder
 */
public record SavedRun(
        Path folder,
        RunManifest manifest,
        List<EpochMetrics> epochs,
        TestEvaluation test,
        ParameterValues firstLayer,
        List<Path> modelFiles) {

    public SavedRun {
        epochs = List.copyOf(epochs);
        modelFiles = List.copyOf(modelFiles);
    }

    /** Class names, index = label. */
    public List<String> classNames() {
        return manifest.dataset().classNames();
    }
}
