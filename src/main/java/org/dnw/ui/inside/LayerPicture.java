package org.dnw.ui.inside;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dnw.spec.OutputActivation;
import org.dnw.spec.OutputSpec;
import org.dnw.spec.Shape;
import org.dnw.train.LayerActivation;

/**
 * One layer's output as the Inside tab draws it: feature maps (an image-shaped output, one grey
 * image per channel), a strip of units (a vector), or class bars (the output layer, as
 * probabilities).
 *
 * @param title e.g. "2 · ReLU — 8 × 28 × 28"
 * @param maps number of feature maps (1 for units and classes)
 * @param height rows of one map (1 for units and classes)
 * @param width columns of one map (the unit count for units and classes)
 * @param values the layer's output, channel-first; probabilities for {@link Kind#CLASSES}
 * @param mapMin the least value of each map
 * @param mapMax the greatest value of each map
 * @param classNames for {@link Kind#CLASSES}, one per value; empty otherwise
 */
public record LayerPicture(
        int position,
        String title,
        Kind kind,
        int maps,
        int height,
        int width,
        float[] values,
        float[] mapMin,
        float[] mapMax,
        List<String> classNames) {

    /** How a layer's output is drawn. */
    public enum Kind {
        MAPS,
        UNITS,
        CLASSES
    }

    public LayerPicture {
        classNames = List.copyOf(classNames);
    }

    /**
     * The picture of {@code a}; the output layer's logits become class probabilities (softmax, or
     * sigmoid's [1 − p, p]).
     *
     * @param classNames the class names, index = class; "class N" where missing
     */
    public static LayerPicture of(LayerActivation a, List<String> classNames) {
        Shape shape = a.shape();
        String dims = dims(shape);
        if (a.layer() instanceof OutputSpec out) {
            float[] p = probabilities(a.values(), out.activation() == OutputActivation.SIGMOID);
            List<String> names = new ArrayList<>(p.length);
            for (int c = 0; c < p.length; c++) {
                names.add(
                        classNames != null && c < classNames.size()
                                ? classNames.get(c)
                                : "class " + c);
            }
            return new LayerPicture(
                    a.position(),
                    a.position() + " · Output — " + p.length + " class probabilities",
                    Kind.CLASSES,
                    1,
                    1,
                    p.length,
                    p,
                    new float[] {0},
                    new float[] {1},
                    names);
        }
        String summary = a.layer().summary();
        // "128 units — 128 units" says it twice
        String title = a.position() + " · " + summary + (summary.equals(dims) ? "" : " — " + dims);
        if (shape.isImage()) {
            int maps = shape.channels();
            int plane = shape.height() * shape.width();
            float[] min = new float[maps];
            float[] max = new float[maps];
            for (int m = 0; m < maps; m++) {
                range(a.values(), m * plane, plane, min, max, m);
            }
            return new LayerPicture(
                    a.position(),
                    title,
                    Kind.MAPS,
                    maps,
                    shape.height(),
                    shape.width(),
                    a.values(),
                    min,
                    max,
                    List.of());
        }
        float[] min = new float[1];
        float[] max = new float[1];
        range(a.values(), 0, a.values().length, min, max, 0);
        return new LayerPicture(
                a.position(),
                title,
                Kind.UNITS,
                1,
                1,
                a.values().length,
                a.values(),
                min,
                max,
                List.of());
    }

    /**
     * Grey level 0–255 of value {@code index} of map {@code map}: its map's least value black, its
     * greatest white; with {@code shared}, the least and greatest of all the layer's maps instead.
     * A constant map is black (all zero, as a dead ReLU map) or mid-grey.
     */
    public int grey(int map, int index, boolean shared) {
        float lo = shared ? min(mapMin) : mapMin[map];
        float hi = shared ? max(mapMax) : mapMax[map];
        float v = values[map * height * width + index];
        if (!(hi > lo)) {
            return v == 0 ? 0 : 128;
        }
        return Math.max(0, Math.min(255, Math.round((v - lo) / (hi - lo) * 255)));
    }

    /** Values of one map. */
    public int plane() {
        return height * width;
    }

    /** The class with the highest probability, for {@link Kind#CLASSES}; −1 otherwise. */
    public int topClass() {
        if (kind != Kind.CLASSES) {
            return -1;
        }
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    /** "map 3 of 16: 14 × 14, from −0.21 to 1.87" for the enlarged view. */
    public String describeMap(int map) {
        return String.format(
                Locale.ROOT,
                "map %d of %d: %d × %d, values from %.3g to %.3g",
                map + 1,
                maps,
                height,
                width,
                mapMin[map],
                mapMax[map]);
    }

    private static String dims(Shape shape) {
        if (shape.isImage()) {
            return shape.channels() + " × " + shape.height() + " × " + shape.width();
        }
        return shape.size() + (shape.size() == 1 ? " unit" : " units");
    }

    private static void range(float[] v, int from, int count, float[] min, float[] max, int at) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (int i = from; i < from + count; i++) {
            lo = Math.min(lo, v[i]);
            hi = Math.max(hi, v[i]);
        }
        min[at] = count == 0 ? 0 : lo;
        max[at] = count == 0 ? 0 : hi;
    }

    private static float min(float[] v) {
        float m = Float.POSITIVE_INFINITY;
        for (float x : v) {
            m = Math.min(m, x);
        }
        return m;
    }

    private static float max(float[] v) {
        float m = Float.NEGATIVE_INFINITY;
        for (float x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    /** Softmax of the logits, or for one sigmoid unit [1 − p, p]. */
    static float[] probabilities(float[] logits, boolean sigmoid) {
        if (sigmoid && logits.length == 1) {
            float p = (float) (1 / (1 + Math.exp(-logits[0])));
            return new float[] {1 - p, p};
        }
        double top = Double.NEGATIVE_INFINITY;
        for (float z : logits) {
            top = Math.max(top, z);
        }
        double sum = 0;
        double[] e = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            e[i] = Math.exp(logits[i] - top);
            sum += e[i];
        }
        float[] p = new float[logits.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) (e[i] / sum);
        }
        return p;
    }
}
