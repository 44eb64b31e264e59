package org.dnw.spec;

import java.util.List;
import java.util.Optional;

/**
 * The result of shape inference over a {@link ModelSpec}.
 *
 * @param layers one entry per layer that could be inferred, in order; inference stops at the first
 *     layer with an error, so this may be shorter than the spec
 * @param problems errors and warnings, in layer order
 */
public record NetworkAnalysis(List<LayerShape> layers, List<Problem> problems) {

    public NetworkAnalysis {
        layers = List.copyOf(layers);
        problems = List.copyOf(problems);
    }

    /** True when no problem is an error: the network can be built and trained. */
    public boolean isValid() {
        return problems.stream().noneMatch(Problem::isError);
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    /** Problems concerning the layer at 1-based {@code position}. */
    public List<Problem> problemsAt(int position) {
        return problems.stream().filter(p -> p.position() == position).toList();
    }

    /** All layers' parameters; {@link Long#MAX_VALUE} when that does not fit in a long. */
    public long totalParameters() {
        return layers.stream()
                .mapToLong(LayerShape::parameterCount)
                .reduce(0, ShapeInference::plus);
    }

    /** All layers' multiply-adds per sample; {@link Long#MAX_VALUE} when that does not fit. */
    public long totalMultiplyAdds() {
        return layers.stream().mapToLong(LayerShape::multiplyAdds).reduce(0, ShapeInference::plus);
    }

    /** Values per sample of the input and of every layer's output (what the forward pass keeps). */
    public long activationsPerSample() {
        long activations = layers.isEmpty() ? 0 : layers.get(0).input().size();
        for (LayerShape layer : layers) {
            activations = ShapeInference.plus(activations, layer.output().size());
        }
        return activations;
    }

    /** Output shape of the last inferred layer, if any. */
    public Optional<Shape> outputShape() {
        return layers.isEmpty()
                ? Optional.empty()
                : Optional.of(layers.get(layers.size() - 1).output());
    }

    /**
     * A rough estimate of the memory one training step needs for a batch, in bytes (FP32): the
     * parameters four times (weights, gradients, two Adam moments) plus every layer's activations
     * twice (forward values and their gradients) for each sample of the batch. Saturates at {@link
     * Long#MAX_VALUE} instead of overflowing. See {@link TrainingMemory} for the check against the
     * machine.
     */
    public long estimatedTrainingBytes(int batchSize) {
        return ShapeInference.plus(estimatedParameterBytes(), estimatedActivationBytes(batchSize));
    }

    /** Bytes of weights, gradients and two Adam moments (FP32): 16 per parameter. */
    public long estimatedParameterBytes() {
        return ShapeInference.times(16, totalParameters());
    }

    /** Bytes of activations and their gradients for a batch (FP32): 8 per value per sample. */
    public long estimatedActivationBytes(int batchSize) {
        return ShapeInference.times(
                ShapeInference.times(8, activationsPerSample()), Math.max(1, batchSize));
    }
}
