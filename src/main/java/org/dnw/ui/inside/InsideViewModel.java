package org.dnw.ui.inside;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dnw.data.DigitPreprocessor;
import org.dnw.spec.Sentence;
import org.dnw.spec.Shape;
import org.dnw.store.SavedRun;
import org.dnw.train.LayerActivation;
import org.dnw.train.TrainedNetwork;
import org.dnw.train.TrainingEvent;
import org.dnw.ui.confusion.SampleImage;
import org.dnw.ui.confusion.SampleImages;
import org.dnw.ui.tryit.Picture;
import org.dnw.ui.tryit.PictureReader;

/**
 * The Inside tab's state: the chosen image, every layer's output for it, the shared-scale toggle
 * and the map clicked. The outputs come from the run training in the window (its {@link
 * TrainingEvent.ActivationsCaptured}, for the image handed to the run as its probe while the tab
 * shows) or, otherwise, from the saved network of the run last finished or opened, computed on the
 * background executor. Public methods are called on the FX thread.
 */
public final class InsideViewModel {

    /** Opens a saved run's network; the application does it through the store. */
    @FunctionalInterface
    public interface NetworkOpener {
        /**
         * @throws Exception with a sentence when the run's network cannot be loaded
         */
        TrainedNetwork open(SavedRun run) throws Exception;
    }

    /** A clicked map: index into {@link #layersProperty()} and the map's channel. */
    public record MapChoice(int layer, int map) {}

    static final String NO_NETWORK =
            "No network yet: train one (its layers follow the training here) or open a saved run.";

    private final NetworkOpener opener;
    private final Executor background;
    private final Executor ui;

    private final ReadOnlyObjectWrapper<InsideImage> image =
            new ReadOnlyObjectWrapper<>(this, "image");
    private final ReadOnlyObjectWrapper<List<LayerPicture>> layers =
            new ReadOnlyObjectWrapper<>(this, "layers", List.of());
    private final ReadOnlyObjectWrapper<MapChoice> selected =
            new ReadOnlyObjectWrapper<>(this, "selected");
    private final BooleanProperty sharedScale = new SimpleBooleanProperty(this, "sharedScale");
    private final BooleanProperty showing = new SimpleBooleanProperty(this, "showing");
    private final ReadOnlyStringWrapper source =
            new ReadOnlyStringWrapper(this, "source", NO_NETWORK);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ObservableList<String> classChoices = FXCollections.observableArrayList();
    private final IntegerProperty classFilter = new SimpleIntegerProperty(this, "classFilter", -1);

    private Consumer<float[]> probeSink = p -> {};
    private List<String> classNames = List.of();
    private SampleImages testImages = SampleImages.none();
    private int[] labels = new int[0];
    private int[] predicted;
    private TrainedNetwork network;
    private String networkName;
    private int requests;
    private int opening;
    private int computes;
    private boolean computing;
    private boolean dirty;
    private String liveRun;
    private Shape liveInput;
    private String datasetName = "";
    private final Random random;

    /**
     * @param opener opens a saved run's network; called on {@code background}
     * @param background one thread for opening, computing with and closing networks
     * @param ui applies results: the FX thread
     * @param random draws "a random mistake"
     */
    public InsideViewModel(NetworkOpener opener, Executor background, Executor ui, Random random) {
        this.opener = Objects.requireNonNull(opener, "opener");
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.random = Objects.requireNonNull(random, "random");
        classChoices.add("All classes");
        showing.addListener((obs, was, now) -> showingChanged());
    }

    /**
     * Where the probe goes: the training run's control. Called with the image's values while a run
     * trains here and the tab shows, with null otherwise (the run then computes nothing).
     */
    public void setProbeSink(Consumer<float[]> sink) {
        probeSink = Objects.requireNonNull(sink, "sink");
        updateProbe();
    }

    // ---- the test images

