package org.dnw.ui.confusion;

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
        int g = channels >= 3 ? pixels[plane + at] & 0xFF : r;
        int b = channels >= 3 ? pixels[2 * plane + at] & 0xFF : r;
        return 0xFF000000 | (r << 16) | (g << 8) | b;
    }
}
