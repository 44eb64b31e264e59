package org.dnw.ui.augment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.dnw.data.AugmentationSpec;
import org.dnw.data.Augmenter;
import org.dnw.data.ImageSamples;
import org.dnw.data.Samples;
import org.dnw.data.TableSamples;

/**
 * The augmentation panel's state: the settings ({@link #specProperty()}, one value per {@link
 * AugmentationControl}), whether augmentation is on, the training samples it previews on, and the
 * preview itself.
 *
 * <p>What training should use is {@link #effectiveSpecProperty()}: the settings when augmentation
 * is on and the data are images, else {@link AugmentationSpec#NONE}.
 *
 * <p>The preview is computed on the {@code background} executor and published on the {@code ui}
 * executor (the FX thread in the application, {@code Runnable::run} in tests). While one preview is
 * being computed, further requests replace each other: only the latest is computed next, so
 * dragging a slider never queues up work. Properties are read and written on the FX thread only.
 */
public final class AugmentationViewModel {

    /** Images in the preview strip. */
    public static final int PREVIEW_SIZE = 8;

    private final Executor background;
    private final Executor ui;
    private final ObjectProperty<AugmentationSpec> spec =
            new SimpleObjectProperty<>(this, "spec", AugmentationSpec.NONE);
    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled", false);
    private final ObjectProperty<Samples> samples = new SimpleObjectProperty<>(this, "samples");
    private final ReadOnlyObjectWrapper<AugmentationSpec> effectiveSpec =
            new ReadOnlyObjectWrapper<>(this, "effectiveSpec", AugmentationSpec.NONE);
    private final ReadOnlyObjectWrapper<AugmentationPreview> preview =
            new ReadOnlyObjectWrapper<>(this, "preview");
    private final ReadOnlyObjectWrapper<Status> status =
            new ReadOnlyObjectWrapper<>(this, "status", new Status(false, true, "", ""));

    private final AtomicReference<Request> pending = new AtomicReference<>();
    private final AtomicBoolean working = new AtomicBoolean();
    private AugmentationSpec offeredDefaults = AugmentationSpec.NONE;
    private long seed;
    private long requested;
    private long published;

    /** A panel with augmentation off, no data, and preview seed 1. */
    public AugmentationViewModel(Executor background, Executor ui) {
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.seed = 1;
        spec.addListener(
                (obs, was, now) -> {
                    if (now == null) {
                        spec.set(AugmentationSpec.NONE);
                        return;
                    }
                    update();
                });
        enabled.addListener((obs, was, now) -> update());
        samples.addListener((obs, was, now) -> update());
        update();
    }

    /**
     * The settings the sliders show; never null (null is read as {@link AugmentationSpec#NONE}).
     */
    public ObjectProperty<AugmentationSpec> specProperty() {
        return spec;
    }

    public AugmentationSpec getSpec() {
        return spec.get();
    }

    public void setSpec(AugmentationSpec value) {
        spec.set(value);
    }

    /** True when the training images are to be augmented. */
    public BooleanProperty enabledProperty() {
        return enabled;
    }

    /**
     * The training samples: images are previewed, a table makes the panel say that augmentation
     * applies to images only. Null for none.
     */
    public ObjectProperty<Samples> samplesProperty() {
        return samples;
    }

    public void setSamples(Samples value) {
        samples.set(value);
    }

    /**
     * What a training run should use: the settings when augmentation is on and the data are images
     * (or not chosen yet), else {@link AugmentationSpec#NONE}.
     */
    public ReadOnlyObjectProperty<AugmentationSpec> effectiveSpecProperty() {
        return effectiveSpec.getReadOnlyProperty();
    }

    public AugmentationSpec getEffectiveSpec() {
        return effectiveSpec.get();
    }

    /** The latest preview strip; null while there are no images. */
    public ReadOnlyObjectProperty<AugmentationPreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public AugmentationPreview getPreview() {
        return preview.get();
    }

    /** What the panel says about the data and the settings; changes with each of them. */
    public ReadOnlyObjectProperty<Status> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The value of one control in the settings. */
    public double value(AugmentationControl control) {
        return control.valueIn(spec.get());
    }

    /** Sets one control (clamped to its range): a slider moved. */
    public void set(AugmentationControl control, double value) {
        spec.set(control.apply(spec.get(), value));
    }

    /** Every augmentation back to off (probability 1); the on/off switch is left as it is. */
    public void reset() {
        spec.set(AugmentationSpec.NONE);
    }

    /**
     * Offers the defaults for a new network or data set ({@code TrainingDefaults}): taken — the
     * settings and the on/off switch — when the panel still shows the previous defaults (nothing
     * changed by hand since), else the user's settings stay.
     *
     * @return whether the defaults were taken
     */
    public boolean offerDefaults(AugmentationSpec defaults) {
        Objects.requireNonNull(defaults, "defaults");
        boolean untouched =
                spec.get().equals(offeredDefaults) && enabled.get() == offeredDefaults.isActive();
        offeredDefaults = defaults;
        if (untouched) {
            spec.set(defaults);
            enabled.set(defaults.isActive());
        }
        return untouched;
    }