    /**
     * The test split the images are picked from.
     *
     * @param images by test index; {@link SampleImages#none()} when the images are not loaded
     * @param labels the true class of each test image
     */
    public void setTestSet(List<String> names, SampleImages images, int[] labels) {
        classNames = List.copyOf(names);
        testImages = images == null ? SampleImages.none() : images;
        this.labels = labels == null ? new int[0] : labels.clone();
        predicted = null;
        List<String> choices = new ArrayList<>();
        choices.add("All classes");
        choices.addAll(classNames);
        classFilter.set(-1);
        classChoices.setAll(choices);
        InsideImage now = image.get();
        if (now == null || now.testIndex() >= 0 || !fits(now)) {
            showTestImage(0);
        }
    }

    /** The network's prediction for each test image (for "a random mistake"); null for none. */
    public void setPredictions(int[] predictedClasses) {
        predicted =
                predictedClasses == null || predictedClasses.length != labels.length
                        ? null
                        : predictedClasses.clone();
        InsideImage now = image.get();
        if (now != null && now.testIndex() >= 0) {
            showTestImage(now.testIndex());
        }
    }

    /** Shows test image {@code index}; says so when there is none. */
    public void showTestImage(int index) {
        SampleImage s = index >= 0 && index < labels.length ? testImages.image(index) : null;
        if (s == null) {
            message.set(
                    labels.length == 0
                            ? "No test images yet: load a data set and train, or open a run."
                            : "The test images of this run are not loaded: load its data set to"
                                    + " browse them.");
            return;
        }
        showImage(
                InsideImage.of(
                        s.pixels(), s.channels(), s.height(), s.width(), caption(index), index));
    }

    /** The next test image (of the chosen class, when one is chosen). */
    public void next() {
        step(1);
    }

    /** The previous test image (of the chosen class, when one is chosen). */
    public void previous() {
        step(-1);
    }

