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
 * @param checkpointsFolder where a checkpoint is written at each epoch end ({@link Checkpoints});
 *     null for none
 * @param resume continue from the newest usable checkpoint in {@code checkpointsFolder} instead of
 *     starting afresh (epochs up to that checkpoint are not trained again)
 */
public record TrainingRequest(
        String runName,
        ModelSpec spec,
        DataSplits splits,
        Hyperparameters hyperparameters,
        Path artifactsFolder,
        int weightsEveryBatches,
        AugmentationSpec augmentation,
        EngineKind engine,
        Path checkpointsFolder,
        boolean resume) {

    public TrainingRequest {
        Objects.requireNonNull(runName, "runName");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(splits, "splits");
        Objects.requireNonNull(hyperparameters, "hyperparameters");
        augmentation = augmentation == null ? AugmentationSpec.NONE : augmentation;
        engine = engine == null ? EngineKind.DJL : engine;
        weightsEveryBatches = Math.max(0, weightsEveryBatches);
        if (resume && checkpointsFolder == null) {
            throw new IllegalArgumentException("resuming needs a checkpoints folder");
        }
    }

    /** A run without checkpoints. */
    public TrainingRequest(
            String runName,
            ModelSpec spec,
            DataSplits splits,
            Hyperparameters hyperparameters,
            Path artifactsFolder,
            int weightsEveryBatches,
            AugmentationSpec augmentation,
            EngineKind engine) {
        this(
                runName,
                spec,
                splits,
                hyperparameters,
                artifactsFolder,
                weightsEveryBatches,
                augmentation,
                engine,
                null,
                false);
    }

    /**
     * This request writing checkpoints into {@code folder} (null for none), and resuming from the
     * newest usable one there when {@code resumeFromThem}.
     */
    public TrainingRequest withCheckpoints(Path folder, boolean resumeFromThem) {
        return new TrainingRequest(
                runName,
                spec,
                splits,
                hyperparameters,
                artifactsFolder,
                weightsEveryBatches,
                augmentation,
                engine,
                folder,
                resumeFromThem);
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
                engine,
                checkpointsFolder,
                resume);
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
                value,
                checkpointsFolder,
                resume);
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
                engine,
                checkpointsFolder,
                resume);
    }
}
