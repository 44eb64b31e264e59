package org.dnw.ui.architecture;

import org.dnw.spec.LayerSpec;
import org.dnw.spec.ModelSpec;
import org.dnw.ui.common.Command;

/** The undoable edits of a {@link ModelSpec}. Each is pure and keeps what it needs to go back. */
final class SpecCommands {

    private SpecCommands() {}

    /** Replaces the layer at {@code index}; consecutive edits of one field of one layer merge. */
    record EditLayer(int index, String field, LayerSpec before, LayerSpec after)
            implements Command<ModelSpec> {

        @Override
        public String description() {
            return field + " of layer " + (index + 1);
        }

        @Override
        public ModelSpec execute(ModelSpec state) {
            return state.withLayer(index, after);
        }

        @Override
        public ModelSpec undo(ModelSpec state) {
            return state.withLayer(index, before);
        }

        @Override
        public Command<ModelSpec> mergedWith(Command<ModelSpec> next) {
            if (next instanceof EditLayer edit && edit.index == index && edit.field.equals(field)) {
                return new EditLayer(index, field, before, edit.after);
            }
            return null;
        }

        @Override
        public boolean changesNothing(ModelSpec state) {
            return before.equals(after);
        }
    }

    record InsertLayer(int index, LayerSpec layer, String description)
            implements Command<ModelSpec> {

        @Override
        public ModelSpec execute(ModelSpec state) {
            return state.withInserted(index, layer);
        }

        @Override
        public ModelSpec undo(ModelSpec state) {
            return state.withRemoved(index);
        }
    }

    record RemoveLayer(int index, LayerSpec removed) implements Command<ModelSpec> {

        @Override
        public String description() {
            return "remove layer " + (index + 1) + " (" + LayerKind.of(removed).label() + ")";
        }

        @Override
        public ModelSpec execute(ModelSpec state) {
            return state.withRemoved(index);
        }

        @Override
        public ModelSpec undo(ModelSpec state) {
            return state.withInserted(index, removed);
        }
    }

    record MoveLayer(int from, int to) implements Command<ModelSpec> {

        @Override
        public String description() {
            return "move layer " + (from + 1) + " to position " + (to + 1);
        }

        @Override
        public ModelSpec execute(ModelSpec state) {
            return state.withMoved(from, to);
        }

        @Override
        public ModelSpec undo(ModelSpec state) {
            return state.withMoved(to, from);
        }
    }

    /** Replaces the whole network (a preset or an opened file). */
    record ReplaceSpec(ModelSpec before, ModelSpec after, String description)
            implements Command<ModelSpec> {

        @Override
        public ModelSpec execute(ModelSpec state) {
            return after;
        }

        @Override
        public ModelSpec undo(ModelSpec state) {
            return before;
        }
    }
}
