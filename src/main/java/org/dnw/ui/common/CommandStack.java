package org.dnw.ui.common;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Undo and redo over an immutable state. Every change of the state goes through {@link
 * #execute(Command)}; the stack keeps at most {@code limit} steps.
 *
 * <p>Consecutive edits may merge into one step: while the newest step is open, a command it can
 * {@linkplain Command#mergedWith merge with} joins it instead of making a new step. {@link #seal()}
 * closes the newest step (the view calls it when a slider is released); undo, redo and any command
 * that does not merge close it too. Used on the FX thread only.
 *
 * @param <S> the immutable state
 */
public final class CommandStack<S> {

    private final ReadOnlyObjectWrapper<S> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final Deque<Command<S>> undoSteps = new ArrayDeque<>();
    private final Deque<Command<S>> redoSteps = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper undoDescription =
            new ReadOnlyStringWrapper(this, "undoDescription", "");
    private final ReadOnlyStringWrapper redoDescription =
            new ReadOnlyStringWrapper(this, "redoDescription", "");
    private final int limit;
    private boolean newestOpen;

    public CommandStack(S initial, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the undo limit must be at least 1, got " + limit);
        }
        this.limit = limit;
        state.set(Objects.requireNonNull(initial));
    }

    public CommandStack(S initial) {
        this(initial, 500);
    }

    /** Applies {@code command}; returns false (and records nothing) when it changes nothing. */
    public boolean execute(Command<S> command) {
        S before = state.get();
        S after = command.execute(before);
        if (Objects.equals(before, after)) {
            return false;
        }
        Command<S> merged =
                newestOpen && !undoSteps.isEmpty() ? undoSteps.peek().mergedWith(command) : null;
        if (merged != null) {
            undoSteps.pop();
            if (merged.changesNothing(after)) {
                // Dragged back to where the gesture started: no step is left to undo.
                newestOpen = false;
            } else {
                undoSteps.push(merged);
            }
        } else {
            undoSteps.push(command);
            newestOpen = true;
            while (undoSteps.size() > limit) {
                undoSteps.removeLast();
            }
        }
        redoSteps.clear();
        state.set(after);
        refresh();
        return true;
    }

    /** Closes the newest step, so that the next edit makes a step of its own. */
    public void seal() {
        newestOpen = false;
    }

    /** Undoes the newest step; returns its description, or null when there is nothing to undo. */
    public String undo() {
        newestOpen = false;
        if (undoSteps.isEmpty()) {
            return null;
        }
        Command<S> step = undoSteps.pop();
        redoSteps.push(step);
        state.set(step.undo(state.get()));
        refresh();
        return step.description();
    }

    /** Redoes the step undone last; returns its description, or null when there is none. */
    public String redo() {
        newestOpen = false;
        if (redoSteps.isEmpty()) {
            return null;
        }
        Command<S> step = redoSteps.pop();
        undoSteps.push(step);
        state.set(step.redo(state.get()));
        refresh();
        return step.description();
    }

    /** Replaces the state and forgets every step (a new document). */
    public void reset(S initial) {
        undoSteps.clear();
        redoSteps.clear();
        newestOpen = false;
        state.set(Objects.requireNonNull(initial));
        refresh();
    }

    /**
     * Applies {@code fit} to the state and to every state that undo and redo can reach, without
     * making a step: the history stays, each of its steps now ends in a fitted state. For a change
     * the user did not make and must not undo, e.g. fitting a network to the chosen data set.
     * {@code fit} must be idempotent; a later rebase replaces an earlier one's fit.
     */
    public void rebase(UnaryOperator<S> fit) {
        Objects.requireNonNull(fit);
        newestOpen = false;
        refit(undoSteps, fit);
        refit(redoSteps, fit);
        state.set(Objects.requireNonNull(fit.apply(state.get())));
        refresh();
    }

    private static <S> void refit(Deque<Command<S>> steps, UnaryOperator<S> fit) {
        List<Command<S>> fitted =
                steps.stream()
                        .<Command<S>>map(
                                step ->
                                        new Fitted<>(
                                                step instanceof Fitted<S> f ? f.step() : step, fit))
                        .toList();
        steps.clear();
        steps.addAll(fitted);
    }

    /** A step whose every result is passed through {@code fit}. */
    private record Fitted<S>(Command<S> step, UnaryOperator<S> fit) implements Command<S> {

        @Override
        public String description() {
            return step.description();
        }

        @Override
        public S execute(S state) {
            return fit.apply(step.execute(state));
        }

        @Override
        public S undo(S state) {
            return fit.apply(step.undo(state));
        }

        @Override
        public S redo(S state) {
            return fit.apply(step.redo(state));
        }
    }

    public S getState() {
        return state.get();
    }

    public ReadOnlyObjectProperty<S> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public int undoCount() {
        return undoSteps.size();
    }

    public int redoCount() {
        return redoSteps.size();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** Description of the step {@link #undo()} would undo, or "" when none. */
    public ReadOnlyStringProperty undoDescriptionProperty() {
        return undoDescription.getReadOnlyProperty();
    }

    /** Description of the step {@link #redo()} would redo, or "" when none. */
    public ReadOnlyStringProperty redoDescriptionProperty() {
        return redoDescription.getReadOnlyProperty();
    }

    private void refresh() {
        canUndo.set(!undoSteps.isEmpty());
        canRedo.set(!redoSteps.isEmpty());
        undoDescription.set(undoSteps.isEmpty() ? "" : undoSteps.peek().description());
        redoDescription.set(redoSteps.isEmpty() ? "" : redoSteps.peek().description());
    }
}
