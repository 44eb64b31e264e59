package org.dnw.ui.tryit;

import java.util.Arrays;

/**
 * One stroke of the pen on the drawing pad: the points the mouse passed, in pad units (0 to {@link
 * TryItViewModel#PAD_SIZE} on both axes). Immutable.
 */
public final class Stroke {

    /** Most segments per smoothed curve. */
    private static final int MAX_STEPS = 8;

    /** Length in pad units of one segment of a smoothed curve, at most (where not capped). */
    private static final double STEP = 3;

    private final double[] xy;

    private Stroke(double[] xy) {
        this.xy = xy;
    }

    /** A stroke that starts with one point (a dot until it is extended). */
    public static Stroke at(double x, double y) {
        return new Stroke(new double[] {x, y});
    }

    /** This stroke with one more point. */
    public Stroke to(double x, double y) {
        double[] more = Arrays.copyOf(xy, xy.length + 2);
        more[xy.length] = x;
        more[xy.length + 1] = y;
        return new Stroke(more);
    }

    public int size() {
        return xy.length / 2;
    }

    public double x(int i) {
        return xy[2 * i];
    }

    public double y(int i) {
        return xy[2 * i + 1];
    }

    public double lastX() {
        return xy[xy.length - 2];
    }

    public double lastY() {
        return xy[xy.length - 1];
    }

    /**
     * The stroke smoothed for drawing: quadratic curves through the midpoints between points, each
     * split into short segments. Both the pad on screen and the picture given to the network are
     * drawn from this polyline, so the network sees what the user sees.
     *
     * @return x, y pairs
     */
    public double[] smoothed() {
        int n = size();
        if (n < 3) {
            return xy.clone();
        }
        double[] out = new double[2 * (2 + (n - 2) * MAX_STEPS)];
        int k = 0;
        out[k++] = x(0);
        out[k++] = y(0);
        for (int i = 1; i < n - 1; i++) {
            // from the midpoint before point i to the one after it, with point i as control
            double sx = i == 1 ? x(0) : (x(i - 1) + x(i)) / 2;
            double sy = i == 1 ? y(0) : (y(i - 1) + y(i)) / 2;
            double ex = (x(i) + x(i + 1)) / 2;
            double ey = (y(i) + y(i + 1)) / 2;
            // points the mouse gave close together need no subdivision
            int per =
                    (int)
                            Math.max(
                                    1,
                                    Math.min(
                                            MAX_STEPS,
                                            Math.ceil(Math.hypot(ex - sx, ey - sy) / STEP)));
            for (int s = 1; s <= per; s++) {
                double t = (double) s / per;
                double u = 1 - t;
                out[k++] = u * u * sx + 2 * u * t * x(i) + t * t * ex;
                out[k++] = u * u * sy + 2 * u * t * y(i) + t * t * ey;
            }
        }
        out[k++] = x(n - 1);
        out[k++] = y(n - 1);
        return Arrays.copyOf(out, k);
    }
}
