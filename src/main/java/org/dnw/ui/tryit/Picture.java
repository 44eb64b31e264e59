package org.dnw.ui.tryit;

import java.util.Objects;

/**
 * An opened image file's pixels. Immutable by contract (callers must not modify {@code argb}).
 *
 * @param name the file's name, for messages
 * @param width columns
 * @param height rows
 * @param argb {@code width × height} packed ARGB pixels, row-major
 */
public record Picture(String name, int width, int height, int[] argb) {

    public Picture {
        Objects.requireNonNull(argb, "argb");
        if (width < 1 || height < 1 || (long) width * height != argb.length) {
            throw new IllegalArgumentException(
                    "a "
                            + width
                            + " × "
                            + height
                            + " picture needs "
                            + (long) width * height
                            + " pixels, got "
                            + argb.length);
        }
    }
}
