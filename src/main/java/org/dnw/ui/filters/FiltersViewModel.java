package org.dnw.ui.filters;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import org.dnw.spec.Shape;
import org.dnw.train.TrainingEvent;
import org.dnw.train.TrainingEvent.RunStarted;
import org.dnw.train.TrainingEvent.WeightsCaptured;

/**
 * The first layer's weights as a grid of images, refreshed from every {@link WeightsCaptured}.
 * Convolution weights (outC, inC, kH, kW) give one kH × kW image per filter, in colour when inC is
 * 3; dense weights (units, inputs) on an image input give one image of the input's shape per unit.
 * Each image is min-max scaled on its own, so the pattern shows whatever the weights' range.
 *
 * <p>FX thread only.
 */
public final class FiltersViewModel {

    /** Dense layers can have thousands of units; more images than this would not be read anyway. */
    public static final int MAX_KERNELS = 256;

    private final ReadOnlyObjectWrapper<FilterGrid> grid =
            new ReadOnlyObjectWrapper<>(this, "grid");
    private final ReadOnlyStringWrapper caption =
            new ReadOnlyStringWrapper(
                    this, "caption", "The first layer's filters appear here once training starts.");
    private final ReadOnlyStringWrapper captureText =
            new ReadOnlyStringWrapper(this, "capture", "");
    private final ReadOnlyStringWrapper selectedText =
            new ReadOnlyStringWrapper(this, "selectedText", "");
    private final IntegerProperty selectedIndex = new SimpleIntegerProperty(this, "selected", -1);
    private Shape inputShape;

    public FiltersViewModel() {
        selectedIndex.addListener((obs, was, now) -> describeSelection());
    }

    /** Applies one training event: a run start resets, a weight capture redraws. */
    public void accept(TrainingEvent event) {
        if (event instanceof RunStarted e) {
            inputShape = e.spec().input();
            grid.set(null);
            selectedIndex.set(-1);
            caption.set("Waiting for the first weights of " + e.runName() + "…");
            captureText.set("");
        } else if (event instanceof WeightsCaptured e) {
            show(e.shape(), e.values(), inputShape);
            captureText.set("weights after epoch " + e.epoch() + ", batch " + e.batch());
        }
    }

    /**
     * Shows weights of any first layer, e.g. a saved run's.
     *
     * @param shape (outC, inC, kH, kW) or (units, inputs)
     * @param values row-major in {@code shape}
     * @param input the network's input shape, or null when unknown
     */
    public void show(int[] shape, float[] values, Shape input) {
        inputShape = input;
        FilterGrid g = kernels(shape, values, input, MAX_KERNELS);
        grid.set(g);
        caption.set(g.caption());
        if (selectedIndex.get() >= g.kernels().size()) {
            selectedIndex.set(-1);
        }
        describeSelection();
    }

    /**
     * Shows the weights of a saved run's first layer, saying where they come from.
     *
     * @param source e.g. "weights of the saved run seed-cnn, after 5 epochs"
     */
    public void showSaved(String source, int[] shape, float[] values, Shape input) {
        show(shape, values, input);
        captureText.set(source == null ? "" : source);
    }

    /** Shows no weights, the caption saying why (e.g. a saved run that recorded none). */
    public void clear(String why) {
        grid.set(null);
        selectedIndex.set(-1);
        caption.set(why == null ? "" : why);
        captureText.set("");
        describeSelection();
    }

    /** Selects kernel {@code index} for the enlarged view; −1 for none. */
    public void select(int index) {
        FilterGrid g = grid.get();
        selectedIndex.set(g == null || index < 0 || index >= g.kernels().size() ? -1 : index);
    }

    /**
     * The one wording, on the empty enlarged view, for what to do with {@code grid}: "Click a
     * filter to enlarge it." ("a unit" for a dense layer's weights).
     */
    public static String clickHint(FilterGrid grid) {
        return "Click a " + (grid.dense() ? "unit" : "filter") + " to enlarge it.";
    }

    private void describeSelection() {
        FilterGrid g = grid.get();
        int i = selectedIndex.get();
        if (g == null || i < 0 || i >= g.kernels().size()) {
            // the empty enlarged view says it already; the same sentence twice reads as a glitch
            selectedText.set("");
            return;
        }
        KernelImage k = g.kernels().get(i);
        selectedText.set(
                String.format(
                        Locale.ROOT,
                        "%s %d of %d · weights from %.3f (dark) to %.3f (light)",
                        g.dense() ? "Unit" : "Filter",
                        i + 1,
                        g.totalCount(),
                        k.min(),
                        k.max()));
    }

