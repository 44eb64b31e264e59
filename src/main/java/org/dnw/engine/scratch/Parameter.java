package org.dnw.engine.scratch;

import java.util.Arrays;

/**
 * One trainable array and its gradient, both row-major in {@link #shape()}. The values are changed
 * in place by the optimiser; the gradient is overwritten by each backward pass of the layer that
 * owns it. Not thread-safe: confined to the training thread.
 */
public final class Parameter {

    private final String name;
    private final int[] shape;
    private final double[] values;
    private final double[] gradient;

    /**
     * @param name what it is within its layer, e.g. "weight" or "bias"
     * @param shape dimensions, each ≥ 1
     */
    public Parameter(String name, int... shape) {
        this.name = name;
        this.shape = shape.clone();
        long size = 1;
        for (int d : shape) {
            if (d < 1) {
                throw new IllegalArgumentException(
                        "dimension " + d + " in " + Arrays.toString(shape));
            }
            size *= d;
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too large: " + Arrays.toString(shape));
        }
        values = new double[(int) size];
        gradient = new double[(int) size];
    }

    public String name() {
        return name;
    }

    /** A copy of the dimensions. */
    public int[] shape() {
        return shape.clone();
    }

    public int size() {
        return values.length;
    }

    /** The live values (not a copy): the optimiser and loaders write them. */
    public double[] values() {
        return values;
    }

    /** The live gradient of the loss with respect to each value, from the last backward pass. */
    public double[] gradient() {
        return gradient;
    }
}
