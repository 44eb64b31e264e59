package org.dnw.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandStackTest {

    /** Sets a counter to a value; edits of the same slot merge. */
    record SetTo(String slot, int before, int after) implements Command<Integer> {
        @Override
        public String description() {
            return slot + " to " + after;
        }

        @Override
        public Integer execute(Integer state) {
            return after;
        }

        @Override
        public Integer undo(Integer state) {
            return before;
        }

        @Override
        public Command<Integer> mergedWith(Command<Integer> next) {
            return next instanceof SetTo s && s.slot.equals(slot)
                    ? new SetTo(slot, before, s.after)
                    : null;
        }

        @Override
        public boolean changesNothing(Integer state) {
            return before == after;
        }
    }

    @Test
    void undoAndRedoWalkTheStepsInOrder() {
        CommandStack<Integer> stack = new CommandStack<>(0);
        stack.execute(new SetTo("a", 0, 1));
        stack.seal();
        stack.execute(new SetTo("a", 1, 2));

        assertThat(stack.getState()).isEqualTo(2);
        assertThat(stack.undo()).isEqualTo("a to 2");
        assertThat(stack.getState()).isEqualTo(1);
        assertThat(stack.undo()).isEqualTo("a to 1");
        assertThat(stack.getState()).isZero();
        assertThat(stack.undo()).isNull();
        assertThat(stack.stepsProperty().get().canUndo()).isFalse();
        assertThat(stack.redo()).isEqualTo("a to 1");
        assertThat(stack.redo()).isEqualTo("a to 2");
        assertThat(stack.getState()).isEqualTo(2);
        assertThat(stack.stepsProperty().get().canRedo()).isFalse();
    }

    @Test
    void editsOfOneSlotMergeUntilSealed() {
        CommandStack<Integer> stack = new CommandStack<>(0);
        for (int v = 1; v <= 20; v++) {
            stack.execute(new SetTo("kernel", v - 1, v));
        }
        stack.seal();
        stack.execute(new SetTo("kernel", 20, 21));

        assertThat(stack.undoCount()).isEqualTo(2);
        stack.undo();
        assertThat(stack.getState()).isEqualTo(20);
        stack.undo();
        assertThat(stack.getState()).isZero();
    }

    @Test
    void editsOfAnotherSlotDoNotMerge() {
        CommandStack<Integer> stack = new CommandStack<>(0);
        stack.execute(new SetTo("kernel", 0, 3));
        stack.execute(new SetTo("stride", 3, 4));
        assertThat(stack.undoCount()).isEqualTo(2);
        assertThat(stack.stepsProperty().get().undoDescription()).isEqualTo("stride to 4");
    }

    @Test
    void aDragBackToItsStartLeavesNoStep() {
        CommandStack<Integer> stack = new CommandStack<>(5);
        stack.execute(new SetTo("kernel", 5, 6));
        stack.execute(new SetTo("kernel", 6, 5));
        assertThat(stack.undoCount()).isZero();
        assertThat(stack.getState()).isEqualTo(5);
        stack.execute(new SetTo("kernel", 5, 7));
        stack.undo();
        assertThat(stack.getState()).isEqualTo(5);
    }

    @Test
    void aCommandThatChangesNothingIsNotRecordedAndKeepsRedo() {
        CommandStack<Integer> stack = new CommandStack<>(0);
        stack.execute(new SetTo("a", 0, 1));
        stack.undo();
        assertThat(stack.execute(new SetTo("a", 0, 0))).isFalse();
        assertThat(stack.undoCount()).isZero();
        assertThat(stack.redoCount()).isEqualTo(1);
    }

    @Test
    void aNewEditClearsRedoAndTheLimitDropsTheOldest() {
        CommandStack<Integer> stack = new CommandStack<>(0, 3);
        for (int v = 1; v <= 5; v++) {
            stack.execute(new SetTo("s" + v, v - 1, v));
        }
        assertThat(stack.undoCount()).isEqualTo(3);
        stack.undo();
        stack.execute(new SetTo("x", 4, 9));
        assertThat(stack.redoCount()).isZero();
        while (stack.undo() != null) {
            // walk back to the oldest kept step
        }
        assertThat(stack.getState()).isEqualTo(2);
    }

    @Test
    void aRebaseFitsTheStateAndEveryStepWithoutMakingAStep() {
        CommandStack<Integer> stack = new CommandStack<>(1);
        stack.execute(new SetTo("a", 1, 3));
        stack.seal();
        stack.execute(new SetTo("a", 3, 5));
        stack.undo();
        // e.g. fitting to a data set: here, states are rounded up to a multiple of 10
        stack.rebase(n -> (n + 9) / 10 * 10);

        assertThat(stack.getState()).isEqualTo(10);
        assertThat(stack.undoCount()).isEqualTo(1);
        assertThat(stack.redoCount()).isEqualTo(1);
        assertThat(stack.stepsProperty().get().undoDescription()).isEqualTo("a to 3");
        stack.undo();
        assertThat(stack.getState()).isEqualTo(10);
        stack.redo();
        stack.redo();
        assertThat(stack.getState()).isEqualTo(10);

        // a second rebase replaces the first fit instead of stacking on it
        stack.rebase(n -> n);
        stack.undo();
        stack.undo();
        assertThat(stack.getState()).isEqualTo(1);
    }
}