    /**
     * Turns a weight tensor into images, each min-max scaled on its own (min → 0, max → 255; a
     * constant kernel → 128).
     *
     * @param shape (outC, inC, kH, kW) for a convolution, (units, inputs) for dense
     * @param values row-major in {@code shape}
     * @param input the network's input shape (for dense layers), or null
     * @param maxKernels most images made; the caption says how many the layer has
     */
    public static FilterGrid kernels(int[] shape, float[] values, Shape input, int maxKernels) {
        long expected = 1;
        for (int d : shape) {
            expected *= d;
        }
        if (shape.length == 0 || expected != values.length) {
            throw new IllegalArgumentException(
                    "weights of shape "
                            + java.util.Arrays.toString(shape)
                            + " need "
                            + expected
                            + " values, got "
                            + values.length);
        }
        int count = shape[0];
        int channels;
        int height;
        int width;
        boolean dense = shape.length == 2;
        if (shape.length == 4) {
            channels = shape[1];
            height = shape[2];
            width = shape[3];
        } else {
            int inputs = (int) (expected / count);
            if (input != null && input.size() == inputs && input.isImage()) {
                channels = input.channels();
                height = input.height();
                width = input.width();
            } else {
                int side = (int) Math.round(Math.sqrt(inputs));
                channels = 1;
                height = side * side == inputs ? side : 1;
                width = side * side == inputs ? side : inputs;
            }
        }
        int plane = height * width;
        int per = channels * plane;
        int shown = Math.min(count, maxKernels);
        boolean colour = channels == 3;
        List<KernelImage> images = new ArrayList<>(shown);
        for (int k = 0; k < shown; k++) {
            float[] w;
            if (channels == 1 || colour) {
                w = java.util.Arrays.copyOfRange(values, k * per, (k + 1) * per);
            } else {
                // Neither grey nor RGB: the mean over channels still shows the spatial pattern.
                w = new float[plane];
                for (int c = 0; c < channels; c++) {
                    for (int p = 0; p < plane; p++) {
                        w[p] += values[k * per + c * plane + p] / channels;
                    }
                }
            }
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (float v : w) {
                if (Float.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            images.add(
                    new KernelImage(
                            k,
                            colour ? 3 : 1,
                            height,
                            width,
                            scale(w, min, max),
                            w,
                            min == Float.POSITIVE_INFINITY ? 0 : min,
                            max == Float.NEGATIVE_INFINITY ? 0 : max));
        }
        return new FilterGrid(
                images, count, caption(dense, count, shown, channels, height, width), dense);
    }

    /** Levels 0–255 of {@code w}: min → 0, max → 255; all 128 when constant or non-finite. */
    static int[] scale(float[] w, float min, float max) {
        int[] levels = new int[w.length];
        double range = (double) max - min;
        for (int i = 0; i < w.length; i++) {
            levels[i] =
                    !(range > 0) || !Float.isFinite(w[i])
                            ? 128
                            : (int) Math.round((w[i] - min) / range * 255);
        }
        return levels;
    }

    private static String caption(
            boolean dense, int count, int shown, int channels, int height, int width) {
        String size = height + "×" + width;
        String ch =
                channels == 1
                        ? "1 channel"
                        : channels == 3
                                ? "3 channels (shown in colour)"
                                : channels + " channels (mean shown)";
        String text =
                dense
                        ? count + (count == 1 ? " unit" : " units") + ", each " + size + ", " + ch
                        : count + (count == 1 ? " filter" : " filters") + ", " + size + ", " + ch;
        return shown < count ? text + " — showing the first " + shown : text;
    }

    /** The images to draw; null before the first capture. */
    public ReadOnlyObjectProperty<FilterGrid> gridProperty() {
        return grid.getReadOnlyProperty();
    }

    public FilterGrid getGrid() {
        return grid.get();
    }

    /** E.g. "32 filters, 5×5, 1 channel". */
    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    /** E.g. "weights after epoch 2, batch 300". */
    public ReadOnlyStringProperty captureTextProperty() {
        return captureText.getReadOnlyProperty();
    }

    /** What the enlarged view shows, or a hint to click. */
    public ReadOnlyStringProperty selectedTextProperty() {
        return selectedText.getReadOnlyProperty();
    }

    /** The enlarged kernel (0-based), −1 for none. */
    public IntegerProperty selectedIndexProperty() {
        return selectedIndex;
    }
}
