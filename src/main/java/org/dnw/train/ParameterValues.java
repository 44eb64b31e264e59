package org.dnw.train;

/**
 * A copy of one trained parameter, taken on the training thread.
 *
 * @param name DJL's parameter path, e.g. "01Conv2d_weight"
 * @param shape dimensions, e.g. (32, 1, 5, 5) for a convolution weight (outC, inC, kH, kW)
 * @param values row-major values, length = product of {@code shape}
 */
public record ParameterValues(String name, int[] shape, float[] values) {

    /**
     * The 1-based spec position a parameter name starts with, as both engines name them
     * ("03Conv2d_weight" → 3); 0 when the name starts with no digit.
     */
    public static int positionOf(String name) {
        int digits = 0;
        while (digits < name.length() && digits < 9 && Character.isDigit(name.charAt(digits))) {
            digits++;
        }
        return digits == 0 ? 0 : Integer.parseInt(name.substring(0, digits));
    }

    /** True for a layer's weight (not its bias or running statistics). */
    public boolean isWeight() {
        return name != null && name.endsWith("_weight") && positionOf(name) > 0;
    }
}
