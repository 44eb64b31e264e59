package org.dnw.data;

import java.util.List;
import java.util.Objects;
import org.dnw.spec.Shape;

/**
 * Labelled images as unsigned bytes, N × C × H × W (channel-first, row-major), values 0–255.
 *
 * @param channels 1 (grey) or 3 (RGB)
 * @param height rows per image
 * @param width columns per image
 * @param pixels {@code N·C·H·W} bytes, read as unsigned ({@code b & 0xFF})
 * @param labels class index per image
 * @param classNames class names, index = label
 */
public record ImageSamples(
        int channels, int height, int width, byte[] pixels, int[] labels, List<String> classNames)
        implements Samples {

    public ImageSamples {
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(labels, "labels");
        classNames = List.copyOf(classNames);
        long expected = (long) labels.length * channels * height * width;
        if (pixels.length != expected) {
            throw new IllegalArgumentException(
                    "pixels hold " + pixels.length + " bytes, expected " + expected);
        }
        for (int label : labels) {
            if (label < 0 || label >= classNames.size()) {
                throw new IllegalArgumentException(
                        "label " + label + " outside 0.." + (classNames.size() - 1));
            }
        }
    }

    /** Bytes per image: C·H·W. */
    public int imageBytes() {
        return channels * height * width;
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public Shape inputShape() {
        return Shape.image(channels, height, width);
    }

    @Override
    public ImageSamples subset(int[] indices) {
        int n = imageBytes();
        byte[] p = new byte[indices.length * n];
        int[] l = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * n, p, i * n, n);
            l[i] = labels[indices[i]];
        }
        return new ImageSamples(channels, height, width, p, l, classNames);
    }

    /**
     * These samples with other class names (the same count), sharing the arrays. Returns this when
     * the names are equal.
     */
    public ImageSamples withClassNames(List<String> names) {
        if (names.equals(classNames)) {
            return this;
        }
        if (names.size() != classNames.size()) {
            throw new IllegalArgumentException(
                    names.size() + " class names given for " + classNames.size() + " classes");
        }
        return new ImageSamples(channels, height, width, pixels, labels, names);
    }

    /** Unsigned value of channel {@code c}, row {@code y}, column {@code x} of image {@code i}. */
    public int pixel(int i, int c, int y, int x) {
        return pixels[i * imageBytes() + (c * height + y) * width + x] & 0xFF;
    }
}
