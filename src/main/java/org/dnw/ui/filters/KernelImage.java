package org.dnw.ui.filters;

/**
 * One kernel (or one dense unit's weights) ready to draw: its values min-max scaled on their own to
 * grey levels 0–255, channel-first.
 *
 * @param index position in the layer (0-based)
 * @param channels 1 (grey) or 3 (red, green, blue)
 * @param height rows
 * @param width columns
 * @param levels {@code channels × height × width} levels in 0–255, row-major per channel
 * @param weights the raw weights shown, {@code channels × height × width} (for the enlarged view)
 * @param min smallest raw weight, drawn as 0
 * @param max largest raw weight, drawn as 255
 */
public record KernelImage(
        int index,
        int channels,
        int height,
        int width,
        int[] levels,
        float[] weights,
        float min,
        float max) {

    /** Opaque ARGB colour of pixel ({@code y}, {@code x}): grey, or RGB for 3 channels. */
    public int argb(int y, int x) {
        int plane = height * width;
        int at = y * width + x;
        int r = levels[at];
        int g = channels == 3 ? levels[plane + at] : r;
        int b = channels == 3 ? levels[2 * plane + at] : r;
        return 0xFF000000 | (r << 16) | (g << 8) | b;
    }
}
