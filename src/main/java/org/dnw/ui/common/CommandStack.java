package org.dnw.ui.common;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

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
    private final ReadOnlyObjectWrapper<Steps> steps =
            new ReadOnlyObjectWrapper<>(this, "steps", Steps.NONE);
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

    /** What undo and redo would do now; changes with every step made, undone or redone. */
    public ReadOnlyObjectProperty<Steps> stepsProperty() {
        return steps.getReadOnlyProperty();
    }

    private void refresh() {
        steps.set(
                new Steps(
                        !undoSteps.isEmpty(),
                        !redoSteps.isEmpty(),
                        undoSteps.isEmpty() ? "" : undoSteps.peek().description(),
                        redoSteps.isEmpty() ? "" : redoSteps.peek().description()));
    }

    /**
     * Whether undo and redo can do anything, and the description of the step each would take
     * ({@code ""} when none).
     */
    public record Steps(
            boolean canUndo, boolean canRedo, String undoDescription, String redoDescription) {

        /** Nothing to undo or redo. */
        public static final Steps NONE = new Steps(false, false, "", "");

        /** "Undo kernel size of layer 1", or "Undo" when there is nothing to undo. */
        public String undoText() {
            return undoDescription.isEmpty() ? "Undo" : "Undo " + undoDescription;
        }

        /** "Redo kernel size of layer 1", or "Redo" when there is nothing to redo. */
        public String redoText() {
            return redoDescription.isEmpty() ? "Redo" : "Redo " + redoDescription;
        }
    }
}
