package org.dnw.ui.common;

import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;

/**
 * The state every long task of the window shows the same way (a training of the course, a
 * cross-validation, a sweep, a robustness check): idle, running or cancelling; a progress share; a
 * status sentence, a finer progress line and an error sentence; Cancel. The feature's view-model
 * owns one, does its own work and says how far it got through it; an {@code ActionStrip} shows it.
 *
 * <p>Each start opens a new <em>generation</em>: results of an older one that arrive late are
 * dropped by {@link #publish}. Work goes to the injected {@code background} executor, results to
 * the {@code ui} executor (the FX thread; {@code Runnable::run} in tests, with no toolkit).
 * Properties and every method but {@link #execute} and {@link #publish} belong to the FX thread.
 */
public final class BackgroundJob {

    /** Where a job is. */
    public enum State {
        IDLE,
        RUNNING,
        /** Cancel was pressed; the work has not stopped yet. */
        CANCELLING
    }

    private final Executor background;
    private final Executor ui;
    private final ReadOnlyObjectWrapper<State> state =
            new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper progressText =
            new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    private int generation;
    private Runnable onCancel = () -> {};

    /**
     * @param background where the work runs
     * @param ui where its results are published (the FX thread)
     * @param idleStatus the status before the first start, e.g. "Press Run to …"
     */
    public BackgroundJob(Executor background, Executor ui, String idleStatus) {
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
        status.set(Objects.requireNonNull(idleStatus, "idleStatus"));
    }

    /**
     * A job whose work starts its own thread (e.g. a sweep runner): {@link #execute} is not used.
     *
     * @param ui where its results are published (the FX thread)
     */
    public BackgroundJob(Executor ui, String idleStatus) {
        this(
                work -> {
                    throw new IllegalStateException("this job starts its own thread");
                },
                ui,
                idleStatus);
    }

    // ---- the owner's side

    /**
     * Starts a new generation: clears the error and the progress line, sets {@code progress} (−1
     * for indeterminate) and {@code statusText}, and enters {@link State#RUNNING}.
     *
     * @param cancel what Cancel does (e.g. raise the work's flag); run once, on the FX thread
     * @return the generation, for {@link #publish} and {@link #isCurrent}
     */
    public int start(double startProgress, String statusText, Runnable cancel) {
        generation++;
        onCancel = Objects.requireNonNull(cancel, "cancel");
        error.set("");
        progress.set(startProgress);
        progressText.set("");
        status.set(statusText);
        setState(State.RUNNING);
        return generation;
    }

    /** Runs {@code work} on the background executor. */
    public void execute(Runnable work) {
        background.execute(work);
    }

    /** Runs {@code update} on the FX thread, unless a newer start has come since {@code mine}. */
    public void publish(int mine, Runnable update) {
        ui.execute(
                () -> {
                    if (mine == generation) {
                        update.run();
                    }
                });
    }

    /** True while {@code mine} is the latest start. */
    public boolean isCurrent(int mine) {
        return mine == generation;
    }

    /** Forgets the current generation, so that its late results are dropped; enters idle. */
    public void abandon() {
        generation++;
        setState(State.IDLE);
    }

    /** The work is over (done, failed or cancelled): back to idle. */
    public void finish() {
        setState(State.IDLE);
    }

    public void setProgress(double share) {
        progress.set(share);
    }

    public double getProgress() {
        return progress.get();
    }

    public void setProgressText(String text) {
        progressText.set(text);
    }

    public void setStatus(String text) {
        status.set(text);
    }

    public void setError(String text) {
        error.set(text);
    }

    // ---- Cancel

    /**
     * Asks the work to stop: once, while it runs; shows {@code statusText} meanwhile.
     *
     * @return false when nothing was running or cancel was already asked
     */
    public boolean cancel(String statusText) {
        if (state.get() != State.RUNNING) {
            return false;
        }
        setState(State.CANCELLING);
        status.set(statusText);
        onCancel.run();
        return true;
    }

    private void setState(State s) {
        state.set(s);
        running.set(s != State.IDLE);
    }

    // ---- what the views see

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** True from start until the work is over, cancelling included. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    /** True after Cancel, until the work is over. */
    public boolean isCancelling() {
        return state.get() == State.CANCELLING;
    }

    /** Share done, in [0, 1]; −1 for indeterminate. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** A finer line than the status while the work runs (e.g. "Epoch 2 of 10 …"); may be empty. */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** What went wrong, in sentences; empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** True when the start button may be pressed: {@code ready} and no work running. */
    public BooleanBinding canStart(ObservableBooleanValue ready) {
        return Bindings.createBooleanBinding(() -> !running.get() && ready.get(), running, ready);
    }
}
