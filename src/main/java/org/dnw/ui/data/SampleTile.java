package org.dnw.ui.data;

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
        if ((long) channels * height * width != pixels.length) {
            throw new IllegalArgumentException(
                    "an image of "
                            + channels
                            + "×"
                            + height
                            + "×"
                            + width
                            + " needs "
                            + ((long) channels * height * width)
                            + " bytes, got "
                            + pixels.length);
        }
    }

    /** Opaque ARGB colour of pixel ({@code y}, {@code x}). */
    public int argb(int y, int x) {
        int plane = height * width;
        int at = y * width + x;
        int r = pixels[at] & 0xFF;
        boolean colour = channels == 3;
        int g = colour ? pixels[plane + at] & 0xFF : r;
        int b = colour ? pixels[2 * plane + at] & 0xFF : r;
        return 0xFF000000 | (r << 16) | (g << 8) | b;
    }
}
