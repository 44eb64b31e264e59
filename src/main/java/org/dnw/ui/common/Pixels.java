package org.dnw.ui.common;

/** Reading channel-first unsigned-byte images, as the data and the views hold them. */
public final class Pixels {

    private Pixels() {}

    /**
     * @throws IllegalArgumentException when {@code pixels} is not {@code channels × height × width}
     *     long
     */
    public static void checkSize(int channels, int height, int width, byte[] pixels) {
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

    /**
     * Opaque ARGB colour of pixel ({@code y}, {@code x}): RGB from the first three channels, grey
     * from the first channel otherwise.
     */
    public static int argb(int channels, int height, int width, byte[] pixels, int y, int x) {
        int plane = height * width;
        int at = y * width + x;
        int r = pixels[at] & 0xFF;
        boolean colour = channels >= 3;
        int g = colour ? pixels[plane + at] & 0xFF : r;
        int b = colour ? pixels[2 * plane + at] & 0xFF : r;
        return 0xFF000000 | (r << 16) | (g << 8) | b;
    }
}
