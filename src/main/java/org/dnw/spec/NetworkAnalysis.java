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

    public long totalParameters() {
        return layers.stream().mapToLong(LayerShape::parameterCount).sum();
    }

    public long totalMultiplyAdds() {
        return layers.stream().mapToLong(LayerShape::multiplyAdds).sum();
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
     * twice (forward values and their gradients) for each sample of the batch.
     */
    public long estimatedTrainingBytes(int batchSize) {
        long activations = 0;
        for (LayerShape layer : layers) {
            activations += layer.output().size();
        }
        if (!layers.isEmpty()) {
            activations += layers.get(0).input().size();
        }
        return 4L * (4L * totalParameters() + 2L * activations * Math.max(1, batchSize));
    }
}
