package org.dnw.ui.filters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.Shape;
import org.dnw.store.RunLayers;
import org.dnw.train.LayerStatistics;
import org.dnw.train.ParameterValues;
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
                    this, "caption", "The layers' filters appear here once training starts.");
    private final ReadOnlyStringWrapper captureText =
            new ReadOnlyStringWrapper(this, "capture", "");
    private final ReadOnlyStringWrapper selectedText =
            new ReadOnlyStringWrapper(this, "selectedText", "");
    private final ReadOnlyStringWrapper explanation =
            new ReadOnlyStringWrapper(this, "explanation", "");
    private final IntegerProperty selectedIndex = new SimpleIntegerProperty(this, "selected", -1);
    private final ObservableList<LayerChoice> layers = FXCollections.observableArrayList();
    private final ObjectProperty<LayerChoice> chosenLayer =
            new SimpleObjectProperty<>(this, "chosenLayer");
    private final BooleanProperty meanOverChannels =
            new SimpleBooleanProperty(this, "meanOverChannels", false);
    private final ReadOnlyIntegerWrapper watchedLayer =
            new ReadOnlyIntegerWrapper(this, "watchedLayer", 0);
    private final LayerHealthViewModel health = new LayerHealthViewModel();

    /** The latest weights of each layer, by spec position, to show at once when chosen. */
    private final Map<Integer, Captured> latest = new HashMap<>();

    private Shape inputShape;
    private boolean live;
    private Executor io;
    private Executor fx;
    private long savedRequest;

    /** Weights as they came, and where from. */
    private record Captured(int[] shape, float[] values, String source) {}

    public FiltersViewModel() {
        selectedIndex.addListener((obs, was, now) -> describeSelection());
        chosenLayer.addListener((obs, was, now) -> layerChosen());
        meanOverChannels.addListener((obs, was, now) -> redraw());
    }

    /**
     * Lets a saved run's every layer (its {@code weights.npz}) and its layer health (its event log)
     * be read on {@code io} and shown on {@code fx}; without it only a saved run's first layer
     * shows.
     */
    public void setSavedRunReaders(Executor io, Executor fx) {
        this.io = io;
        this.fx = fx;
    }

    /** Applies one training event: a run start resets, a weight capture redraws. */
    public void accept(TrainingEvent event) {
        health.accept(event);
        if (event instanceof RunStarted e) {
            live = true;
            inputShape = e.spec().input();
            latest.clear();
            grid.set(null);
            selectedIndex.set(-1);
            setLayers(LayerChoice.of(e.spec()));
            caption.set("Waiting for the first weights of " + e.runName() + "…");
            captureText.set("");
        } else if (event instanceof WeightsCaptured e) {
            int position = e.layerPosition() > 0 ? e.layerPosition() : firstPosition();
            latest.put(
                    position,
                    new Captured(
                            e.shape(),
                            e.values(),
                            "weights after epoch " + e.epoch() + ", batch " + e.batch()));
            LayerChoice chosen = chosenLayer.get();
            if (chosen == null || chosen.position() == position || layers.isEmpty()) {
                redraw();
            }
        } else if (event instanceof TrainingEvent.RunFinished f) {
            live = false;
            // every layer's final weights came with the event: any layer can be chosen now
            if (f.parameters() != null) {
                for (ParameterValues p : f.parameters()) {
                    if (p.isWeight() && !layers.isEmpty()) {
                        latest.put(
                                ParameterValues.positionOf(p.name()),
                                new Captured(
                                        p.shape(), p.values(), "weights at the end of the run"));
                    }
                }
            }
            redraw();
        } else if (event.isTerminal()) {
            live = false;
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
        latest.put(0, new Captured(shape, values, ""));
        draw(shape, values, input, null);
    }

    /**
     * Shows the weights of a saved run's first layer, saying where they come from.
     *
     * @param source e.g. "weights of the saved run seed-cnn, after 5 epochs"
     */
    public void showSaved(String source, int[] shape, float[] values, Shape input) {
        live = false;
        latest.clear();
        health.show(List.of());
        String from = source == null ? "" : source;
        inputShape = input;
        latest.put(0, new Captured(shape, values, from));
        draw(shape, values, input, null);
        captureText.set(from);
    }

    /**
     * Offers every layer of a saved run: its spec names them, its {@code weights.npz} holds them
     * and its event log its layer health, both read in the background (see {@link
     * #setSavedRunReaders}); the first layer's weights, already shown, stay until they arrive.
     *
     * @param source e.g. "weights of the saved run seed-cnn after 5 epochs"
     */
    public void offerSavedLayers(Path folder, ModelSpec spec, String source) {
        live = false;
        setLayers(LayerChoice.of(spec));
        if (io == null || folder == null) {
            return;
        }
        long request = ++savedRequest;
        io.execute(
                () -> {
                    Map<Integer, ParameterValues> weights;
                    List<LayerStatistics> statistics;
                    try {
                        weights = RunLayers.weights(folder);
                        statistics = RunLayers.statistics(folder);
                    } catch (IOException | RuntimeException e) {
                        // the first layer still shows; the others say they cannot be read
                        weights = Map.of();
                        statistics = List.of();
                    }
                    Map<Integer, ParameterValues> w = weights;
                    List<LayerStatistics> st = statistics;
                    fx.execute(
                            () -> {
                                if (request != savedRequest || live) {
                                    return;
                                }
                                for (Map.Entry<Integer, ParameterValues> e : w.entrySet()) {
                                    latest.put(
                                            e.getKey(),
                                            new Captured(
                                                    e.getValue().shape(),
                                                    e.getValue().values(),
                                                    source == null ? "" : source));
                                }
                                health.show(st);
                                redraw();
                            });
                });
    }

    /** Shows no weights, the caption saying why (e.g. a saved run that recorded none). */
    public void clear(String why) {
        grid.set(null);
        selectedIndex.set(-1);
        caption.set(why == null ? "" : why);
        captureText.set("");
        explanation.set("");
        health.show(List.of());
        describeSelection();
    }

    private void setLayers(List<LayerChoice> choices) {
        LayerChoice was = chosenLayer.get();
        layers.setAll(choices);
        LayerChoice keep =
                was == null
                        ? null
                        : choices.stream()
                                .filter(
                                        c ->
                                                c.position() == was.position()
                                                        && c.kind().equals(was.kind()))
                                .findFirst()
                                .orElse(null);
        LayerChoice next = keep != null ? keep : choices.isEmpty() ? null : choices.get(0);
        if (next == chosenLayer.get()) {
            layerChosen();
        } else {
            chosenLayer.set(next);
        }
    }

    /** The position of the first weighted layer, 0 when the layers are not known. */
    private int firstPosition() {
        return layers.isEmpty() ? 0 : layers.get(0).position();
    }

    private void layerChosen() {
        LayerChoice c = chosenLayer.get();
        boolean first = c == null || c.position() == firstPosition();
        // the first layer is what every run captures anyway: 0 keeps it whole
        watchedLayer.set(first ? 0 : c.position());
        selectedIndex.set(-1);
        redraw();
    }

    private void redraw() {
        LayerChoice c = chosenLayer.get();
        int position = c == null ? firstPosition() : c.position();
        Captured captured = latest.get(position);
        if (captured == null && position == firstPosition()) {
            captured = latest.get(0); // shown before the layers were known
        }
        if (captured == null) {
            grid.set(null);
            caption.set(
                    c == null
                            ? caption.get()
                            : live
                                    ? "Waiting for the next weights of " + c.label() + "…"
                                    : "The weights of "
                                            + c.label()
                                            + " are not saved with this run.");
            explanation.set(c == null ? "" : explain(c, meanOverChannels.get()));
            describeSelection();
            return;
        }
        draw(captured.shape(), captured.values(), c == null ? inputShape : c.image(), c);
        if (!captured.source().isEmpty()) {
            captureText.set(captured.source());
        }
    }

    private void draw(int[] shape, float[] values, Shape input, LayerChoice choice) {
        if (choice != null && !fits(choice, shape)) {
            // weights of another network than the one the choices describe: drawn as they came
            choice = null;
            input = inputShape;
        }
        boolean mean = meanOverChannels.get();
        FilterGrid g =
                kernels(
                        shape,
                        values,
                        input,
                        MAX_KERNELS,
                        !mean,
                        choice == null ? shape[0] : choice.rows());
        grid.set(g);
        caption.set(g.caption());
        explanation.set(choice == null ? "" : explain(choice, mean));
        if (selectedIndex.get() >= g.kernels().size()) {
            selectedIndex.set(-1);
        }
        describeSelection();
    }

    /** True when {@code shape} is {@code c}'s weights, or their first rows. */
    private static boolean fits(LayerChoice c, int[] shape) {
        int[] w = c.weightShape();
        if (w.length != shape.length || shape.length == 0 || shape[0] > w[0]) {
            return false;
        }
        for (int i = 1; i < w.length; i++) {
            if (w[i] != shape[i]) {
                return false;
            }
        }
        return true;
    }

    /** What the grid shows, in plain words, for {@code c}. */
    static String explain(LayerChoice c, boolean mean) {
        if (c.isConvolution()) {
            int in = c.weightShape()[1];
            String size = c.weightShape()[2] + "×" + c.weightShape()[3];
            if (in == 1) {
                return "Each square is one filter: the "
                        + size
                        + " weights it slides over its input. Light is a large weight, dark a"
                        + " small one; each filter is scaled on its own.";
            }
            if (mean) {
                return "Each square is one filter's "
                        + size
                        + " weights averaged over its "
                        + in
                        + " input channels: the pattern its channels share. Untick \"Mean over"
                        + " input channels\" to see each channel.";
            }
            return "Each block is one filter. It looks at all "
                    + in
                    + (in == 3
                            ? " colour channels of the image, so it has one "
                            : " channels of the layer before it, so it has one ")
                    + size
                    + " grid of weights per input channel"
                    + (in == 3
                            ? ", drawn as one colour image (red, green, blue)."
                            : ", drawn side by side in rows of " + CHANNELS_PER_ROW + ".")
                    + " Light is a large weight, dark a small one; each filter is scaled on its"
                    + " own.";
        }
        if (c.image() != null) {
            return "Each image is one unit's weights over its input, drawn in the input's shape ("
                    + c.image().channels()
                    + "×"
                    + c.image().height()
                    + "×"
                    + c.image().width()
                    + "): light pixels raise the unit's value, dark ones lower it.";
        }
        return "Each strip is one unit's weights over its "
                + c.weightShape()[1]
                + " inputs: light raises the unit's value, dark lowers it.";
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
        return kernelsOf(shape, values, input, maxKernels, true, false);
    }

    /**
     * Like {@link #kernels(int[], float[], Shape, int)}, with a choice for filters of more than one
     * input channel (other than 3, drawn in colour unless averaged).
     *
     * @param sideBySide each filter's channels side by side, in rows of {@value #CHANNELS_PER_ROW},
     *     on one scale per filter; false for their mean (and 3 channels in colour only when side by
     *     side)
     * @param totalCount rows in the layer (the capture may hold only the first ones)
     */
    public static FilterGrid kernels(
            int[] shape,
            float[] values,
            Shape input,
            int maxKernels,
            boolean sideBySide,
            int totalCount) {
        FilterGrid grid = kernelsOf(shape, values, input, maxKernels, sideBySide, sideBySide);
        if (totalCount <= grid.totalCount()) {
            return grid;
        }
        String caption = grid.caption().replaceFirst("^\\d+", String.valueOf(totalCount));
        if (!caption.contains("showing the first")) {
            caption += " — showing the first " + grid.kernels().size();
        }
        return new FilterGrid(grid.kernels(), totalCount, caption, grid.dense());
    }

    /** Channels of one filter drawn on one row, side by side, before the next row starts. */
    public static final int CHANNELS_PER_ROW = 8;

    /** Grey level of the gaps between a filter's channels: the canvas's background. */
    static final int GAP_LEVEL = 244;

    /**
     * @param colour 3 channels as one RGB image (else their mean, like other channel counts)
     * @param sideBySide channels other than 1 and 3 side by side (else their mean)
     */
    private static FilterGrid kernelsOf(
            int[] shape,
            float[] values,
            Shape input,
            int maxKernels,
            boolean colourWanted,
            boolean sideBySide) {
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
        if (sideBySide && channels > 1 && channels != 3) {
            return sideBySide(values, count, shown, channels, height, width, dense);
        }
        boolean colour = channels == 3 && colourWanted;
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
                images,
                count,
                caption(dense, count, shown, channels, height, width, colour),
                dense);
    }

    /**
     * Each filter's channels side by side, in rows of {@value #CHANNELS_PER_ROW} with a one-pixel
     * gap, on one scale per filter (so its channels compare).
     */
    private static FilterGrid sideBySide(
            float[] values,
            int count,
            int shown,
            int channels,
            int height,
            int width,
            boolean dense) {
        int plane = height * width;
        int per = channels * plane;
        int across = Math.min(channels, CHANNELS_PER_ROW);
        int down = (channels + across - 1) / across;
        int w = across * width + across - 1;
        int h = down * height + down - 1;
        List<KernelImage> images = new ArrayList<>(shown);
        for (int k = 0; k < shown; k++) {
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (int i = k * per; i < (k + 1) * per; i++) {
                if (Float.isFinite(values[i])) {
                    min = Math.min(min, values[i]);
                    max = Math.max(max, values[i]);
                }
            }
            float[] weights = new float[w * h];
            java.util.Arrays.fill(weights, Float.NaN);
            for (int c = 0; c < channels; c++) {
                int x0 = (c % across) * (width + 1);
                int y0 = (c / across) * (height + 1);
                for (int y = 0; y < height; y++) {
                    System.arraycopy(
                            values,
                            k * per + c * plane + y * width,
                            weights,
                            (y0 + y) * w + x0,
                            width);
                }
            }
            int[] levels = scale(weights, min, max);
            for (int i = 0; i < weights.length; i++) {
                if (Float.isNaN(weights[i])) {
                    levels[i] = GAP_LEVEL;
                }
            }
            images.add(
                    new KernelImage(
                            k,
                            1,
                            h,
                            w,
                            levels,
                            weights,
                            min == Float.POSITIVE_INFINITY ? 0 : min,
                            max == Float.NEGATIVE_INFINITY ? 0 : max));
        }
        String size = height + "×" + width;
        String text =
                (dense
                                ? count + (count == 1 ? " unit" : " units") + ", each "
                                : count + (count == 1 ? " filter" : " filters") + ", ")
                        + channels
                        + " channels of "
                        + size
                        + " side by side";
        return new FilterGrid(
                images,
                count,
                shown < count ? text + " — showing the first " + shown : text,
                dense);
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
            boolean dense,
            int count,
            int shown,
            int channels,
            int height,
            int width,
            boolean colour) {
        String size = height + "×" + width;
        String ch =
                channels == 1
                        ? "1 channel"
                        : colour
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

    /** The weighted layers of the run shown, in order. */
    public ObservableList<LayerChoice> getLayers() {
        return layers;
    }

    /** The layer shown; the first weighted layer unless another is chosen. */
    public ObjectProperty<LayerChoice> chosenLayerProperty() {
        return chosenLayer;
    }

    /** Show each filter's channels averaged instead of side by side. */
    public BooleanProperty meanOverChannelsProperty() {
        return meanOverChannels;
    }

    /** A plain explanation of what the grid shows. */
    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    /**
     * The layer whose weights a running training should capture (1-based spec position; 0 for the
     * first weighted layer), for {@link org.dnw.train.TrainingRun#watchLayer}.
     */
    public ReadOnlyIntegerProperty watchedLayerProperty() {
        return watchedLayer.getReadOnlyProperty();
    }

    /** The layer health part. */
    public LayerHealthViewModel health() {
        return health;
    }
}
