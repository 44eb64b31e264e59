package org.dnw.ui.confusion;

import org.dnw.ui.common.Pixels;

/**
 * One test image as unsigned bytes, channel-first.
 *
 * @param channels 1 (grey) or 3 (RGB)
 * @param height rows
 * @param width columns
 * @param pixels {@code channels × height × width} bytes, read as {@code b & 0xFF}
 */
public record SampleImage(int channels, int height, int width, byte[] pixels) {

    public SampleImage {
        Pixels.checkSize(channels, height, width, pixels);
    }

    /** Opaque ARGB colour of pixel ({@code y}, {@code x}). */
    public int argb(int y, int x) {
        return Pixels.argb(channels, height, width, pixels, y, x);
    }
}
