package org.dnw.train;

import java.time.Instant;
import org.dnw.eval.ClassificationReport;
import org.dnw.spec.ModelSpec;

/**
 * What a training run reports, in order: one {@link RunStarted}; then {@link BatchCompleted} for
 * every batch, {@link WeightsCaptured} every N batches and {@link EpochCompleted} (followed by
 * {@link LayersMeasured} when the engine measures its layers) per epoch (with {@link
 * RunPaused}/{@link RunResumed} as they happen; a resumed run has {@link CheckpointRestored} right
 * after {@link RunStarted}); then exactly one terminal event — {@link RunFinished}, {@link
 * RunFailed} or {@link RunCancelled}. All records are immutable (array components are fresh copies
 * that no one else writes) and carry no DJL types. Epochs and batches are 1-based.
 */
public sealed interface TrainingEvent
        permits TrainingEvent.RunStarted,
                TrainingEvent.BatchCompleted,
                TrainingEvent.EpochCompleted,
                TrainingEvent.WeightsCaptured,
                TrainingEvent.ActivationsCaptured,
                TrainingEvent.LayersMeasured,
                TrainingEvent.RunPaused,
                TrainingEvent.RunResumed,
                TrainingEvent.CheckpointRestored,
                TrainingEvent.RunFinished,
                TrainingEvent.RunFailed,
                TrainingEvent.RunCancelled {

    /** Name of the run the event belongs to. */
    String runName();

    /** True for the three events that end a run. */
    default boolean isTerminal() {
        return this instanceof RunFinished
                || this instanceof RunFailed
                || this instanceof RunCancelled;
    }

    /**
     * The run has built its network and loaded its data.
     *
     * @param device e.g. "CPU (2 threads)" or "GPU 0: NVIDIA H100"
     * @param batchesPerEpoch batches in one pass over {@code trainSize} samples
     * @param environment library and platform versions, keys "djl", "pytorch", "java", "os"
     */
    record RunStarted(
            String runName,
            ModelSpec spec,
            Hyperparameters hyperparameters,
            String datasetName,
            long parameterCount,
            String device,
            int trainSize,
            int validationSize,
            int testSize,
            int batchesPerEpoch,
            java.util.Map<String, String> environment,
            Instant startedAt)
            implements TrainingEvent {}

    /**
     * One optimiser step is done.
     *
     * @param loss the batch's mean loss
     * @param runningAccuracy training accuracy over the epoch so far, in [0, 1]
     * @param samplesPerSecond throughput over the epoch so far
     * @param elapsedMillis since the epoch began
     */
    record BatchCompleted(
            String runName,
            int epoch,
            int batch,
            int batchesPerEpoch,
            double loss,
            double runningAccuracy,
            double samplesPerSecond,
            long elapsedMillis)
            implements TrainingEvent {}

    /**
     * An epoch is done and validated. Validation figures are NaN when there is no validation set.
     *
     * @param learningRate the rate used during this epoch (for a schedule that changes it with
     *     every batch, the rate of the epoch's last batch)
     * @param durationMillis training plus validation time of this epoch
     */
    record EpochCompleted(
            String runName,
            int epoch,
            int epochCount,
            double trainLoss,
            double trainAccuracy,
            double validationLoss,
            double validationAccuracy,
            double learningRate,
            long durationMillis)
            implements TrainingEvent {}

    /**
     * A copy of one weighted layer's weights: the first one's, or the layer the view asked for
     * through {@link RunControl#watchLayer}.
     *
     * @param shape (outChannels, inChannels, kH, kW) for a convolution; (units, inputs) for dense
     * @param values the weights, row-major in {@code shape}
     * @param layerPosition 1-based position in the spec of the layer they belong to; 0 when the
     *     engine does not say (the first weighted layer, sent whole); a layer named here sends at
     *     most its first {@link #MAX_ROWS} filters or units
     */
    record WeightsCaptured(
            String runName, int epoch, int batch, int[] shape, float[] values, int layerPosition)
            implements TrainingEvent {

        /**
         * A watched layer other than the first sends at most this many filters or units (its first
         * ones), so that a capture stays small whatever the layer's width.
         */
        public static final int MAX_ROWS = 256;

        /** The first weighted layer's weights. */
        public WeightsCaptured(String runName, int epoch, int batch, int[] shape, float[] values) {
            this(runName, epoch, batch, shape, values, 0);
        }
    }

    /**
     * Every weighted layer's health at the end of an epoch (after {@link EpochCompleted}); only
     * engines that can measure it report it (the DJL engine; the from-scratch engine reports none).
     *
     * @param layers one entry per convolution, dense and output layer, in spec order
     */
    record LayersMeasured(String runName, int epoch, java.util.List<LayerStatistics> layers)
            implements TrainingEvent {
        public LayersMeasured {
            layers = java.util.List.copyOf(layers);
        }
    }

    /**
     * Every layer's output for the run's probe image ({@link RunControl#setProbe}), computed on the
     * training thread between batches: at most once a second, and at the next batch when the image
     * changes. Not emitted without a probe, nor by an engine that cannot show its layers.
     *
     * @param input the probe as set (the same array, for an identity check), {@code C·H·W}
     * @param layers one entry per layer of the spec, in order; the last holds the logits
     */
    record ActivationsCaptured(
            String runName,
            int epoch,
            int batch,
            float[] input,
            java.util.List<LayerActivation> layers)
            implements TrainingEvent {
        public ActivationsCaptured {
            layers = java.util.List.copyOf(layers);
        }
    }

    record RunPaused(String runName, int epoch, int batch) implements TrainingEvent {}

    record RunResumed(String runName, int epoch, int batch) implements TrainingEvent {}

    /**
     * A resumed run has loaded the checkpoint written at the end of {@code epoch} and goes on at
     * epoch {@code epoch + 1}; follows {@link RunStarted}. Epochs 1 .. {@code epoch} are not
     * trained again: their figures, as first reported, are in {@code epochs}.
     *
     * @param epochs the {@link EpochCompleted} events of epochs 1 .. {@code epoch}, in order
     * @param notices sentences for the user about checkpoints that were skipped because they were
     *     damaged (empty when the newest one was used)
     */
    record CheckpointRestored(
            String runName,
            int epoch,
            java.util.List<EpochCompleted> epochs,
            java.util.List<String> notices)
            implements TrainingEvent {
        public CheckpointRestored {
            epochs = java.util.List.copyOf(epochs);
            notices = java.util.List.copyOf(notices);
        }
    }

    /**
     * The run completed all epochs and was evaluated on the test split.
     *
     * @param test figures on the test split
     * @param artifacts folder where the training thread saved the model's DJL params, or null
     * @param parameters copies of every trained parameter, in block order (the first is the first
     *     layer's weight)
     * @param earlyStop with {@link Hyperparameters#patience()} above 0: which epoch's parameters
     *     are the result (they, not the last epoch's, were evaluated, saved and copied here) and
     *     whether training stopped before the last epoch; null without early stopping
     */
    record RunFinished(
            String runName,
            TestEvaluation test,
            int epochsCompleted,
            long durationMillis,
            java.nio.file.Path artifacts,
            java.util.List<ParameterValues> parameters,
            Instant finishedAt,
            EarlyStop earlyStop)
            implements TrainingEvent {

        /** A run without early stopping. */
        public RunFinished(
                String runName,
                TestEvaluation test,
                int epochsCompleted,
                long durationMillis,
                java.nio.file.Path artifacts,
                java.util.List<ParameterValues> parameters,
                Instant finishedAt) {
            this(
                    runName,
                    test,
                    epochsCompleted,
                    durationMillis,
                    artifacts,
                    parameters,
                    finishedAt,
                    null);
        }
    }

    /**
     * What early stopping did in a run.
     *
     * @param patience epochs without a better validation loss that end the run, ≥ 1
     * @param lastEpoch the last epoch trained (1-based)
     * @param keptEpoch the epoch with the lowest validation loss, whose parameters are the result
     * @param keptValidationLoss that epoch's validation loss
     * @param stopped true when training ended before the planned epochs
     */
    record EarlyStop(
            int patience,
            int lastEpoch,
            int keptEpoch,
            double keptValidationLoss,
            boolean stopped) {

        /**
         * One sentence, e.g. "stopped early after epoch 7: no better validation loss for 3 epochs;
         * kept epoch 4".
         */
        public String sentence() {
            String kept =
                    String.format(
                            java.util.Locale.ROOT,
                            "kept epoch %d (validation loss %.4f)",
                            keptEpoch,
                            keptValidationLoss);
            if (stopped) {
                return "stopped early after epoch "
                        + lastEpoch
                        + ": no better validation loss for "
                        + patience
                        + (patience == 1 ? " epoch; " : " epochs; ")
                        + kept;
            }
            return "trained all "
                    + lastEpoch
                    + " epochs; "
                    + kept
                    + (keptEpoch == lastEpoch ? ", the last" : ", the best on validation");
        }
    }

    /**
     * The run stopped on an error.
     *
     * @param reason what happened, in a sentence (e.g. "the loss became NaN at epoch 1, batch 37")
     * @param advice what to try (e.g. "lower the learning rate, e.g. to 0.001")
     */
    record RunFailed(String runName, String reason, String advice, int epoch, int batch)
            implements TrainingEvent {}

    record RunCancelled(String runName, int epochsCompleted, int epoch, int batch)
            implements TrainingEvent {}

    /**
     * A model's figures on a labelled split.
     *
     * @param accuracy share correct, in [0, 1]
     * @param loss mean loss
     * @param report confusion matrix (rows = true class) and per-class metrics
     * @param actual true class per sample
     * @param predicted predicted class per sample
     * @param probabilities {@code size × classCount} output probabilities, row-major
     */
    record TestEvaluation(
            double accuracy,
            double loss,
            ClassificationReport report,
            int[] actual,
            int[] predicted,
            float[] probabilities) {}
}
