package org.dnw.figures;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.dnw.spec.Shape;

/**
 * One layer's output for one image as a picture, drawn once for {@code inspect}, reports and the
 * window: an image-shaped output (C × H × W) as a grid of its C grey feature maps, each scaled on
 * its own from black (its smallest value) to white (its largest); a vector output (n units) as one
 * grey tile of its units wrapped into rows of {@link #columnsFor(int)} units, left to right and top
 * to bottom, all units on one scale, the unused places after the last unit black. Drawn through
 * {@link KernelGridImage}. Stateless and thread-safe; needs no display.
 */
public final class ActivationPicture {

    /** A vector of up to this many units stays on one row. */
    public static final int ONE_ROW_UNITS = 16;

    private ActivationPicture() {}

    /**
     * The picture of {@code values} in {@code shape}.
     *
     * @param shape the output of one sample without the batch axis: (C, H, W) or (n)
     * @param values {@code shape.size()} values, channel-first, row-major
     * @throws IllegalArgumentException when the counts differ or the shape is empty
     */
    public static BufferedImage render(Shape shape, float[] values) {
        if (values.length != shape.size() || values.length == 0) {
            throw new IllegalArgumentException(
                    "cannot draw " + values.length + " values as an output of shape " + shape);
        }
        if (shape.isImage()) {
            return KernelGridImage.render(
                    new int[] {shape.channels(), 1, shape.height(), shape.width()}, values, null);
        }
        int n = values.length;
        int columns = columnsFor(n);
        int rows = (n + columns - 1) / columns;
        float[] wrapped = Arrays.copyOf(values, rows * columns);
        // NaN is drawn black and left out of the scale: the places after the last unit
        Arrays.fill(wrapped, n, wrapped.length, Float.NaN);
        return KernelGridImage.render(new int[] {1, 1, rows, columns}, wrapped, null);
    }

    /**
     * Units per row for a vector of {@code units}: all of them up to {@value #ONE_ROW_UNITS}, else
     * about the square root (at least {@value #ONE_ROW_UNITS}), so 8,192 units make a 91 × 91
     * square rather than an 8,192-unit line.
     */
    public static int columnsFor(int units) {
        if (units <= ONE_ROW_UNITS) {
            return Math.max(1, units);
        }
        return Math.max(ONE_ROW_UNITS, (int) Math.ceil(Math.sqrt(units)));
    }
}
