package org.dnw.ui.why;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dnw.figures.HeatMapOverlay;
import org.dnw.spec.Sentence;
import org.dnw.spec.Shape;
import org.dnw.train.InputSaliency;

/**
 * The "Why?" part: for one image and the network that classified it, the saliency map and Grad-CAM
 * of a chosen class (the predicted one first), drawn over the image off the FX thread. The latest
 * request wins; the public methods are called on the FX thread.
 */
public final class WhyViewModel {

    /** Explains one fixed image for a class; runs on the background executor. */
    @FunctionalInterface
    public interface Explainer {
        /**
         * @throws Exception when the network cannot say; its message is shown as a sentence
         */
        InputSaliency explain(int classIndex) throws Exception;
    }

    /** A picture to show: {@code width × height} ARGB pixels, row-major. */
    public record Overlay(int width, int height, int[] argb) {}

    private final Executor background;
    private final Executor ui;
    private final ObservableList<String> classes = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper chosen = new ReadOnlyIntegerWrapper(this, "chosen", -1);
    private final ReadOnlyObjectWrapper<Overlay> saliency = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Overlay> gradCam = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);

    private Explainer explainer;
    private Shape input;
    private float[] image;
    private int predicted = -1;
    private int requests;

    /**
     * @param background where the network runs: the same single thread as the view's other calls to
     *     that network, so that they stay one at a time
     * @param ui applies results: the FX thread
     */
    public WhyViewModel(Executor background, Executor ui) {
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    /**
     * Explains {@code image} as the network classified it: first the predicted class.
     *
     * @param image the network's input, {@code input.size()} values in [0, 1], channel-first
     * @param classNames index = class
     * @param predictedClass the network's answer
     */
    public void show(
            Explainer explainer,
            Shape input,
            float[] image,
            List<String> classNames,
            int predictedClass) {
        this.explainer = Objects.requireNonNull(explainer, "explainer");
        this.input = input;
        this.image = image.clone();
        this.predicted = predictedClass;
        if (!classes.equals(classNames)) {
            classes.setAll(classNames);
        }
        choose(predictedClass);
    }

    /** Explains the class {@code k} of the image shown ("why not 3?"). */
    public void choose(int k) {
        if (explainer == null || k < 0 || k >= classes.size()) {
            return;
        }
        int request = ++requests;
        chosen.set(k);
        String name = classes.get(k);
        String said = classes.get(predicted);
        title.set(
                k == predicted
                        ? "Why did it say " + said + "?"
                        : "Why not " + name + "? (it said " + said + ")");
        busy.set(true);
        Explainer e = explainer;
        Shape shape = input;
        float[] picture = image;
        try {
            background.execute(
                    () -> {
                        Overlay s = null;
                        Overlay g = null;
                        String text;
                        String error = "";
                        try {
                            InputSaliency why = e.explain(k);
                            s =
                                    new Overlay(
                                            shape.width(),
                                            shape.height(),
                                            HeatMapOverlay.argb(shape, picture, why.saliencyMap()));
                            if (why.gradCamMap().isPresent()) {
                                g =
                                        new Overlay(
                                                shape.width(),
                                                shape.height(),
                                                HeatMapOverlay.argb(
                                                        shape, picture, why.gradCamMap().get()));
                            }
                            text = caption(name, why);
                        } catch (Exception ex) {
                            text = "";
                            error = Sentence.of(ex);
                        }
                        Overlay sal = s;
                        Overlay cam = g;
                        String captionText = text;
                        String errorText = error;
                        ui.execute(() -> apply(request, sal, cam, captionText, errorText));
                    });
        } catch (RejectedExecutionException ex) {
            busy.set(false); // the window is closing
        }
    }

    private void apply(int request, Overlay s, Overlay g, String text, String error) {
        if (request != requests) {
            return;
        }
        busy.set(false);
        saliency.set(s);
        gradCam.set(g);
        caption.set(text);
        message.set(error);
    }

    /** Nothing to explain (a blank pad, no network). */
    public void clear() {
        requests++;
        explainer = null;
        image = null;
        chosen.set(-1);
        saliency.set(null);
        gradCam.set(null);
        title.set("");
        caption.set("");
        message.set("");
        busy.set(false);
    }

    /** What the colours mean, in plain words. */
    static String caption(String name, InputSaliency why) {
        String saliencyText =
                "Left: the pixels where a small change would move the score for "
                        + name
                        + " the most (yellow most, purple less, uncoloured hardly at all).";
        String camText =
                why.gradCamMap().isPresent()
                        ? " Right (Grad-CAM): the regions whose features in the last convolution"
                                + " layer pushed the answer towards "
                                + name
                                + "; uncoloured regions did not push towards it (none coloured:"
                                + " nothing did)."
                        : " " + why.gradCamAbsence() + ".";
        return saliencyText + camText;
    }

    public ObservableList<String> classes() {
        return classes;
    }

    /** The class explained, −1 for none. */
    public ReadOnlyIntegerProperty chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Overlay> saliencyProperty() {
        return saliency.getReadOnlyProperty();
    }

    /** Null when the network has no convolution layer (the caption says so). */
    public ReadOnlyObjectProperty<Overlay> gradCamProperty() {
        return gradCam.getReadOnlyProperty();
    }

    /** "Why did it say 5?" or "Why not 3? (it said 5)"; empty with nothing to explain. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    /** A sentence when the network could not explain itself; else empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
