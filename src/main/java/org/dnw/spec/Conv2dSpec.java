package org.dnw.spec;

/**
 * A 2-D convolution over an image input (C × H × W).
 *
 * @param filters number of output channels (features), ≥ 1
 * @param kernelHeight kernel rows, ≥ 1
 * @param kernelWidth kernel columns, ≥ 1
 * @param stride step in both directions, ≥ 1
 * @param padding how the border is padded
 * @param bias whether each filter has a bias term
 */
public record Conv2dSpec(
        int filters, int kernelHeight, int kernelWidth, int stride, Padding padding, boolean bias)
        implements LayerSpec {

    public Conv2dSpec {
        if (padding == null) {
            padding = Padding.VALID;
        }
    }

    /** A square kernel with bias. */
    public static Conv2dSpec of(int filters, int kernel, int stride, Padding padding) {
        return new Conv2dSpec(filters, kernel, kernel, stride, padding, true);
    }

    public Conv2dSpec withFilters(int value) {
        return new Conv2dSpec(value, kernelHeight, kernelWidth, stride, padding, bias);
    }

    public Conv2dSpec withKernel(int size) {
        return new Conv2dSpec(filters, size, size, stride, padding, bias);
    }

    public Conv2dSpec withStride(int value) {
        return new Conv2dSpec(filters, kernelHeight, kernelWidth, value, padding, bias);
    }

    public Conv2dSpec withPadding(Padding value) {
        return new Conv2dSpec(filters, kernelHeight, kernelWidth, stride, value, bias);
    }

    public Conv2dSpec withBias(boolean value) {
        return new Conv2dSpec(filters, kernelHeight, kernelWidth, stride, padding, value);
    }

    @Override
    public String kindName() {
        return "Conv2d";
    }

    @Override
    public String summary() {
        return filters
                + " filters "
                + kernelHeight
                + "×"
                + kernelWidth
                + ", stride "
                + stride
                + ", padding "
                + padding
                + (bias ? "" : ", no bias");
    }
}
