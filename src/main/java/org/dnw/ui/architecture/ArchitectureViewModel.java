package org.dnw.ui.architecture;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dnw.spec.LayerShape;
import org.dnw.spec.LayerSpec;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.NetworkAnalysis;
import org.dnw.spec.OutputSpec;
import org.dnw.spec.Problem;
import org.dnw.ui.common.CommandStack;
import org.dnw.ui.common.Quantities;

/**
 * The architecture editor's state and actions: the network being edited, its analysis, one {@link
 * LayerCardViewModel} per layer, the selection, undo/redo, and whether the network can be trained.
 *
 * <p>Every edit goes through a command on the {@link CommandStack}, so each can be undone. Edits of
 * one field of one layer merge until {@link #endEdit()}, so a slider drag is a single undo step. FX
 * thread only (or a test thread); no toolkit is needed.
 *
 * <p>Hooks for the rest of the window: {@link #specProperty()} (the current network), {@link
 * #trainableProperty()}, {@link #busyProperty()} (set true while a run is active), {@link
 * #setOnTrain(Consumer)} (what the Train button does), {@link #batchSizeProperty()} (for the memory
 * estimate).
 */
public final class ArchitectureViewModel {

    private final CommandStack<ModelSpec> history;
    private final ObservableList<LayerCardViewModel> cards = FXCollections.observableArrayList();
    private final ObservableList<LayerCardViewModel> readOnlyCards =
            FXCollections.unmodifiableObservableList(cards);
    private final ReadOnlyBooleanWrapper trainable = new ReadOnlyBooleanWrapper(this, "trainable");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final BooleanBinding trainEnabled;
    private final ReadOnlyIntegerWrapper selectedIndex =
            new ReadOnlyIntegerWrapper(this, "selectedIndex", -1);
    private final IntegerProperty batchSize = new SimpleIntegerProperty(this, "batchSize", 64);
    private final ReadOnlyObjectWrapper<Summary> summary =
            new ReadOnlyObjectWrapper<>(this, "summary", new Summary("", "", ""));
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper(this, "verdict", "");
    private final ReadOnlyStringWrapper networkProblem =
            new ReadOnlyStringWrapper(this, "networkProblem", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final StringProperty activity = new SimpleStringProperty(this, "activity", "");
    private NetworkAnalysis analysis;
    private String readiness = "";
    private Consumer<ModelSpec> onTrain = spec -> {};
    private UnaryOperator<ModelSpec> fit = UnaryOperator.identity();

    public ArchitectureViewModel(ModelSpec initial) {
        history = new CommandStack<>(Objects.requireNonNull(initial));
        history.stateProperty().addListener((obs, old, now) -> refresh());
        batchSize.addListener((obs, old, now) -> refreshSummary());
        trainEnabled = trainable.and(busy.not());
        activity.addListener((obs, old, now) -> showVerdict());
        refresh();
    }

    // ---- state -------------------------------------------------------------------------------

    public ModelSpec getSpec() {
        return history.getState();
    }

    /** The network being edited; changes with every edit, undo and redo. */
    public ReadOnlyObjectProperty<ModelSpec> specProperty() {
        return history.stateProperty();
    }

    /** One card per layer, input first; the list only grows or shrinks at its end. */
    public ObservableList<LayerCardViewModel> cards() {
        return readOnlyCards;
    }

    /** True when the network has no error and can be built and trained. */
    public ReadOnlyBooleanProperty trainableProperty() {
        return trainable.getReadOnlyProperty();
    }

    public boolean isTrainable() {
        return trainable.get();
    }

    /** Set true while a training run is active: Train is then disabled. */
    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Trainable and not busy: what the Train button's enabled state follows. */
    public BooleanBinding trainEnabledBinding() {
        return trainEnabled;
    }

    /** Batch size used for the memory estimate; bind it to the hyperparameters. */
    public IntegerProperty batchSizeProperty() {
        return batchSize;
    }

    /** Selected layer (0-based), or -1 when none. */
    public ReadOnlyIntegerProperty selectedIndexProperty() {
        return selectedIndex.getReadOnlyProperty();
    }

    public int getSelectedIndex() {
        return selectedIndex.get();
    }

    /** The network's input shape, sizes and memory estimate; changes with edits and batch size. */
    public ReadOnlyObjectProperty<Summary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /**
     * What is happening to the network: the {@linkplain #activityProperty() activity} while a run
     * is active, otherwise "Ready to train" or "Cannot train — …" with the first error's sentence.
     */
    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /**
     * What a run is doing with the network, e.g. "Training epoch 2 of 5…", "Paused at epoch 2";
     * empty when no run is active. Shown instead of "Ready to train"; the window binds it to the
     * training panel.
     */
    public StringProperty activityProperty() {
        return activity;
    }

    /** Problems of the network as a whole (not of one layer), one per line; "" when none. */
    public ReadOnlyStringProperty networkProblemProperty() {
        return networkProblem.getReadOnlyProperty();
    }

    /** The latest thing the editor did, for the status bar, e.g. "Undid kernel size of layer 1". */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /**
     * Whether Undo and Redo apply, and their texts, e.g. "Undo kernel size of layer 1" ({@link
     * CommandStack.Steps#undoText()}).
     */
    public ReadOnlyObjectProperty<CommandStack.Steps> undoRedoProperty() {
        return history.stepsProperty();
    }

    /** Number of steps that can be undone. */
    public int undoCount() {
        return history.undoCount();
    }

    // ---- whole network -----------------------------------------------------------------------

    /**
     * Fits the network to the data it will train on ({@code fit}, e.g. {@code spec ->
     * spec.adaptTo(shape, classes)}), now and for every network loaded later. Choosing a data set
     * is not an edit of the network, so it makes no undo step; and the history is not cleared but
     * rewritten: a user who changed a kernel and then chose CIFAR-10 expects Undo to take back the
     * kernel change, on the network that fits CIFAR-10, and no undo or redo may reach a network
     * that cannot train on the chosen data.
     */
    public void fitTo(UnaryOperator<ModelSpec> fit) {
        this.fit = Objects.requireNonNull(fit);
        history.rebase(fit);
    }

    /** {@code spec} as this editor would show it: fitted to the chosen data set. */
    public ModelSpec fitted(ModelSpec spec) {
        return fit.apply(spec);
    }

    /**
     * Replaces the network as one undoable step (a preset or an opened file), fitted to the data.
     */
    public void load(ModelSpec spec, String description) {
        ModelSpec before = history.getState();
        if (history.execute(new SpecCommands.ReplaceSpec(before, fit.apply(spec), description))) {
            selectedIndex.set(-1);
            updateSelection();
        }
        message.set(capitalise(description));
    }

    /** Replaces the network (fitted to the data) and forgets the undo history. */
    public void reset(ModelSpec spec) {
        history.reset(fit.apply(spec));
        selectedIndex.set(-1);
        updateSelection();
    }

    // ---- layer edits -------------------------------------------------------------------------

    /**
     * Replaces the layer at {@code index}; successive edits of the same {@code field} of that layer
     * merge into one undo step until {@link #endEdit()}.
     *
     * @param field what changes, as a user reads it in "Undo …", e.g. "kernel size"
     */
    public void editLayer(int index, LayerSpec layer, String field) {
        checkIndex(index);
        LayerSpec before = getSpec().layers().get(index);
        if (history.execute(new SpecCommands.EditLayer(index, field, before, layer))) {
            select(index);
        }
    }

    /** Ends the current gesture: the next edit is a new undo step. */
    public void endEdit() {
        history.seal();
    }

    /** Inserts a new layer of {@code kind} at {@code index} (0-based; the size appends). */
    public void insertLayer(int index, LayerKind kind) {
        if (index < 0 || index > getSpec().layers().size()) {
            throw new IndexOutOfBoundsException("no position " + index + " to insert at");
        }
        LayerSpec layer = kind.newLayer(getSpec());
        history.execute(
                new SpecCommands.InsertLayer(
                        index, layer, "add " + kind.label() + " at position " + (index + 1)));
        select(index);
        message.set("Added " + kind.label() + " as layer " + (index + 1));
    }

    /**
     * Adds a layer where a user expects it: below the selected layer, or else before the output
     * layer (an output layer goes last).
     */
    public void addLayer(LayerKind kind) {
        List<LayerSpec> layers = getSpec().layers();
        int outputIndex =
                layers.isEmpty() || !(layers.get(layers.size() - 1) instanceof OutputSpec)
                        ? layers.size()
                        : layers.size() - 1;
        int at;
        if (kind == LayerKind.OUTPUT) {
            at = layers.size();
        } else if (selectedIndex.get() >= 0) {
            at = Math.min(selectedIndex.get() + 1, outputIndex);
        } else {
            at = outputIndex;
        }
        insertLayer(at, kind);
    }

    public void removeLayer(int index) {
        checkIndex(index);
        LayerSpec removed = getSpec().layers().get(index);
        history.execute(new SpecCommands.RemoveLayer(index, removed));
        int remaining = getSpec().layers().size();
        selectedIndex.set(remaining == 0 ? -1 : Math.min(index, remaining - 1));
        updateSelection();
        message.set("Removed layer " + (index + 1) + " (" + LayerKind.of(removed).label() + ")");
    }

    /** Inserts a copy of the layer at {@code index} right below it. */
    public void duplicateLayer(int index) {
        checkIndex(index);
        LayerSpec copy = getSpec().layers().get(index);
        history.execute(
                new SpecCommands.InsertLayer(index + 1, copy, "duplicate layer " + (index + 1)));
        select(index + 1);
        message.set("Duplicated layer " + (index + 1) + " as layer " + (index + 2));
    }

    /**
     * Moves the layer at {@code from} to position {@code to} (both 0-based); out of range: no-op.
     */
    public void moveLayer(int from, int to) {
        int size = getSpec().layers().size();
        if (from < 0 || from >= size || to < 0 || to >= size || from == to) {
            return;
        }
        history.execute(new SpecCommands.MoveLayer(from, to));
        select(to);
        message.set("Moved layer " + (from + 1) + " to position " + (to + 1));
    }

    /**
     * Moves the layer at {@code from} next to the card at {@code target}, as a drag and drop does:
     * above it, or below it when {@code below}.
     */
    public void dropLayer(int from, int target, boolean below) {
        int to = below ? target + 1 : target;
        if (from < to) {
            to--;
        }
        moveLayer(from, to);
    }

    public void removeSelected() {
        if (hasSelection()) {
            removeLayer(selectedIndex.get());
        }
    }

    public void duplicateSelected() {
        if (hasSelection()) {
            duplicateLayer(selectedIndex.get());
        }
    }

    public void moveSelectedUp() {
        if (hasSelection()) {
            moveLayer(selectedIndex.get(), selectedIndex.get() - 1);
        }
    }

    public void moveSelectedDown() {
        if (hasSelection()) {
            moveLayer(selectedIndex.get(), selectedIndex.get() + 1);
        }
    }

    /** Selects the layer at {@code index}, or nothing for -1. */
    public void select(int index) {
        selectedIndex.set(index >= 0 && index < getSpec().layers().size() ? index : -1);
        updateSelection();
    }

    public boolean hasSelection() {
        return selectedIndex.get() >= 0;
    }

    // ---- undo, redo, train -------------------------------------------------------------------

    public void undo() {
        String done = history.undo();
        if (done != null) {
            clampSelection();
            message.set("Undid " + done);
        }
    }

    public void redo() {
        String done = history.redo();
        if (done != null) {
            clampSelection();
            message.set("Redid " + done);
        }
    }

    /** What Train does; the workbench sets it. Receives the current, valid network. */
    public void setOnTrain(Consumer<ModelSpec> handler) {
        onTrain = handler == null ? spec -> {} : handler;
    }

    /** Hands the network to the Train hook when it can be trained; otherwise says why not. */
    public void train() {
        if (!trainEnabled.get()) {
            message.set(busy.get() ? "A run is already active" : readiness);
            return;
        }
        onTrain.accept(getSpec());
    }

    // ---- internals ---------------------------------------------------------------------------

    private void refresh() {
        ModelSpec spec = getSpec();
        NetworkAnalysis result = spec.analyse();
        analysis = result;
        List<LayerSpec> layers = spec.layers();
        while (cards.size() > layers.size()) {
            cards.remove(cards.size() - 1);
        }
        while (cards.size() < layers.size()) {
            cards.add(new LayerCardViewModel(this, cards.size()));
        }
        int firstError =
                result.errors().stream()
                        .mapToInt(Problem::position)
                        .filter(p -> p > 0)
                        .min()
                        .orElse(0);
        for (int i = 0; i < layers.size(); i++) {
            LayerShape shape = i < result.layers().size() ? result.layers().get(i) : null;
            cards.get(i)
                    .update(
                            layers.get(i),
                            shape,
                            result.problemsAt(i + 1),
                            layers.size(),
                            firstError);
        }
        networkProblem.set(
                result.problemsAt(0).stream()
                        .map(Problem::message)
                        .collect(Collectors.joining("\n")));
        trainable.set(result.isValid());
        readiness =
                result.isValid()
                        ? "Ready to train"
                        : "Cannot train — " + result.errors().get(0).message();
        showVerdict();
        refreshSummary();
        clampSelection();
    }

    private void showVerdict() {
        String doing = activity.get();
        verdict.set(doing == null || doing.isEmpty() ? readiness : doing);
    }

    private void refreshSummary() {
        NetworkAnalysis result = analysis;
        if (result == null) {
            return;
        }
        ModelSpec spec = getSpec();
        String input = spec.input() == null ? "?" : spec.input().toString();
        int inferred = result.layers().size();
        if (inferred < spec.layers().size()) {
            // Inference stopped at a broken layer: totals of the layers before it would mislead.
            summary.set(
                    new Summary(
                            input,
                            inferred == 0
                                    ? "Sizes unknown until layer 1 is fixed"
                                    : "Layers 1–"
                                            + inferred
                                            + ": "
                                            + Quantities.counted(
                                                    result.totalParameters(), "parameter")
                                            + "; the rest is unknown until layer "
                                            + (inferred + 1)
                                            + " is fixed",
                            "No memory estimate while the network is impossible"));
            return;
        }
        int batch = Math.max(1, batchSize.get());
        summary.set(
                new Summary(
                        input,
                        Quantities.counted(result.totalParameters(), "parameter")
                                + " · "
                                + Quantities.compact(result.totalMultiplyAdds())
                                + " multiply-adds per sample",
                        "≈ "
                                + Quantities.megabytes(result.estimatedTrainingBytes(batch))
                                + " per training step at batch "
                                + batch));
    }

    private void clampSelection() {
        int size = getSpec().layers().size();
        if (selectedIndex.get() >= size) {
            selectedIndex.set(size - 1);
        }
        updateSelection();
    }

    private void updateSelection() {
        for (LayerCardViewModel card : cards) {
            card.setSelected(card.index() == selectedIndex.get());
        }
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= getSpec().layers().size()) {
            throw new IndexOutOfBoundsException(
                    "no layer at index " + index + " of " + getSpec().layers().size());
        }
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Used by views to show "Train" as disabled with the reason in a tooltip. */
    public StringExpression trainTooltipBinding() {
        return Bindings.when(busy).then("A run is active").otherwise(verdict);
    }

    /**
     * The network's summary line.
     *
     * @param inputShape e.g. "1 × 28 × 28", "?" when not known
     * @param totals e.g. "3,274,634 parameters · 12.9 M multiply-adds per sample"
     * @param memory e.g. "≈ 27.6 MB per training step at batch 64"
     */
    public record Summary(String inputShape, String totals, String memory) {}
}
