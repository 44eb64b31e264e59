package org.dnw.engine.scratch;

import java.util.List;

/**
 * One step of a network on batches of {@code n} samples, row-major: {@link #forward} maps {@code n
 * × inputSize()} values to {@code n × outputSize()}, {@link #backward} maps the gradient of the
 * loss with respect to the outputs to the gradient with respect to the inputs and sets the
 * gradients of the layer's {@link #parameters()}.
 *
 * <p>{@code forward} keeps what {@code backward} needs (its input or output array, by reference):
 * callers must not modify an array they passed to, or got from, {@code forward} until the matching
 * {@code backward} is done. Arrays returned are fresh. Not thread-safe.
 */
public interface Layer {

    /** The layer kind, as in parameter names: "Linear", "ReLU", "Sigmoid", "Tanh", "Softmax". */
    String kind();

    /** Values per sample going in. */
    int inputSize();

    /** Values per sample coming out. */
    int outputSize();

    /**
     * The layer's outputs for a batch.
     *
     * @param input {@code n × inputSize()} values
     * @return {@code n × outputSize()} values
     */
    double[] forward(double[] input, int n);

    /**
     * Back-propagates through the last {@link #forward}.
     *
     * @param outputGradient dLoss/dOutput, {@code n × outputSize()}
     * @param inputGradientNeeded false for the first layer, whose input gradient nobody uses
     * @return dLoss/dInput, {@code n × inputSize()}, or null when not needed
     */
    double[] backward(double[] outputGradient, int n, boolean inputGradientNeeded);

    /** Trainable parameters, weight first; empty for activations. */
    default List<Parameter> parameters() {
        return List.of();
    }
}
