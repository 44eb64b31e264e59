package org.dnw.ui.hyperparams;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.dnw.spec.ActivationSpec;
import org.dnw.spec.BatchNormSpec;
import org.dnw.spec.Conv2dSpec;
import org.dnw.spec.DenseSpec;
import org.dnw.spec.DropoutSpec;
import org.dnw.spec.FlattenSpec;
import org.dnw.spec.LayerSpec;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.OutputSpec;
import org.dnw.spec.Pool2dSpec;
import org.dnw.train.EngineKind;
import org.dnw.train.Hyperparameters;
import org.dnw.train.LossKind;
import org.dnw.train.OptimizerKind;
import org.dnw.train.ScheduleKind;
import org.dnw.train.TrainingDefaults;

/**
 * State of the hyperparameters panel. {@link #hyperparametersProperty()} always holds a valid
 * record: every setter clamps to the panel's ranges. The engine is chosen here too; the
 * from-scratch engine is offered only when {@link #setScratchEngineCheck its check} accepts the
 * network, and it forces plain SGD with a fixed or per-epoch-decay rate (what it can do).
 *
 * <p>While {@link #lockedProperty() locked} (a run is training) the user setters do nothing; {@link
 * #setFrom} still works. FX thread only.
 */
public final class HyperparametersViewModel {

    public static final double MIN_LEARNING_RATE = 1e-5;
    public static final double MAX_LEARNING_RATE = 1;
    public static final double MIN_WEIGHT_DECAY = 1e-6;
    public static final double MAX_WEIGHT_DECAY = 1e-1;

    /** Used when weight decay is switched on and had no value yet. */
    public static final double DEFAULT_WEIGHT_DECAY = 1e-4;

    public static final double MIN_DECAY_RATE = 1e-3;
    public static final double MAX_DECAY_RATE = 1;
    public static final int MIN_BATCH_SIZE = 1;
    public static final int MAX_BATCH_SIZE = 1024;
    public static final int MIN_EPOCHS = 1;
    public static final int MAX_EPOCHS = 100;
    public static final int MIN_STEP_EPOCHS = 1;
    public static final int MAX_STEP_EPOCHS = 100;
    public static final double MAX_VALIDATION_SHARE = 0.5;
    public static final int MAX_PATIENCE = 20;

    private final LongSupplier newSeeds;
    private final ReadOnlyObjectWrapper<Hyperparameters> hyperparameters =
            new ReadOnlyObjectWrapper<>(
                    this, "hyperparameters", TrainingDefaults.forPreset(null, null));
    private final ReadOnlyObjectWrapper<EngineKind> engine =
            new ReadOnlyObjectWrapper<>(this, "engine", EngineKind.DJL);
    private final ObjectProperty<ModelSpec> network = new SimpleObjectProperty<>(this, "network");
    private final ReadOnlyStringWrapper scratchReason =
            new ReadOnlyStringWrapper(this, "scratchReason", "");
    private final ReadOnlyStringWrapper engineNote =
            new ReadOnlyStringWrapper(this, "engineNote", "");
    private final StringProperty deviceText = new SimpleStringProperty(this, "deviceText", "CPU");
    private final BooleanProperty locked = new SimpleBooleanProperty(this, "locked");
    private final javafx.beans.binding.BooleanBinding patienceAvailable =
            javafx.beans.binding.Bindings.createBooleanBinding(
                    () -> hyperparameters.get().validationShare() > 0, hyperparameters);

    private final ObjectProperty<String> dataset = new SimpleObjectProperty<>(this, "dataset");
    private final ReadOnlyStringWrapper defaultsNote =
            new ReadOnlyStringWrapper(this, "defaultsNote", "");
    private boolean followsDefaults = true;

    private Predicate<ModelSpec> scratchCheck = HyperparametersViewModel::onlyDenseLayers;
    private double lastWeightDecay = DEFAULT_WEIGHT_DECAY;

    /** The optimizer and schedule before the scratch engine forced its own, to give them back. */
    private OptimizerKind optimizerBeforeScratch;

    private ScheduleKind scheduleBeforeScratch;

    /** Seeds from "New seed" are random numbers below one million. */
    public HyperparametersViewModel() {
        this(() -> ThreadLocalRandom.current().nextLong(1, 1_000_000));
    }