    /** Other sample images and another random draw. */
    public void newSample() {
        seed = new SplittableRandom(seed).nextLong();
        requestPreview();
    }

    /** The seed of the current strip: it picks the images and the random augmentation. */
    public long seed() {
        return seed;
    }

    private void update() {
        Samples data = samples.get();
        boolean isTable = data instanceof TableSamples;
        effectiveSpec.set(enabled.get() && !isTable ? spec.get() : AugmentationSpec.NONE);
        String message;
        if (isTable) {
            message =
                    "Augmentation applies to images only: the chosen data set is a table, whose"
                            + " rows are used as they are.";
        } else if (data == null) {
            message = "Choose an image data set to preview the augmentation on its images.";
        } else if (data.size() == 0) {
            message = "The chosen data set has no training images to preview.";
        } else {
            message = "";
        }
        status.set(new Status(data instanceof ImageSamples, !isTable, message, describe()));
        requestPreview();
    }

    private String describe() {
        if (samples.get() instanceof TableSamples) {
            return "Off: tables are not augmented.";
        }
        AugmentationSpec s = spec.get();
        List<String> on = new ArrayList<>();
        add(on, s.maxShiftPixels() > 0, "shift");
        add(on, s.maxRotationDegrees() > 0, "rotation");
        add(on, s.brightnessDelta() > 0, "brightness");
        add(on, s.contrastDelta() > 0, "contrast");
        add(on, s.blurSigma() > 0, "blur");
        add(on, s.gaussianNoiseSigma() > 0, "noise");
        add(on, s.saltPepperShare() > 0, "salt & pepper");
        add(on, s.erasingProbability() > 0, "erasing");
        add(on, s.flipProbability() > 0, "mirror");
        if (!enabled.get()) {
            return "Off: the network trains on the images as they are.";
        }
        if (on.isEmpty() || s.probability() == 0) {
            return "On, but every augmentation is at 0: move a slider.";
        }
        String share =
                s.probability() >= 1
                        ? "every image"
                        : Math.round(s.probability() * 100) + " % of the images";
        return "On for "
                + share
                + ": "
                + String.join(", ", on)
                + (on.size() == 1 ? "." : " (in this order).");
    }

    private static void add(List<String> out, boolean on, String name) {
        if (on) {
            out.add(name);
        }
    }

    private record Request(long id, ImageSamples source, AugmentationSpec spec, long seed) {}

    private void requestPreview() {
        if (!(samples.get() instanceof ImageSamples source) || source.size() == 0) {
            requested++;
            published = requested;
            preview.set(null);
            return;
        }
        pending.set(new Request(++requested, source, effectiveSpec.get(), seed));
        if (working.compareAndSet(false, true)) {
            background.execute(this::drain);
        }
    }

    /** Computes the latest request until none is left; on the background executor. */
    private void drain() {
        while (true) {
            Request r = pending.getAndSet(null);
            if (r == null) {
                working.set(false);
                // A request may have come in between the last look and letting go.
                if (pending.get() == null || !working.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            AugmentationPreview result;
            try {
                result = compute(r);
            } catch (RuntimeException e) {
                String reason = e.getMessage() == null ? e.toString() : e.getMessage();
                ui.execute(
                        () ->
                                status.set(
                                        status.get()
                                                .withMessage(
                                                        "The preview could not be drawn: "
                                                                + reason
                                                                + ".")));
                continue;
            }
            ui.execute(() -> publish(r.id(), result));
        }
    }

    private void publish(long id, AugmentationPreview result) {
        // Results arrive in request order; an older one never replaces a newer one.
        if (id > published) {
            published = id;
            preview.set(result);
        }
    }

    /**
     * What the panel says.
     *
     * @param images true when the samples are images (the sliders apply)
     * @param applicable false when the data are a table, which augmentation does not apply to
     * @param message why there is no preview (table data, no data yet), as a sentence; empty when
     *     there is
     * @param summary e.g. "3 augmentations on: noise, rotation, erasing."
     */
    public record Status(boolean images, boolean applicable, String message, String summary) {

        Status withMessage(String newMessage) {
            return new Status(images, applicable, newMessage, summary);
        }
    }

    private static AugmentationPreview compute(Request r) {
        int[] indices = pick(r.source().size(), PREVIEW_SIZE, r.seed());
        ImageSamples originals = r.source().subset(indices);
        ImageSamples augmented = Augmenter.preview(r.source(), indices, r.spec(), r.seed());
        return new AugmentationPreview(originals, augmented, r.spec(), r.seed());
    }

    /** {@code count} distinct indices below {@code size} (all of them when fewer), seeded. */
    static int[] pick(int size, int count, long seed) {
        int n = Math.min(size, count);
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        int[] out = new int[n];
        java.util.Set<Integer> taken = new java.util.HashSet<>();
        for (int i = 0; i < n; ) {
            int candidate = random.nextInt(size);
            if (taken.add(candidate)) {
                out[i++] = candidate;
            }
        }
        return out;
    }
}
