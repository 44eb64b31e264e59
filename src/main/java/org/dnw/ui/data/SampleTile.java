package org.dnw.ui.data;

import org.dnw.ui.common.Pixels;

/**
 * One sample image of the strip, as unsigned bytes, channel-first.
 *
 * @param sampleIndex its index in the training samples
 * @param label its class index
 * @param labelText what is written under it: the class name
 * @param channels 1 (grey) or 3 (RGB); other counts show the first channel as grey
 * @param height rows
 * @param width columns
 * @param pixels {@code channels × height × width} bytes, read as {@code b & 0xFF}
 */
public record SampleTile(
        int sampleIndex,
        int label,
        String labelText,
        int channels,
        int height,
        int width,
        byte[] pixels) {

    public SampleTile {
        Pixels.checkSize(channels, height, width, pixels);
    }

    /** Opaque ARGB colour of pixel ({@code y}, {@code x}). */
    public int argb(int y, int x) {
        return Pixels.argb(channels, height, width, pixels, y, x);
    }
}