    /**
     * @param newSeeds where "New seed" takes its seeds (a fixed sequence in tests)
     */
    public HyperparametersViewModel(LongSupplier newSeeds) {
        this.newSeeds = Objects.requireNonNull(newSeeds, "newSeeds");
        network.addListener(
                (obs, old, now) -> {
                    updateScratchAllowed();
                    if (old == null || now == null || !Objects.equals(old.name(), now.name())) {
                        followDefaults();
                    }
                });
        dataset.addListener((obs, old, now) -> followDefaults());
        updateDefaultsNote();
        updateScratchAllowed();
    }

    // ---- outputs

    /**
     * The hyperparameters the controls show; never null, always within the panel's ranges. Bind
     * e.g. the Data tab's split sizes to its validation share.
     */
    public ReadOnlyObjectProperty<Hyperparameters> hyperparametersProperty() {
        return hyperparameters.getReadOnlyProperty();
    }

    public Hyperparameters getHyperparameters() {
        return hyperparameters.get();
    }

    /** The chosen engine; back to PyTorch when the network no longer suits the scratch engine. */
    public ReadOnlyObjectProperty<EngineKind> engineProperty() {
        return engine.getReadOnlyProperty();
    }

    /**
     * Why the from-scratch engine cannot train the network, as a sentence; empty exactly when it
     * can, so that the engine is offered.
     */
    public ReadOnlyStringProperty scratchEngineReasonProperty() {
        return scratchReason.getReadOnlyProperty();
    }

    /** What the chosen engine changes about the other settings; empty for PyTorch. */
    public ReadOnlyStringProperty engineNoteProperty() {
        return engineNote.getReadOnlyProperty();
    }

    /** True when the optimizer can be chosen (not with the from-scratch engine: plain SGD). */
    public boolean isOptimizerChoosable() {
        return engine.get() != EngineKind.SCRATCH;
    }

    /** The schedules the chosen engine can follow. */
    public List<ScheduleKind> allowedSchedules() {
        return engine.get() == EngineKind.SCRATCH
                ? List.of(ScheduleKind.FIXED, ScheduleKind.DECAY)
                : List.of(ScheduleKind.values());
    }

    // ---- inputs from the window

    /** The network being edited (bind it to the architecture editor's spec). */
    public ObjectProperty<ModelSpec> networkProperty() {
        return network;
    }

    /**
     * Says whether the from-scratch engine can train a network (the engine's own rule). By default:
     * only flatten, dense, activation and output layers.
     */
    public void setScratchEngineCheck(Predicate<ModelSpec> canUseScratch) {
        scratchCheck =
                canUseScratch == null ? HyperparametersViewModel::onlyDenseLayers : canUseScratch;
        updateScratchAllowed();
    }

    /** The read-only device line, e.g. "CPU (2 threads)" or "GPU 0: NVIDIA H200". */
    public StringProperty deviceTextProperty() {
        return deviceText;
    }

    /** True while a run trains: the controls are disabled and the user setters do nothing. */
    public BooleanProperty lockedProperty() {
        return locked;
    }

    public void setLocked(boolean value) {
        locked.set(value);
    }

    public boolean isLocked() {
        return locked.get();
    }

    // ---- user edits (ignored while locked)

    public void setOptimizer(OptimizerKind value) {
        if (!locked.get() && value != null && isOptimizerChoosable()) {
            edit(hyperparameters.get().withOptimizer(value));
        }
    }

    /** Clamped to 1e-5 – 1. */
    public void setLearningRate(double value) {
        if (!locked.get() && !Double.isNaN(value)) {
            edit(hyperparameters.get().withLearningRate(clampLearningRate(value)));
        }
    }

    /** Ignored for a schedule the chosen engine cannot follow. */
    public void setSchedule(ScheduleKind value) {
        if (!locked.get() && value != null && allowedSchedules().contains(value)) {
            edit(hyperparameters.get().withSchedule(value));
        }
    }

    /** Epochs between two ×0.1 steps of the step schedule, clamped to 1–100. */
    public void setStepEpochs(int value) {
        if (!locked.get()) {
            edit(
                    hyperparameters
                            .get()
                            .withStepEpochs(clamp(value, MIN_STEP_EPOCHS, MAX_STEP_EPOCHS)));
        }
    }

