package org.dnw.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The shape of one sample flowing between layers, without the batch axis: either an image (channels
 * × height × width) or a flat vector of features.
 *
 * @param dims 3 dimensions (C, H, W) for an image or 1 (features) for a vector; every one ≥ 1 for a
 *     valid shape, though inference may produce ≤ 0 values that it reports as problems.
 */
public record Shape(List<Integer> dims) {

    public Shape {
        if (dims == null) {
            throw new IllegalArgumentException(
                    "a shape needs \"dims\": [channels, height, width] or [features]");
        }
        dims = List.copyOf(dims);
        if (dims.size() != 1 && dims.size() != 3) {
            throw new IllegalArgumentException("a shape has 1 or 3 dimensions, got " + dims);
        }
    }

    /** An image shape, channels first. */
    public static Shape image(int channels, int height, int width) {
        return new Shape(List.of(channels, height, width));
    }

    /** A flat vector of {@code features} values. */
    public static Shape flat(int features) {
        return new Shape(List.of(features));
    }

    @JsonIgnore
    public boolean isImage() {
        return dims.size() == 3;
    }

    public int channels() {
        return isImage() ? dims.get(0) : 1;
    }

    public int height() {
        return isImage() ? dims.get(1) : 1;
    }

    public int width() {
        return isImage() ? dims.get(2) : dims.get(0);
    }

    /**
     * Number of values in one sample; {@link Long#MAX_VALUE} when the product does not fit in a
     * long (three huge dimensions), so it never wraps round to a small or negative number.
     */
    public long size() {
        long n = 1;
        for (int d : dims) {
            n = ShapeInference.times(n, d);
        }
        return n;
    }

    /** True when every dimension is at least 1. */
    @JsonIgnore
    public boolean isValid() {
        return dims.stream().allMatch(d -> d >= 1);
    }

    /** The shape as a student reads it, e.g. {@code 32 × 28 × 28}. */
    @Override
    public String toString() {
        return dims.stream().map(String::valueOf).collect(Collectors.joining(" × "));
    }
}
