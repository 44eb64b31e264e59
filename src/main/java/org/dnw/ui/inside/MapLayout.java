package org.dnw.ui.inside;

/**
 * Sizes on screen of the Inside tab's pictures: how much a feature map is magnified and how many
 * fit in a row. Pure arithmetic, so it is tested without a display.
 */
public final class MapLayout {

    /** A feature map is magnified to about this many pixels on its longer side. */
    static final int MAP_PIXELS = 64;

    /** Gap between two maps, in pixels. */
    static final double GAP = 6;

    /** Side of one unit of a dense layer, in pixels, up to 256 units; smaller beyond. */
    static final int UNIT_PIXELS = 12;

    private MapLayout() {}

    /**
     * Whole-pixel magnification of a map whose longer side is {@code side}: about {@value
     * #MAP_PIXELS} px on screen, at least 1 and at most 16 (a 1 × 1 map is a 16 px square).
     */
    public static int magnification(int side) {
        return Math.max(1, Math.min(16, Math.round(MAP_PIXELS / (float) Math.max(1, side))));
    }

    /**
     * How many cells of width {@code cell} with gaps of {@code gap} fit in {@code available} px.
     */
    public static int columns(int count, double cell, double gap, double available) {
        int fit = (int) Math.floor((available + gap) / (cell + gap));
        return Math.max(1, Math.min(count, fit));
    }

    /** Side of one unit of a strip of {@code units}: smaller for very wide layers. */
    public static int unitPixels(int units) {
        return units <= 256 ? UNIT_PIXELS : units <= 1000 ? 8 : units <= 4000 ? 6 : 4;
    }

    /** Rows needed for {@code count} cells in {@code columns} columns. */
    public static int rows(int count, int columns) {
        return (count + columns - 1) / Math.max(1, columns);
    }
}