    /** A test image the network got wrong, drawn at random. */
    public void randomMistake() {
        if (predicted == null) {
            message.set(
                    "The mistakes are known once the run has been evaluated on its test images:"
                            + " wait for the end of the training, or open a finished run.");
            return;
        }
        List<Integer> wrong = new ArrayList<>();
        int wanted = classFilter.get();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != predicted[i] && (wanted < 0 || labels[i] == wanted)) {
                wrong.add(i);
            }
        }
        if (wrong.isEmpty()) {
            message.set(
                    wanted < 0
                            ? "The network got every test image right."
                            : "The network got every test image of "
                                    + classNames.get(wanted)
                                    + " right.");
            return;
        }
        showTestImage(wrong.get(random.nextInt(wrong.size())));
    }

    private void step(int direction) {
        int n = labels.length;
        if (n == 0) {
            showTestImage(-1);
            return;
        }
        InsideImage now = image.get();
        int from = now == null || now.testIndex() < 0 ? (direction > 0 ? -1 : n) : now.testIndex();
        int wanted = classFilter.get();
        for (int k = 1; k <= n; k++) {
            int i = Math.floorMod(from + direction * k, n);
            if (wanted < 0 || labels[i] == wanted) {
                showTestImage(i);
                return;
            }
        }
        message.set("There is no test image of that class.");
    }

    private String caption(int index) {
        StringBuilder b = new StringBuilder("test image #").append(index);
        if (index < labels.length) {
            b.append(" — true ").append(name(labels[index]));
            if (predicted != null) {
                b.append(", predicted ").append(name(predicted[index]));
            }
        }
        return b.toString();
    }

    private String name(int c) {
        return c >= 0 && c < classNames.size() ? classNames.get(c) : "class " + c;
    }

    // ---- any image

    /** Shows the layers for {@code picture} (a drawing, a file, a gallery image). */
    public void showImage(InsideImage picture) {
        image.set(Objects.requireNonNull(picture, "picture"));
        selected.set(null);
        message.set(
                fits(picture)
                        ? ""
                        : "This image is "
                                + picture.channels()
                                + " × "
                                + picture.height()
                                + " × "
                                + picture.width()
                                + " but the network takes "
                                + inputShape()
                                + ": pick one of its test images.");
        if (liveRun != null) {
            layers.set(List.of());
            updateProbe();
        } else {
            refresh();
        }
    }

    /**
     * Reads {@code file} off the FX thread, prepares it as Try it prepares a picture for the
     * network's input, and shows its layers.
     */
    public void openImage(Path file) {
        Shape input = inputShape();
        if (input == null || !input.isImage()) {
            message.set("Train a network on images or open an image run first, then open a file.");
            return;
        }
        String dataset = datasetName;
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        message.set("Opening " + name + " …");
        background.execute(
                () -> {
                    float[] x = null;
                    String error = null;
                    try {
                        Picture p = PictureReader.read(file);
                        x =
                                DigitPreprocessor.networkInput(
                                        p.argb(), p.width(), p.height(), input, dataset);
                        if (x == null) {
                            error = name + " is blank: there is nothing to show.";
                        }
                    } catch (IOException e) {
                        error = Sentence.of(e);
                    }
                    float[] values = x;
                    String why = error;
                    ui.execute(
                            () -> {
                                if (values == null) {
                                    message.set(why);
                                } else {
                                    showImage(
                                            new InsideImage(
                                                    values,
                                                    input.channels(),
                                                    input.height(),
                                                    input.width(),
                                                    name + ", as the network sees it",
                                                    -1));
                                }
                            });
                });
    }

    // ---- the network

    /** Uses the saved network of {@code run} from now on (when no run trains here). */
    public void useRun(SavedRun run) {
        int mine = ++requests;
        opening++;
        String name = run.manifest().runName();
        List<String> names = run.classNames();
        datasetName = run.manifest().dataset().name();
        background.execute(
                () -> {
                    TrainedNetwork opened = null;
                    String error = null;
                    try {
                        opened = opener.open(run);
                    } catch (Exception e) {
                        error = Sentence.of(e);
                    }
                    TrainedNetwork result = opened;
                    String why = error;
                    ui.execute(() -> opened(mine, name, names, result, why));
                });
    }

    private void opened(
            int mine, String name, List<String> names, TrainedNetwork opened, String error) {
        opening--;
        if (mine != requests) {
            closeLater(opened);
            return;
        }
        closeLater(network);
        network = opened;
        networkName = name;
        if (classNames.isEmpty()) {
            classNames = names == null ? List.of() : List.copyOf(names);
        }
        if (opened == null) {
            source.set("The network of " + name + " cannot be shown: " + error);
            layers.set(List.of());
            return;
        }
        if (liveRun == null) {
            source.set("Saved run " + name);
            refresh();
        }
    }

    /** Follows the run training here; FX thread, from the window's event pump. */
    public void accept(TrainingEvent event) {
        if (event instanceof TrainingEvent.RunStarted s) {
            liveRun = s.runName();
            liveInput = s.spec().input();
            datasetName = s.datasetName();
            layers.set(List.of());
            source.set("Live: " + s.runName() + " — the layers show after its next batch");
            updateProbe();
        } else if (event instanceof TrainingEvent.ActivationsCaptured a) {
            InsideImage now = image.get();
            if (liveRun != null && now != null && a.input() == now.values()) {
                layers.set(pictures(a.layers()));
                source.set(
                        "Live: " + a.runName() + ", epoch " + a.epoch() + ", batch " + a.batch());
            }
        } else if (event.isTerminal()) {
            if (event instanceof TrainingEvent.RunFinished f && f.test() != null) {
                setPredictions(f.test().predicted());
            }
            liveRun = null;
            updateProbe();
            source.set(
                    network == null
                            ? "The run " + event.runName() + " has ended."
                            : "Saved run " + networkName);
            refresh();
        }
    }

    /**
     * True when nothing is on its way: no network opening, no layers being computed, and while a
     * run trains and the tab shows a fitting image, its layers have arrived (for screenshots).
     */
    public boolean isSettled() {
        InsideImage now = image.get();
        boolean waitingLive =
                liveRun != null
                        && showing.get()
                        && now != null
                        && fits(now)
                        && layers.get().isEmpty();
        return opening == 0 && !computing && !waitingLive;
    }

    /** True while a run trains here and its layers are followed live. */
    public boolean isLive() {
        return liveRun != null;
    }

    /** Frees the network; the window is closing. */
    public void dispose() {
        requests++;
        closeLater(network);
        network = null;
    }

    private void showingChanged() {
        updateProbe();
        if (showing.get() && dirty) {
            refresh();
        }
    }

    private void updateProbe() {
        InsideImage now = image.get();
        probeSink.accept(
                liveRun != null && showing.get() && now != null && fits(now) ? now.values() : null);
    }

    /** Computes the layers from the saved network, when the tab shows; else later. */
    private void refresh() {
        if (liveRun != null) {
            return;
        }
        InsideImage now = image.get();
        TrainedNetwork net = network;
        if (now == null || net == null) {
            layers.set(List.of());
            if (net == null && liveRun == null && networkName == null) {
                source.set(NO_NETWORK);
            }
            return;
        }
        if (!fits(now)) {
            layers.set(List.of());
            return;
        }
        if (!showing.get()) {
            dirty = true;
            return;
        }
        dirty = false;
        computing = true;
        int mine = ++computes;
        background.execute(
                () -> {
                    List<LayerActivation> out = null;
                    String error = null;
                    try {
                        out = net.activations(now.values());
                    } catch (RuntimeException e) {
                        error = Sentence.of(e);
                    }
                    List<LayerActivation> result = out;
                    String why = error;
                    ui.execute(
                            () -> {
                                if (mine != computes) {
                                    return;
                                }
                                computing = false;
                                if (liveRun != null) {
                                    return;
                                }
                                if (result == null) {
                                    layers.set(List.of());
                                    message.set(why);
                                } else {
                                    layers.set(pictures(result));
                                }
                            });
                });
    }

    private List<LayerPicture> pictures(List<LayerActivation> activations) {
        List<LayerPicture> out = new ArrayList<>(activations.size());
        for (LayerActivation a : activations) {
            out.add(LayerPicture.of(a, classNames));
        }
        MapChoice s = selected.get();
        if (s != null && (s.layer() >= out.size() || s.map() >= out.get(s.layer()).maps())) {
            selected.set(null);
        }
        return List.copyOf(out);
    }

    private Shape inputShape() {
        if (liveRun != null && liveInput != null) {
            return liveInput;
        }
        return network == null ? null : network.spec().input();
    }

    private boolean fits(InsideImage picture) {
        Shape input = inputShape();
        return input == null
                || (long) picture.channels() * picture.height() * picture.width() == input.size();
    }

    private void closeLater(TrainedNetwork n) {
        if (n != null) {
            background.execute(n::close);
        }
    }

    /** Selects map {@code map} of layer {@code layer} (an index into the layers), or none. */
    public void select(int layer, int map) {
        List<LayerPicture> all = layers.get();
        if (layer < 0 || layer >= all.size() || map < 0 || map >= all.get(layer).maps()) {
            selected.set(null);
        } else if (all.get(layer).kind() == LayerPicture.Kind.MAPS) {
            selected.set(new MapChoice(layer, map));
        }
    }

    // ---- properties

    public ReadOnlyObjectProperty<InsideImage> imageProperty() {
        return image.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<LayerPicture>> layersProperty() {
        return layers.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MapChoice> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** Every map of a layer on the same grey scale instead of each on its own. */
    public BooleanProperty sharedScaleProperty() {
        return sharedScale;
    }

    /** Bound by the window to "the Inside tab is selected". */
    public BooleanProperty showingProperty() {
        return showing;
    }

    /** Where the layers come from, in words. */
    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    /** A sentence about the last action that could not be done, or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** "All classes" and the class names, for the class picker. */
    public ObservableList<String> classChoices() {
        return FXCollections.unmodifiableObservableList(classChoices);
    }

    /** The class browsed by next and previous, −1 for all. */
    public IntegerProperty classFilterProperty() {
        return classFilter;
    }
}
