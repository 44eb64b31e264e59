package org.dnw.ui.tryit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dnw.data.DigitPreprocessor;
import org.dnw.data.DigitPreprocessor.Mode;
import org.dnw.data.DigitPreprocessor.Prepared;
import org.dnw.spec.Sentence;
import org.dnw.spec.Shape;
import org.dnw.store.SavedRun;
import org.dnw.ui.common.DialogService;
import org.dnw.ui.why.WhyViewModel;

/**
 * State of the Try-it tab: the strokes drawn on the pad (or an opened picture), the input prepared
 * from them as the network sees it, and the network's class probabilities, best first.
 *
 * <p>Every change of the drawing asks for a prediction. Preparing and predicting run on the {@code
 * background} executor — which must run one task at a time, since predictions and the closing of a
 * replaced classifier must not overlap — and the results are applied on the {@code ui} executor
 * (the FX thread; {@code Runnable::run} in tests). At most one prediction is in flight; requests
 * made meanwhile collapse into one that starts, with the latest drawing, when it returns. Results
 * made before a Clear, a new picture or a new network are dropped.
 *
 * <p>The public methods are called on the FX thread.
 */
public final class TryItViewModel {

    /** Side of the drawing pad in pad units; mouse positions are given in these. */
    public static final double PAD_SIZE = 280;

    /** The pen's width in pad units: MNIST strokes are about a tenth of the digit's height. */
    public static final double PEN_WIDTH = 22;

    /** Side in pixels of the pad's picture prepared for the network (it is shrunk to 20 anyway). */
    static final int RASTER = 140;

    /** The pen moves at least this far (pad units) before a point is added. */
    static final double MIN_STEP = 1.5;

    /** The input the preview shows while no network is loaded. */
    static final Shape DEFAULT_INPUT = Shape.image(1, 28, 28);

    static final String NO_NETWORK = "Train a network or open a saved run first.";

    private final ClassifierFactory factory;
    private final DialogService dialogs;
    private final Executor background;
    private final Executor ui;
    private final WhyViewModel why;

    private final ObservableList<Stroke> strokes = FXCollections.observableArrayList();
    private final ObservableList<Stroke> strokesView =
            FXCollections.unmodifiableObservableList(strokes);
    private final ReadOnlyObjectWrapper<Picture> picture =
            new ReadOnlyObjectWrapper<>(this, "picture");
    private final ReadOnlyObjectWrapper<Classifier> classifier =
            new ReadOnlyObjectWrapper<>(this, "classifier");
    private final ReadOnlyObjectWrapper<Prepared> prepared =
            new ReadOnlyObjectWrapper<>(this, "prepared");
    private final ObservableList<ClassProbability> predictions =
            FXCollections.observableArrayList();
    private final ObservableList<ClassProbability> predictionsView =
            FXCollections.unmodifiableObservableList(predictions);
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper placeholder =
            new ReadOnlyStringWrapper(this, "placeholder", NO_NETWORK);
    private final ReadOnlyObjectWrapper<NetworkDescription> network =
            new ReadOnlyObjectWrapper<>(
                    this, "network", new NetworkDescription("No network loaded yet.", "", ""));
    private final ReadOnlyBooleanWrapper blank = new ReadOnlyBooleanWrapper(this, "blank", true);
    private final ReadOnlyBooleanWrapper loading =
            new ReadOnlyBooleanWrapper(this, "loading", false);

    private Consumer<Prepared> onShowInside = p -> {};
    private boolean penDown;
    private int resets;
    private boolean inFlight;
    private boolean pending;
    private int networkRequests;
    private int predictionsMade;

