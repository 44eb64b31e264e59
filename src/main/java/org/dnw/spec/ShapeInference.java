package org.dnw.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Pure-Java shape inference: each layer's output shape, parameter count and multiply-adds, and the
 * problems that would make the network fail, in sentences a student understands.
 *
 * <p>The rules match DJL's PyTorch layers: convolution output {@code floor((in + 2·pad − k) / s) +
 * 1}, pooling {@code floor((in − k) / s) + 1} without padding, dense layers need a flat input.
 * Stateless and thread-safe.
 *
 * <p>All sizes are computed in {@code long} arithmetic that saturates at {@link Long#MAX_VALUE}
 * instead of wrapping, so an absurd setting (padding 1,500,000,000, 2,147,483,647 filters) is
 * refused for what it is before anything is allocated: one sample's values at any layer, and one
 * layer's parameters, must each fit in a Java array ({@value #MAX_VALUES} values), as the engines
 * and the window copy them into {@code float[]}.
 */
public final class ShapeInference {

    /** Most values one sample may have at any layer, and most parameters one layer may have. */
    public static final long MAX_VALUES = Integer.MAX_VALUE;

    private ShapeInference() {}

    /** {@code a × b}, or {@link Long#MAX_VALUE} when that overflows; both must be ≥ 0. */
    static long times(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** {@code a + b}, or {@link Long#MAX_VALUE} when that overflows; both must be ≥ 0. */
    static long plus(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** A count as a student reads it, e.g. {@code 2,147,483,647}; saturated counts say so. */
    static String count(long n) {
        return n == Long.MAX_VALUE
                ? "more than 9 quintillion"
                : String.format(Locale.ROOT, "%,d", n);
    }

    /** Analyses {@code spec}; never throws for a non-null spec. */
    public static NetworkAnalysis analyse(ModelSpec spec) {
        List<LayerShape> shapes = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Shape current = spec.input();
        if (current == null || !current.isValid()) {
            problems.add(
                    Problem.error(
                            0,
                            "the input shape "
                                    + current
                                    + " is not valid: every size must be ≥ 1"));
            return new NetworkAnalysis(shapes, problems);
        }
        if (current.size() > MAX_VALUES) {
            problems.add(
                    Problem.error(
                            0,
                            "the input shape "
                                    + current
                                    + " has "
                                    + count(current.size())
                                    + " values per sample, more than the "
                                    + count(MAX_VALUES)
                                    + " a layer can hold"));
            return new NetworkAnalysis(shapes, problems);
        }
        List<LayerSpec> layers = spec.layers();
        if (layers.isEmpty()) {
            problems.add(Problem.error(0, "the network has no layers — add an output layer"));
            return new NetworkAnalysis(shapes, problems);
        }
        for (int i = 0; i < layers.size(); i++) {
            int position = i + 1;
            LayerSpec layer = layers.get(i);
            if (layer instanceof OutputSpec && i != layers.size() - 1) {
                problems.add(
                        Problem.error(
                                position,
                                "the output layer must be the last one — move it to the end or"
                                        + " remove the layers after it"));
            }
            LayerShape shape = infer(position, layer, current, problems);
            if (shape == null || !fits(shape, problems)) {
                return new NetworkAnalysis(shapes, problems);
            }
            shapes.add(shape);
            current = shape.output();
        }
        if (!(layers.get(layers.size() - 1) instanceof OutputSpec)) {
            problems.add(
                    Problem.error(
                            0,
                            "the network does not end with an output layer — add one after layer "
                                    + layers.size()));
        }
        return new NetworkAnalysis(shapes, problems);
    }

    /** Checks the limits of {@link #MAX_VALUES}; adds the error and returns false when exceeded. */
    private static boolean fits(LayerShape shape, List<Problem> problems) {
        String fewer = fewer(shape.layer());
        if (shape.output().size() > MAX_VALUES) {
            problems.add(
                    Problem.error(
                            shape.position(),
                            "its output "
                                    + shape.output()
                                    + " has "
                                    + count(shape.output().size())
                                    + " values per sample, more than the "
                                    + count(MAX_VALUES)
                                    + " a layer can hold"
                                    + fewer));
            return false;
        }
        if (shape.parameterCount() > MAX_VALUES) {
            problems.add(
                    Problem.error(
                            shape.position(),
                            "it would have "
                                    + count(shape.parameterCount())
                                    + " parameters, more than the "
                                    + count(MAX_VALUES)
                                    + " one layer can hold"
                                    + fewer));
            return false;
        }
        return true;
    }

    private static String fewer(LayerSpec layer) {
        if (layer instanceof Conv2dSpec) {
            return " — use fewer filters or a smaller input";
        }
        if (layer instanceof DenseSpec) {
            return " — use fewer units or a smaller input (e.g. pool before Flatten)";
        }
        if (layer instanceof OutputSpec) {
            return " — pool or shrink the input before the output layer";
        }
        return "";
    }

    private static LayerShape infer(
            int position, LayerSpec layer, Shape in, List<Problem> problems) {
        if (layer instanceof Conv2dSpec c) {
            return conv(position, c, in, problems);
        }
        if (layer instanceof Pool2dSpec p) {
            return pool(position, p, in, problems);
        }
        if (layer instanceof FlattenSpec f) {
            if (!in.isImage()) {
                problems.add(
                        Problem.warning(
                                position,
                                "the input is already flat (" + in + "), so Flatten does nothing"));
            }
            return new LayerShape(position, f, in, Shape.flat((int) in.size()), 0, 0);
        }
        if (layer instanceof DenseSpec d) {
            return dense(position, d, d.units(), d.bias(), in, problems);
        }
        if (layer instanceof OutputSpec o) {
            return output(position, o, in, problems);
        }
        if (layer instanceof DropoutSpec d) {
            if (!(d.rate() >= 0 && d.rate() < 1)) {
                problems.add(
                        Problem.error(
                                position,
                                "a dropout rate of "
                                        + d.rate()
                                        + " is impossible — use a value from 0 up to (not"
                                        + " including) 1, e.g. 0.5"));
                return null;
            }
            return new LayerShape(position, d, in, in, 0, 0);
        }
        if (layer instanceof BatchNormSpec b) {
            // a scale and a shift per channel of an image, per feature of a flat vector (as DJL)
            long normalised = in.isImage() ? in.channels() : in.size();
            return new LayerShape(position, b, in, in, 2L * normalised, 2L * in.size());
        }
        // ActivationSpec: element-wise, keeps the shape.
        return new LayerShape(position, layer, in, in, 0, 0);
    }

    private static LayerShape conv(int position, Conv2dSpec c, Shape in, List<Problem> problems) {
        if (!in.isImage()) {
            problems.add(
                    Problem.error(
                            position,
                            "a convolution needs an image input (channels × height × width), but"
                                    + " it gets a flat vector of "
                                    + in
                                    + " values — move it before the Flatten or dense layers"));
            return null;
        }
        if (c.filters() < 1) {
            problems.add(Problem.error(position, "a convolution needs at least 1 filter"));
            return null;
        }
        if (c.kernelHeight() < 1 || c.kernelWidth() < 1) {
            problems.add(Problem.error(position, "the kernel size must be at least 1×1"));
            return null;
        }
        if (c.stride() < 1) {
            problems.add(Problem.error(position, "the stride must be at least 1"));
            return null;
        }
        if (c.padding().mode() == Padding.Mode.EXPLICIT && c.padding().amount() < 0) {
            problems.add(Problem.error(position, "padding cannot be negative"));
            return null;
        }
        long padH = c.padding().perSide(c.kernelHeight());
        long padW = c.padding().perSide(c.kernelWidth());
        long paddedH = in.height() + 2 * padH;
        long paddedW = in.width() + 2 * padW;
        if (c.kernelHeight() > paddedH || c.kernelWidth() > paddedW) {
            String kernel = c.kernelHeight() + "×" + c.kernelWidth();
            String input = in.height() + "×" + in.width();
            String advice =
                    c.padding().mode() == Padding.Mode.VALID
                            ? " — use padding 'same' or a smaller kernel"
                            : " — use a smaller kernel or remove a pooling layer before it";
            problems.add(
                    Problem.error(
                            position,
                            "a " + kernel + " kernel does not fit a " + input + " input" + advice));
            return null;
        }
        long longH = (paddedH - c.kernelHeight()) / c.stride() + 1;
        long longW = (paddedW - c.kernelWidth()) / c.stride() + 1;
        if (longH > MAX_VALUES || longW > MAX_VALUES) {
            problems.add(
                    Problem.error(
                            position,
                            "padding "
                                    + count(c.padding().amount())
                                    + " on each side makes the output "
                                    + count(longH)
                                    + " × "
                                    + count(longW)
                                    + " pixels, more than a layer can hold — padding beyond the"
                                    + " kernel size minus 1 ("
                                    + (Math.max(c.kernelHeight(), c.kernelWidth()) - 1)
                                    + ") only adds zeros"));
            return null;
        }
        int outH = (int) longH;
        int outW = (int) longW;
        if (c.padding().mode() == Padding.Mode.EXPLICIT
                && c.padding().amount() >= Math.max(c.kernelHeight(), c.kernelWidth())) {
            problems.add(
                    Problem.warning(
                            position,
                            "padding "
                                    + c.padding().amount()
                                    + " is not smaller than the kernel, so the outermost outputs"
                                    + " see only zeros"));
        }
        if (c.padding().mode() == Padding.Mode.SAME
                && (c.kernelHeight() % 2 == 0 || c.kernelWidth() % 2 == 0)) {
            problems.add(
                    Problem.warning(
                            position,
                            "padding 'same' with an even kernel ("
                                    + c.kernelHeight()
                                    + "×"
                                    + c.kernelWidth()
                                    + ") cannot keep the size exactly, because padding is the same"
                                    + " on both sides: the output is "
                                    + outH
                                    + "×"
                                    + outW));
        }
        if (c.stride() > Math.max(c.kernelHeight(), c.kernelWidth())) {
            problems.add(
                    Problem.warning(
                            position,
                            "the stride ("
                                    + c.stride()
                                    + ") is larger than the kernel, so some pixels are never"
                                    + " looked at"));
        }
        Shape out = Shape.image(c.filters(), outH, outW);
        long perFilter = times((long) in.channels() * c.kernelHeight(), c.kernelWidth());
        long params = plus(times(c.filters(), perFilter), c.bias() ? c.filters() : 0);
        long macs = times(out.size(), perFilter);
        return new LayerShape(position, c, in, out, params, macs);
    }

    private static LayerShape pool(int position, Pool2dSpec p, Shape in, List<Problem> problems) {
        if (!in.isImage()) {
            problems.add(
                    Problem.error(
                            position,
                            "pooling needs an image input (channels × height × width), but it gets"
                                    + " a flat vector — move it before the Flatten or dense"
                                    + " layers"));
            return null;
        }
        if (p.kernel() < 1 || p.stride() < 1) {
            problems.add(
                    Problem.error(position, "the pooling window and stride must be at least 1"));
            return null;
        }
        if (p.kernel() > in.height() || p.kernel() > in.width()) {
            problems.add(
                    Problem.error(
                            position,
                            "a "
                                    + p.kernel()
                                    + "×"
                                    + p.kernel()
                                    + " pooling window does not fit a "
                                    + in.height()
                                    + "×"
                                    + in.width()
                                    + " input — use a smaller window or remove a pooling layer"
                                    + " before it"));
            return null;
        }
        int outH = (in.height() - p.kernel()) / p.stride() + 1;
        int outW = (in.width() - p.kernel()) / p.stride() + 1;
        Shape out = Shape.image(in.channels(), outH, outW);
        long macs = times(out.size(), (long) p.kernel() * p.kernel());
        return new LayerShape(position, p, in, out, 0, macs);
    }

    private static LayerShape dense(
            int position,
            LayerSpec layer,
            int units,
            boolean bias,
            Shape in,
            List<Problem> problems) {
        if (in.isImage()) {
            problems.add(
                    Problem.error(
                            position,
                            "a dense layer needs a flat input, but it gets an image of "
                                    + in
                                    + " — add a Flatten layer before it"));
            return null;
        }
        if (units < 1) {
            problems.add(Problem.error(position, "a dense layer needs at least 1 unit"));
            return null;
        }
        long params = plus(times(in.size(), units), bias ? units : 0);
        long macs = times(in.size(), units);
        return new LayerShape(position, layer, in, Shape.flat(units), params, macs);
    }

    private static LayerShape output(int position, OutputSpec o, Shape in, List<Problem> problems) {
        if (o.activation() == OutputActivation.SOFTMAX && o.classes() < 2) {
            problems.add(
                    Problem.error(
                            position,
                            "a softmax output needs at least 2 classes, but the data set has "
                                    + o.classes()));
            return null;
        }
        if (o.activation() == OutputActivation.SIGMOID && o.classes() != 2) {
            problems.add(
                    Problem.error(
                            position,
                            "a single sigmoid unit separates exactly 2 classes, but the data set"
                                    + " has "
                                    + o.classes()
                                    + " — use a softmax output"));
            return null;
        }
        return dense(position, o, o.units(), o.bias(), in, problems);
    }
}
