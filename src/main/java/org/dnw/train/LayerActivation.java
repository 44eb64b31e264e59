package org.dnw.train;

import org.dnw.spec.LayerSpec;
import org.dnw.spec.Shape;

/**
 * One layer's output for one input image, read from a trained network in inference mode (dropout
 * off, batch norm with its running statistics). Immutable apart from the array, which the caller
 * owns; no engine type crosses into it, so the window and the command line can use it.
 *
 * @param position 1-based position of the layer in the spec
 * @param layer the layer's spec ({@link LayerSpec#kindName()} names its kind)
 * @param shape the output shape of one sample without the batch axis: (C, H, W) for an image, (n)
 *     for a vector — equal to {@link org.dnw.spec.ShapeInference}'s
 * @param values the output, {@code shape.size()} values, channel-first (C, H, W) row-major
 */
public record LayerActivation(int position, LayerSpec layer, Shape shape, float[] values) {

    public LayerActivation {
        if (values.length != shape.size()) {
            throw new IllegalArgumentException(
                    "layer " + position + ": " + values.length + " values for shape " + shape);
        }
    }

    /** A name for files and headings, e.g. {@code 01-Conv2d}. */
    public String name() {
        return String.format(java.util.Locale.ROOT, "%02d-%s", position, layer.kindName());
    }

    /** Number of maps: C for an image-shaped output, 1 for a vector. */
    public int mapCount() {
        return shape.channels();
    }

    /** Values of map {@code c} (H × W, or the whole vector), a copy. */
    public float[] map(int c) {
        int plane = shape.height() * shape.width();
        return java.util.Arrays.copyOfRange(values, c * plane, (c + 1) * plane);
    }
}
