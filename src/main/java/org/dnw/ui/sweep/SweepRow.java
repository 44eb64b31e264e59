package org.dnw.ui.sweep;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.dnw.runs.SweepResult;

/**
 * One point of a sweep in the results table: its values, and, as the sweep gets there, its outcome
 * and figures. Properties belong to the FX thread.
 */
public final class SweepRow {

    /** Where the point stands. */
    public enum State {
        WAITING,
        TRAINING,
        SAVED,
        SKIPPED,
        FAILED,
        CANCELLED,
        /** on a Slurm cluster: its task ended leaving the run interrupted, epochs so far kept */
        INTERRUPTED;

        /** The state in words: its name in lower case, e.g. "waiting". */
        public String text() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final int index;
    private final List<String> values;
    private final String label;
    private final ReadOnlyObjectWrapper<State> state;
    private final ReadOnlyStringWrapper outcome;
    private final ReadOnlyObjectWrapper<Figures> figures;
    private final ReadOnlyStringWrapper message;
    private Path folder;

    /**
     * @param parameterCount the point's trainable parameters, 0 when it cannot work
     * @param problem why the point cannot work, or null
     */
    SweepRow(int index, List<String> values, String label, long parameterCount, String problem) {
        this.index = index;
        this.values = List.copyOf(values);
        this.label = label;
        this.state = new ReadOnlyObjectWrapper<>(this, "state", State.WAITING);
        this.outcome = new ReadOnlyStringWrapper(this, "outcome", problem == null ? "waiting" : "");
        this.figures =
                new ReadOnlyObjectWrapper<>(
                        this, "figures", new Figures(Double.NaN, Double.NaN, parameterCount, 0));
        this.message =
                new ReadOnlyStringWrapper(
                        this, "message", problem == null ? "" : "cannot work: " + problem);
        if (problem != null) {
            outcome.set("cannot work");
        }
    }

    /** 0-based position in the sweep. */
    public int index() {
        return index;
    }

    /** The value of each setting, in the settings' order. */
    public List<String> values() {
        return values;
    }

    /** e.g. "kernel=5 lr=0.001". */
    public String label() {
        return label;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State state() {
        return state.get();
    }

    /** What the Outcome column shows: "waiting", "epoch 2/5…", "saved", "failed", … */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** The point's figures; all but the parameter count are known once it is saved. */
    public ReadOnlyObjectProperty<Figures> figuresProperty() {
        return figures.getReadOnlyProperty();
    }

    /** Where it was saved, or why it was not. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The saved run's folder, or null. */
    public Path folder() {
        return folder;
    }

    void training(String progress) {
        state.set(State.TRAINING);
        outcome.set(progress);
    }

    void done(SweepResult.Row row) {
        state.set(
                switch (row.outcome()) {
                    case SAVED -> State.SAVED;
                    case SKIPPED -> State.SKIPPED;
                    case FAILED -> State.FAILED;
                    case CANCELLED -> State.CANCELLED;
                });
        outcome.set(state.get().text());
        figures.set(
                new Figures(
                        row.testAccuracy(),
                        row.bestValidationAccuracy(),
                        row.parameterCount() > 0
                                ? row.parameterCount()
                                : figures.get().parameterCount(),
                        row.durationMillis()));
        folder = row.folder();
        // "saved to <long path>" says less than the run's own folder name
        message.set(
                row.outcome() == SweepResult.Outcome.SAVED && folder != null
                        ? String.valueOf(folder.getFileName())
                        : row.message() == null ? "" : row.message());
    }

    /**
     * Where the point's task stands on a Slurm cluster while no run of it is saved.
     *
     * @param text what the Outcome column shows, e.g. "pending", "running"
     * @param why Slurm's own state name or another detail for the message column
     */
    void onCluster(State s, String text, String why) {
        state.set(s);
        outcome.set(text);
        message.set(why);
    }

    /** A point the sweep did not reach because it was cancelled. */
    void notReached() {
        if (state.get() == State.WAITING || state.get() == State.TRAINING) {
            state.set(State.CANCELLED);
            outcome.set("not run");
        }
    }

    /**
     * A point's figures.
     *
     * @param testAccuracy share in [0, 1]; NaN until saved
     * @param bestValidationAccuracy share in [0, 1]; NaN until saved or without validation
     * @param parameterCount trainable parameters, 0 when the point cannot work
     * @param durationMillis training time; 0 until saved
     */
    public record Figures(
            double testAccuracy,
            double bestValidationAccuracy,
            long parameterCount,
            long durationMillis) {}
}