    /**
     * @param factory makes a classifier from a saved run ({@link #useRun}); called on {@code
     *     background}
     * @param dialogs for the open-image dialog and errors
     * @param background a single thread for preparing, predicting and closing classifiers
     * @param ui applies results: the FX thread
     */
    public TryItViewModel(
            ClassifierFactory factory, DialogService dialogs, Executor background, Executor ui) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
        // the same single thread as the predictions: a network is used one call at a time
        this.why = new WhyViewModel(background, ui);
        showBlank();
        describeNetwork();
    }

    /** What "Show inside" does with the input the network sees (the window: the Inside tab). */
    public void setOnShowInside(Consumer<Prepared> action) {
        onShowInside = Objects.requireNonNull(action, "action");
    }

    /** Hands the input the network sees now to {@link #setOnShowInside}; nothing when blank. */
    public void showInside() {
        Prepared p = prepared.get();
        if (p != null && !p.blank()) {
            onShowInside.accept(p);
        }
    }

    // ---- the network

    /**
     * Uses {@code c} from now on (null: none), re-predicting what is drawn; the one it replaces is
     * closed on the background executor.
     */
    public void setClassifier(Classifier c) {
        networkRequests++;
        loading.set(false);
        replaceClassifier(c);
    }

    /**
     * Loads the network of {@code run} through the factory, off the FX thread, and uses it; the
     * latest call wins. While it loads the current network stays in use.
     */
    public void useRun(SavedRun run) {
        Objects.requireNonNull(run, "run");
        int request = ++networkRequests;
        String name = run.manifest().runName();
        loading.set(true);
        message.set("Loading the network of " + name + "…");
        if (classifier.get() == null) {
            placeholder.set("Loading the network of " + name + "…");
        }
        execute(
                () -> {
                    Classifier made;
                    try {
                        made = factory.open(run);
                    } catch (Exception e) {
                        String why = Sentence.of(e);
                        ui.execute(() -> networkFailed(request, name, why));
                        return;
                    }
                    ui.execute(() -> networkLoaded(request, made));
                });
    }

    private void networkLoaded(int request, Classifier made) {
        if (request != networkRequests) {
            closeLater(made);
            return;
        }
        loading.set(false);
        message.set("");
        replaceClassifier(made);
    }

    private void networkFailed(int request, String name, String why) {
        if (request != networkRequests) {
            return;
        }
        loading.set(false);
        replaceClassifier(null);
        placeholder.set("The network of " + name + " could not be loaded: " + why);
    }

    private void replaceClassifier(Classifier c) {
        Classifier old = classifier.get();
        classifier.set(c);
        if (old != null && old != c) {
            closeLater(old);
        }
        resets++;
        describeNetwork();
        predictions.clear();
        headline.set("");
        requestPrediction();
    }

    /** Closes the network in use (when the window closes). */
    public void dispose() {
        networkRequests++;
        Classifier old = classifier.get();
        classifier.set(null);
        closeLater(old);
    }

    private void closeLater(Classifier c) {
        if (c == null) {
            return;
        }
        execute(
                () -> {
                    try {
                        c.close();
                    } catch (RuntimeException ignored) {
                        // a network that fails to free itself has nothing left to show
                    }
                });
    }

    private void describeNetwork() {
        Classifier c = classifier.get();
        Shape input = inputShape();
        Mode mode = mode();
        String text;
        if (c == null) {
            placeholder.set(NO_NETWORK);
            text = "No network loaded yet.";
        } else if (!usable(c)) {
            placeholder.set(
                    "This network reads "
                            + c.inputShape().size()
                            + " numbers, not a picture: Try it needs a network trained on images.");
            text = "Using " + c.description() + ".";
        } else {
            placeholder.set("");
            text = "Using " + c.description() + " · " + c.classNames().size() + " classes.";
        }
        String caption =
                mode == Mode.CENTRE_DIGIT
                        ? input
                                + " grey levels: the ink scaled into a 20-pixel box and centred"
                                + " by its mass, as MNIST's digits were."
                        : input
                                + (input.channels() == 3 ? " colour" : " grey")
                                + " levels: the picture resized to "
                                + input.height()
                                + " × "
                                + input.width()
                                + " pixels.";
        network.set(
                new NetworkDescription(
                        text,
                        caption,
                        mode == Mode.CENTRE_DIGIT
                                ? "Draw a digit here with the mouse"
                                : "Draw here, or drop an image file"));
    }

    private static boolean usable(Classifier c) {
        Shape s = c.inputShape();
        return s != null && s.isImage() && s.isValid();
    }

    private Shape inputShape() {
        Classifier c = classifier.get();
        return c != null && usable(c) ? c.inputShape() : DEFAULT_INPUT;
    }

    private Mode mode() {
        Classifier c = classifier.get();
        return c != null && usable(c) ? c.preprocessing() : Mode.CENTRE_DIGIT;
    }

    // ---- drawing

    /**
     * The pen touches the pad at ({@code x}, {@code y}), in pad units; a drawing replaces a
     * picture.
     */
    public void beginStroke(double x, double y) {
        if (picture.get() != null) {
            picture.set(null);
            resets++;
        }
        penDown = true;
        strokes.add(Stroke.at(clamp(x), clamp(y)));
        requestPrediction();
    }

    /** The pen moves to ({@code x}, {@code y}); starts a stroke when none is being drawn. */
    public void extendStroke(double x, double y) {
        if (!penDown || strokes.isEmpty()) {
            beginStroke(x, y);
            return;
        }
        Stroke s = strokes.get(strokes.size() - 1);
        double cx = clamp(x);
        double cy = clamp(y);
        if (Math.hypot(cx - s.lastX(), cy - s.lastY()) < MIN_STEP) {
            return;
        }
        strokes.set(strokes.size() - 1, s.to(cx, cy));
        requestPrediction();
    }

    /** The pen leaves the pad. */
    public void endStroke() {
        penDown = false;
    }

    /** Clears the pad and the picture. */
    public void clear() {
        penDown = false;
        strokes.clear();
        picture.set(null);
        resets++;
        showBlank();
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(PAD_SIZE, v));
    }

    // ---- pictures

    /** True for the files {@link #openImage(Path)} reads (by their name). */
    public static boolean canOpen(Path file) {
        return file != null && PictureReader.looksLikeImage(file);
    }

    /** Asks for an image file and opens it. */
    public void openImage() {
        dialogs.chooseFileToOpen(
                        "Open an image", "Images (PNG, JPEG, GIF, BMP)", PictureReader.EXTENSIONS)
                .ifPresent(this::openImage);
    }

    /** Reads {@code file} off the FX thread and classifies it instead of the drawing. */
    public void openImage(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        message.set("Opening " + name + "…");
        execute(
                () -> {
                    try {
                        Picture p = PictureReader.read(file);
                        ui.execute(() -> showPicture(p));
                    } catch (IOException e) {
                        String why = Sentence.of(e);
                        ui.execute(
                                () -> {
                                    message.set(why);
                                    dialogs.showError("Cannot open the image", why);
                                });
                    }
                });
    }

    /** Classifies {@code p} instead of the drawing. */
    public void showPicture(Picture p) {
        penDown = false;
        strokes.clear();
        picture.set(Objects.requireNonNull(p, "picture"));
        resets++;
        message.set("");
        requestPrediction();
    }

    // ---- predicting

    private record Input(List<Stroke> strokes, Picture picture) {}

    private record Outcome(Prepared prepared, float[] probabilities, String error) {}

    private void requestPrediction() {
        if (inFlight) {
            pending = true;
            return;
        }
        pending = false;
        if (strokes.isEmpty() && picture.get() == null) {
            showBlank();
            return;
        }
        int reset = resets;
        Input input = new Input(List.copyOf(strokes), picture.get());
        Classifier c = classifier.get();
        Classifier use = c != null && usable(c) ? c : null;
        Shape shape = inputShape();
        Mode mode = mode();
        inFlight = true;
        boolean started =
                execute(
                        () -> {
                            Outcome o;
                            try {
                                o = compute(input, use, shape, mode);
                            } catch (Exception e) {
                                o = new Outcome(null, null, Sentence.of(e));
                            }
                            Outcome done = o;
                            ui.execute(() -> finish(reset, use, done));
                        });
        if (!started) {
            inFlight = false;
        }
    }

    private static Outcome compute(Input input, Classifier c, Shape shape, Mode mode)
            throws Exception {
        Prepared p;
        if (input.picture() != null) {
            Picture pic = input.picture();
            p = DigitPreprocessor.prepare(pic.argb(), pic.width(), pic.height(), shape, mode);
        } else {
            int[] grey = StrokeRaster.render(input.strokes(), PAD_SIZE, RASTER, PEN_WIDTH);
            p = DigitPreprocessor.prepareGrey(grey, RASTER, RASTER, shape, mode);
        }
        if (p.blank() || c == null) {
            return new Outcome(p, null, null);
        }
        float[] probabilities = c.probabilities(p.pixels());
        int classes = c.classNames().size();
        if (probabilities == null || probabilities.length != classes) {
            return new Outcome(
                    p,
                    null,
                    "The network gave "
                            + (probabilities == null ? "no" : probabilities.length)
                            + " probabilities for its "
                            + classes
                            + " classes.");
        }
        return new Outcome(p, probabilities, null);
    }

    private void finish(int reset, Classifier used, Outcome o) {
        inFlight = false;
        if (reset == resets) {
            apply(used, o);
        }
        if (pending) {
            requestPrediction();
        }
    }

    private void apply(Classifier used, Outcome o) {
        if (o.error() != null) {
            why.clear();
            message.set("The network could not classify the picture: " + o.error());
            predictions.clear();
            headline.set("");
            return;
        }
        prepared.set(o.prepared());
        blank.set(o.prepared().blank());
        if (o.prepared().blank()) {
            why.clear();
            predictions.clear();
            headline.set("");
            message.set(blankMessage());
            return;
        }
        message.set("");
        if (used == null || o.probabilities() == null) {
            why.clear();
            predictions.clear();
            headline.set("");
            return;
        }
        predictionsMade++;
        List<String> names = used.classNames();
        float[] p = o.probabilities();
        List<ClassProbability> bars = new ArrayList<>(p.length);
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        for (int i = 0; i < p.length; i++) {
            double v = Float.isFinite(p[i]) ? Math.max(0, Math.min(1, p[i])) : 0;
            bars.add(new ClassProbability(i, names.get(i), v, i == best));
        }
        bars.sort(
                Comparator.comparingDouble(ClassProbability::probability)
                        .reversed()
                        .thenComparingInt(ClassProbability::classIndex));
        predictions.setAll(bars);
        explain(used, o.prepared(), best);
        ClassProbability top = bars.get(0);
        headline.set(
                String.format(
                        Locale.ROOT, "%s  ·  %.1f %%", top.className(), 100 * top.probability()));
    }

    /** The "Why?" part for the picture just classified, its predicted class first. */
    private void explain(Classifier used, Prepared p, int predicted) {
        if (pending) {
            return; // a newer drawing is about to be classified; explain that one
        }
        byte[] pixels = p.pixels();
        float[] image = new float[pixels.length];
        for (int i = 0; i < image.length; i++) {
            image[i] = (pixels[i] & 0xFF) / 255f;
        }
        why.show(k -> used.explain(pixels, k), p.shape(), image, used.classNames(), predicted);
    }

    private void showBlank() {
        why.clear();
        Shape s = inputShape();
        prepared.set(
                new Prepared(
                        s.channels(),
                        s.height(),
                        s.width(),
                        new byte[(int) s.size()],
                        true,
                        false));
        blank.set(true);
        predictions.clear();
        headline.set("");
        message.set(blankMessage());
    }

    private String blankMessage() {
        return mode() == Mode.CENTRE_DIGIT
                ? "Draw a digit in the black square."
                : "Draw in the black square, or open an image.";
    }

    private boolean execute(Runnable task) {
        try {
            background.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            // the window is closing: nothing more to compute
            return false;
        }
    }

    // ---- properties

    /** The "Why?" part: saliency and Grad-CAM of the picture classified. */
    public WhyViewModel why() {
        return why;
    }

    /** The strokes on the pad, oldest first; the last grows while the pen is down. */
    public ObservableList<Stroke> strokes() {
        return strokesView;
    }

    /** The opened picture, shown on the pad instead of strokes; null while drawing. */
    public ReadOnlyObjectProperty<Picture> pictureProperty() {
        return picture.getReadOnlyProperty();
    }

    /** The network in use; null when none. */
    public ReadOnlyObjectProperty<Classifier> classifierProperty() {
        return classifier.getReadOnlyProperty();
    }

    /** The input as the network sees it (all zeros while blank). */
    public ReadOnlyObjectProperty<Prepared> preparedProperty() {
        return prepared.getReadOnlyProperty();
    }

    public Prepared getPrepared() {
        return prepared.get();
    }

    /** Every class with its probability, most probable first; empty without a prediction. */
    public ObservableList<ClassProbability> predictions() {
        return predictionsView;
    }

    /** E.g. "7 · 98.2 %"; empty without a prediction. */
    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** What to do next or what went wrong, e.g. "Draw a digit in the black square."; or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Shown instead of the chart when there is no usable network; empty when there is one. */
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    /** Which network is in use and how its input is drawn; changes with the network. */
    public ReadOnlyObjectProperty<NetworkDescription> networkProperty() {
        return network.getReadOnlyProperty();
    }

    /** True while nothing is drawn (or the drawing holds no ink). */
    public ReadOnlyBooleanProperty blankProperty() {
        return blank.getReadOnlyProperty();
    }

    /** True while a run's network is being loaded. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /**
     * The network in use, in words.
     *
     * @param text which network is in use, e.g. "Using seed-cnn trained on MNIST · 10 classes."
     * @param inputCaption how the input is prepared, under the preview
     * @param padHint the hint written on the empty pad
     */
    public record NetworkDescription(String text, String inputCaption, String padHint) {}

    /** Predictions applied so far (for tests and the showcase). */
    int predictionsMade() {
        return predictionsMade;
    }
}