    /** The per-epoch decay of the decay schedule, clamped to 0.001–1. */
    public void setDecayRate(double value) {
        if (!locked.get() && !Double.isNaN(value)) {
            edit(hyperparameters.get().withDecayRate(clampDecayRate(value)));
        }
    }

    /** Off: weight decay 0; on: the last value used (1e-4 at first). */
    public void setWeightDecayEnabled(boolean on) {
        if (locked.get() || on == (hyperparameters.get().weightDecay() > 0)) {
            return;
        }
        edit(hyperparameters.get().withWeightDecay(on ? lastWeightDecay : 0));
    }

    /** 0 (or less) switches weight decay off; other values are clamped to 1e-6 – 0.1. */
    public void setWeightDecay(double value) {
        if (!locked.get() && !Double.isNaN(value)) {
            edit(hyperparameters.get().withWeightDecay(clampWeightDecay(value)));
        }
    }

    /** Clamped to 1–1024. */
    public void setBatchSize(int value) {
        if (!locked.get()) {
            edit(hyperparameters.get().withBatchSize(clamp(value, MIN_BATCH_SIZE, MAX_BATCH_SIZE)));
        }
    }

    /** Clamped to 1–100. */
    public void setEpochCount(int value) {
        if (!locked.get()) {
            edit(hyperparameters.get().withEpochCount(clamp(value, MIN_EPOCHS, MAX_EPOCHS)));
        }
    }

    /**
     * Share of the training data held out, clamped to 0–0.5. At 0 there is no validation loss to
     * stop on, so early stopping goes off too.
     */
    public void setValidationShare(double value) {
        if (!locked.get() && !Double.isNaN(value)) {
            double share = clampShare(value);
            Hyperparameters h = hyperparameters.get().withValidationShare(share);
            edit(share > 0 ? h : h.withPatience(0));
        }
    }

    /**
     * Early stopping: stop after this many epochs without a better validation loss and keep the
     * best epoch's parameters; clamped to 0 (off) – {@value #MAX_PATIENCE}. Stays 0 without a
     * validation set (see {@link #patienceAvailableProperty()}).
     */
    public void setPatience(int value) {
        if (!locked.get()) {
            Hyperparameters h = hyperparameters.get();
            edit(h.withPatience(h.validationShare() > 0 ? clamp(value, 0, MAX_PATIENCE) : 0));
        }
    }

    /** True when there is a validation set, so that early stopping can be switched on. */
    public javafx.beans.binding.BooleanBinding patienceAvailableProperty() {
        return patienceAvailable;
    }

    public void setSeed(long value) {
        if (!locked.get()) {
            keepSeed(value);
        }
    }

    /** Draws a new seed (different from the current one). */
    public void newSeed() {
        if (locked.get()) {
            return;
        }
        long seed = newSeeds.getAsLong();
        for (int tries = 0; seed == hyperparameters.get().seed() && tries < 10; tries++) {
            seed = newSeeds.getAsLong();
        }
        edit(hyperparameters.get().withSeed(seed));
    }

    public void setLoss(LossKind value) {
        if (!locked.get() && value != null) {
            edit(hyperparameters.get().withLoss(value));
        }
    }

    /** Chooses the engine; the from-scratch engine only when the network suits it. */
    public void setEngine(EngineKind value) {
        if (!locked.get() && value != null) {
            applyEngine(value);
        }
    }

    /** Back to the defaults for the network shown ({@link TrainingDefaults}) and PyTorch. */
    public void resetToDefaults() {
        if (locked.get()) {
            return;
        }
        lastWeightDecay = DEFAULT_WEIGHT_DECAY;
        applyEngine(EngineKind.DJL);
        optimizerBeforeScratch = null;
        scheduleBeforeScratch = null;
        followsDefaults = true;
        update(defaultsHere().withSeed(Hyperparameters.defaults().seed()));
        updateDefaultsNote();
    }

    /**
     * The data set the panel's defaults are for: a catalog name ("mnist", "cifar10") or another
     * data set's name; null when none is loaded. While the panel shows defaults (nothing edited
     * since the start or since "Reset to defaults"), a new data set or a new network brings the
     * defaults for that pair ({@link TrainingDefaults}); once the user has changed a value, theirs
     * stay.
     */
    public ObjectProperty<String> datasetProperty() {
        return dataset;
    }

