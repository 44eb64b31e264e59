package org.dnw.spec;

/**
 * Max or average pooling over square windows of an image input, without padding.
 *
 * @param poolType max or average
 * @param kernel window size, ≥ 1
 * @param stride step, ≥ 1
 */
public record Pool2dSpec(PoolType poolType, int kernel, int stride) implements LayerSpec {

    public Pool2dSpec {
        if (poolType == null) {
            poolType = PoolType.MAX;
        }
    }

    public static Pool2dSpec max(int kernel, int stride) {
        return new Pool2dSpec(PoolType.MAX, kernel, stride);
    }

    public static Pool2dSpec average(int kernel, int stride) {
        return new Pool2dSpec(PoolType.AVERAGE, kernel, stride);
    }

    public Pool2dSpec withType(PoolType value) {
        return new Pool2dSpec(value, kernel, stride);
    }

    public Pool2dSpec withKernel(int value) {
        return new Pool2dSpec(poolType, value, stride);
    }

    public Pool2dSpec withStride(int value) {
        return new Pool2dSpec(poolType, kernel, value);
    }

    @Override
    public String kindName() {
        return poolType == PoolType.MAX ? "MaxPool2d" : "AvgPool2d";
    }

    @Override
    public String summary() {
        return poolType.label() + " " + kernel + "×" + kernel + ", stride " + stride;
    }
}
