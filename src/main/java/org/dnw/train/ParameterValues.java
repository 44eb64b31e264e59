package org.dnw.train;

/**
 * A copy of one trained parameter, taken on the training thread.
 *
 * @param name DJL's parameter path, e.g. "01Conv2d_weight"
 * @param shape dimensions, e.g. (32, 1, 5, 5) for a convolution weight (outC, inC, kH, kW)
 * @param values row-major values, length = product of {@code shape}
 */
public record ParameterValues(String name, int[] shape, float[] values) {}