    /** Whether the panel shows the defaults for its network and data set (nothing edited). */
    public boolean followsDefaults() {
        return followsDefaults;
    }

    /** One line saying whose defaults the panel shows, or that the values are the user's. */
    public ReadOnlyStringProperty defaultsNoteProperty() {
        return defaultsNote.getReadOnlyProperty();
    }

    /** The defaults for the network and data set shown, keeping the seed shown. */
    private Hyperparameters defaultsHere() {
        ModelSpec shown = network.get();
        return TrainingDefaults.forPreset(shown == null ? null : shown.name(), dataset.get())
                .withSeed(hyperparameters.get().seed());
    }

    /** A new network or data set: bring its defaults if the panel is still on defaults. */
    private void followDefaults() {
        if (followsDefaults && !locked.get()) {
            update(defaultsHere());
        }
        updateDefaultsNote();
    }

    private void updateDefaultsNote() {
        if (!followsDefaults) {
            defaultsNote.set("Your settings — \"Reset to defaults\" brings back the defaults.");
            return;
        }
        ModelSpec shown = network.get();
        defaultsNote.set(
                TrainingDefaults.describe(shown == null ? null : shown.name(), dataset.get()));
    }

    /** A user's change of a value: from now on the panel keeps the user's values. */
    private void edit(Hyperparameters h) {
        if (!h.equals(hyperparameters.get()) && followsDefaults) {
            followsDefaults = false;
            updateDefaultsNote();
        }
        update(h);
    }

    /** A new seed is not a change of the defaults: the panel still follows them. */
    private void keepSeed(long seed) {
        update(hyperparameters.get().withSeed(seed));
    }

    // ---- programmatic

    /**
     * Shows a saved configuration ("train again"), clamped to the panel's ranges; the engine stays.
     * Works while locked.
     */
    public void setFrom(Hyperparameters values) {
        setFrom(values, engine.get());
    }

    /** Shows a saved configuration and engine, clamped; works while locked. */
    public void setFrom(Hyperparameters values, EngineKind engineKind) {
        Objects.requireNonNull(values, "values");
        Hyperparameters h =
                new Hyperparameters(
                        values.optimizer() == null ? OptimizerKind.ADAM : values.optimizer(),
                        clampLearningRate(values.learningRate()),
                        values.schedule() == null ? ScheduleKind.FIXED : values.schedule(),
                        clamp(values.stepEpochs(), MIN_STEP_EPOCHS, MAX_STEP_EPOCHS),
                        clampDecayRate(values.decayRate()),
                        clampWeightDecay(values.weightDecay()),
                        clamp(values.batchSize(), MIN_BATCH_SIZE, MAX_BATCH_SIZE),
                        clamp(values.epochCount(), MIN_EPOCHS, MAX_EPOCHS),
                        clampShare(values.validationShare()),
                        values.seed(),
                        values.loss() == null ? LossKind.CROSS_ENTROPY : values.loss(),
                        values.validationShare() > 0
                                ? clamp(values.patience(), 0, MAX_PATIENCE)
                                : 0);
        followsDefaults = false;
        updateDefaultsNote();
        // Start from PyTorch so that the scratch engine, if wanted, records what it overrides.
        engine.set(EngineKind.DJL);
        optimizerBeforeScratch = null;
        scheduleBeforeScratch = null;
        update(h);
        applyEngine(engineKind == null ? EngineKind.DJL : engineKind);
    }

    // ---- internals

    private void update(Hyperparameters h) {
        if (engine.get() == EngineKind.SCRATCH) {
            h = scratchCompatible(h);
        }
        if (h.weightDecay() > 0) {
            lastWeightDecay = h.weightDecay();
        }
        hyperparameters.set(h);
    }

