package org.dnw.spec;

/**
 * What one layer does to the data, as inferred without an engine.
 *
 * @param position 1-based position in the network
 * @param layer the layer
 * @param input shape of one sample entering the layer
 * @param output shape of one sample leaving it
 * @param parameterCount trainable parameters (weights and biases; BatchNorm counts scale and shift)
 * @param multiplyAdds multiply-accumulate operations of the forward pass for one sample
 */
public record LayerShape(
        int position,
        LayerSpec layer,
        Shape input,
        Shape output,
        long parameterCount,
        long multiplyAdds) {}
