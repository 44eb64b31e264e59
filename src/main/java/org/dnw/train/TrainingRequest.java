package org.dnw.train;

import java.nio.file.Path;
import java.util.Objects;
import org.dnw.data.AugmentationSpec;
import org.dnw.data.DataSplits;
import org.dnw.spec.ModelSpec;

/**
 * Everything one training run needs. Immutable.
 *
 * @param runName a short name for the run, e.g. "seed-cnn-mnist"
 * @param spec the network, already adapted to {@code splits} (input shape and class count)
 * @param splits train, validation and test samples
 * @param hyperparameters optimiser, rate, batch size, epochs, seed, loss
 * @param artifactsFolder where the training thread saves the model's parameters at the end (DJL
 *     {@code .params}); null to save nothing
 * @param weightsEveryBatches emit {@link TrainingEvent.WeightsCaptured} every this many batches
 *     (and at the end of every epoch); 0 for epoch ends only
 * @param augmentation per-batch augmentation of the training images; {@link AugmentationSpec#NONE}
 *     for none (ignored for tables)
 * @param engine which engine trains
 */
public record TrainingRequest(
        String runName,
        ModelSpec spec,
        DataSplits splits,
        Hyperparameters hyperparameters,
        Path artifactsFolder,
        int weightsEveryBatches,
        AugmentationSpec augmentation,
        EngineKind engine) {

    public TrainingRequest {
        Objects.requireNonNull(runName, "runName");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(splits, "splits");
        Objects.requireNonNull(hyperparameters, "hyperparameters");
        augmentation = augmentation == null ? AugmentationSpec.NONE : augmentation;
        engine = engine == null ? EngineKind.DJL : engine;
        weightsEveryBatches = Math.max(0, weightsEveryBatches);
    }

    /** A DJL run without augmentation. */
    public TrainingRequest(
            String runName,
            ModelSpec spec,
            DataSplits splits,
            Hyperparameters hyperparameters,
            Path artifactsFolder,
            int weightsEveryBatches) {
        this(
                runName,
                spec,
                splits,
                hyperparameters,
                artifactsFolder,
                weightsEveryBatches,
                AugmentationSpec.NONE,
                EngineKind.DJL);
    }

    public TrainingRequest withAugmentation(AugmentationSpec value) {
        return new TrainingRequest(
                runName,
                spec,
                splits,
                hyperparameters,
                artifactsFolder,
                weightsEveryBatches,
                value,
                engine);
    }

    public TrainingRequest withEngine(EngineKind value) {
        return new TrainingRequest(
                runName,
                spec,
                splits,
                hyperparameters,
                artifactsFolder,
                weightsEveryBatches,
                augmentation,
                value);
    }

    public TrainingRequest withArtifactsFolder(Path value) {
        return new TrainingRequest(
                runName,
                spec,
                splits,
                hyperparameters,
                value,
                weightsEveryBatches,
                augmentation,
                engine);
    }
}
