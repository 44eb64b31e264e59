package org.dnw.ui.tryit;

import java.util.List;

/**
 * Draws strokes as thick, round-capped, antialiased white lines on black: the picture of the
 * drawing pad that is prepared for the network. Pure Java (no toolkit), so it runs on the
 * background thread; stateless.
 */
final class StrokeRaster {

    private StrokeRaster() {}

    /**
     * @param strokes the strokes, in pad units (0 to {@code padSize})
     * @param padSize the pad's side in pad units
     * @param pixels the picture's side in pixels
     * @param penWidth the pen's width in pad units
     * @return {@code pixels × pixels} grey levels 0–255, row-major, ink 255
     */
    static int[] render(List<Stroke> strokes, double padSize, int pixels, double penWidth) {
        float[] cover = new float[pixels * pixels];
        double scale = pixels / padSize;
        double radius = penWidth * scale / 2;
        for (Stroke stroke : strokes) {
            double[] p = stroke.smoothed();
            if (p.length == 2) {
                segment(
                        cover,
                        pixels,
                        p[0] * scale,
                        p[1] * scale,
                        p[0] * scale,
                        p[1] * scale,
                        radius);
            }
            for (int i = 2; i < p.length; i += 2) {
                segment(
                        cover,
                        pixels,
                        p[i - 2] * scale,
                        p[i - 1] * scale,
                        p[i] * scale,
                        p[i + 1] * scale,
                        radius);
            }
        }
        int[] grey = new int[cover.length];
        for (int i = 0; i < cover.length; i++) {
            grey[i] = Math.round(cover[i] * 255);
        }
        return grey;
    }

    /** A capsule from (ax, ay) to (bx, by): coverage 1 inside, a one-pixel ramp at the edge. */
    private static void segment(
            float[] cover, int size, double ax, double ay, double bx, double by, double r) {
        int x0 = Math.max(0, (int) Math.floor(Math.min(ax, bx) - r - 1));
        int x1 = Math.min(size - 1, (int) Math.ceil(Math.max(ax, bx) + r + 1));
        int y0 = Math.max(0, (int) Math.floor(Math.min(ay, by) - r - 1));
        int y1 = Math.min(size - 1, (int) Math.ceil(Math.max(ay, by) + r + 1));
        double dx = bx - ax;
        double dy = by - ay;
        double length2 = dx * dx + dy * dy;
        double outer = (r + 0.5) * (r + 0.5);
        double inner = r > 0.5 ? (r - 0.5) * (r - 0.5) : -1;
        for (int y = y0; y <= y1; y++) {
            double py = y + 0.5;
            int row = y * size;
            for (int x = x0; x <= x1; x++) {
                int at = row + x;
                if (cover[at] >= 1f) {
                    continue;
                }
                double px = x + 0.5;
                double t = length2 == 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / length2;
                t = t < 0 ? 0 : t > 1 ? 1 : t;
                double ex = px - (ax + t * dx);
                double ey = py - (ay + t * dy);
                double d2 = ex * ex + ey * ey;
                if (d2 >= outer) {
                    continue;
                }
                float c = d2 <= inner ? 1f : (float) Math.min(1, r + 0.5 - Math.sqrt(d2));
                if (c > cover[at]) {
                    cover[at] = c;
                }
            }
        }
    }
}