    private void applyEngine(EngineKind wanted) {
        EngineKind chosen =
                wanted == EngineKind.SCRATCH && !scratchReason.get().isEmpty()
                        ? EngineKind.DJL
                        : wanted;
        EngineKind was = engine.get();
        if (chosen == was) {
            updateEngineNote();
            return;
        }
        Hyperparameters h = hyperparameters.get();
        engine.set(chosen);
        if (chosen == EngineKind.SCRATCH) {
            optimizerBeforeScratch = h.optimizer();
            scheduleBeforeScratch = h.schedule();
            update(h);
        } else {
            // Give back what the scratch engine took, unless it would still be SGD anyway.
            if (optimizerBeforeScratch != null && h.optimizer() == OptimizerKind.SGD) {
                h = h.withOptimizer(optimizerBeforeScratch);
            }
            if (scheduleBeforeScratch != null
                    && h.schedule() == ScheduleKind.FIXED
                    && scheduleBeforeScratch != ScheduleKind.DECAY) {
                h = h.withSchedule(scheduleBeforeScratch);
            }
            optimizerBeforeScratch = null;
            scheduleBeforeScratch = null;
            update(h);
        }
        updateEngineNote();
    }

    private static Hyperparameters scratchCompatible(Hyperparameters h) {
        Hyperparameters out = h.withOptimizer(OptimizerKind.SGD);
        if (out.schedule() != ScheduleKind.FIXED && out.schedule() != ScheduleKind.DECAY) {
            out = out.withSchedule(ScheduleKind.FIXED);
        }
        return out;
    }

    private void updateEngineNote() {
        engineNote.set(
                engine.get() == EngineKind.SCRATCH
                        ? "The from-scratch engine uses plain SGD with a fixed rate or per-epoch"
                                + " decay, on the CPU."
                        : "");
    }

    private void updateScratchAllowed() {
        ModelSpec spec = network.get();
        boolean ok;
        try {
            ok = spec != null && scratchCheck.test(spec);
        } catch (RuntimeException e) {
            ok = false;
        }
        scratchReason.set(ok ? "" : scratchReason(spec));
        if (!ok && engine.get() == EngineKind.SCRATCH) {
            applyEngine(EngineKind.DJL);
            engineNote.set("Switched back to PyTorch (DJL): " + lowerFirst(scratchReason.get()));
        }
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    /** The default rule of {@link EngineKind#SCRATCH}: only dense layers, activations, output. */
    static boolean onlyDenseLayers(ModelSpec spec) {
        return spec.layers().stream()
                .allMatch(
                        l ->
                                l instanceof DenseSpec
                                        || l instanceof ActivationSpec
                                        || l instanceof OutputSpec
                                        || l instanceof FlattenSpec);
    }

    static String scratchReason(ModelSpec spec) {
        if (spec == null) {
            return "Build a network first.";
        }
        Set<String> kinds = new LinkedHashSet<>();
        for (LayerSpec layer : spec.layers()) {
            if (layer instanceof Conv2dSpec) {
                kinds.add("convolution");
            } else if (layer instanceof Pool2dSpec) {
                kinds.add("pooling");
            } else if (layer instanceof DropoutSpec) {
                kinds.add("dropout");
            } else if (layer instanceof BatchNormSpec) {
                kinds.add("batch normalisation");
            }
        }
        String base =
                "The from-scratch engine trains only dense layers, activations and the output";
        if (kinds.isEmpty()) {
            return base + "; it cannot train this network.";
        }
        List<String> list = new ArrayList<>(kinds);
        String joined =
                list.size() == 1
                        ? list.get(0)
                        : String.join(", ", list.subList(0, list.size() - 1))
                                + " and "
                                + list.get(list.size() - 1);
        return base + "; this network has " + joined + " layers.";
    }

    static double clampLearningRate(double v) {
        return Double.isNaN(v)
                ? MIN_LEARNING_RATE
                : Math.max(MIN_LEARNING_RATE, Math.min(MAX_LEARNING_RATE, v));
    }

    static double clampDecayRate(double v) {
        return Double.isNaN(v)
                ? MIN_DECAY_RATE
                : Math.max(MIN_DECAY_RATE, Math.min(MAX_DECAY_RATE, v));
    }

    static double clampWeightDecay(double v) {
        if (Double.isNaN(v) || v <= 0) {
            return 0;
        }
        return Math.max(MIN_WEIGHT_DECAY, Math.min(MAX_WEIGHT_DECAY, v));
    }

    static double clampShare(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(MAX_VALIDATION_SHARE, v));
    }

    private static int clamp(int v, int min, int max) {
        return Math.max(min, Math.min(max, v));
    }
}
