package org.dnw.ui.common;

/**
 * One undoable edit of an immutable state {@code S}. Commands are pure: they compute the next state
 * from the one they are given and keep whatever they need to go back.
 *
 * @param <S> the immutable state edited, e.g. a {@code ModelSpec}
 */
public interface Command<S> {

    /** What the edit does, as a user reads it in "Undo …", e.g. "kernel size of layer 1". */
    String description();

    /** The state after the edit. */
    S execute(S state);

    /** The state before the edit, given the state after it. */
    S undo(S state);

    /** The state after the edit again, given the state before it. */
    default S redo(S state) {
        return execute(state);
    }

    /**
     * This command and {@code next} as one edit, or null when they are separate edits. A slider
     * drag sends many small edits of one field; merging them keeps one undo step per gesture.
     */
    default Command<S> mergedWith(Command<S> next) {
        return null;
    }

    /** True when executing this command leaves {@code state} as it is (a merged drag back home). */
    default boolean changesNothing(S state) {
        return false;
    }
}
