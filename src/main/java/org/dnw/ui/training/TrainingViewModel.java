package org.dnw.ui.training;

import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.dnw.spec.Sentence;
import org.dnw.train.TrainingEvent;
import org.dnw.train.TrainingEvent.BatchCompleted;
import org.dnw.train.TrainingEvent.EpochCompleted;
import org.dnw.train.TrainingEvent.RunCancelled;
import org.dnw.train.TrainingEvent.RunFailed;
import org.dnw.train.TrainingEvent.RunFinished;
import org.dnw.train.TrainingEvent.RunPaused;
import org.dnw.train.TrainingEvent.RunResumed;
import org.dnw.train.TrainingEvent.RunStarted;

/**
 * State of the training panel: which buttons are enabled, progress, throughput, time left, status
 * and the failure message. Touch it on the FX thread only: {@link #accept} is fed by a {@link
 * TrainingEventPump}, the {@code on...} methods by the buttons.
 */
public final class TrainingViewModel {

    private final TrainingActions actions;

    private final ObjectProperty<TrainingState> state =
            new SimpleObjectProperty<>(this, "state", TrainingState.IDLE);
    private final BooleanProperty readyToTrain = new SimpleBooleanProperty(this, "ready", true);
    private final ReadOnlyBooleanWrapper trainDisabled = new ReadOnlyBooleanWrapper(this, "train");
    private final ReadOnlyBooleanWrapper pauseDisabled = new ReadOnlyBooleanWrapper(this, "pause");
    private final ReadOnlyBooleanWrapper stopDisabled = new ReadOnlyBooleanWrapper(this, "stop");
    private final ReadOnlyStringWrapper pauseText =
            new ReadOnlyStringWrapper(this, "pause", "Pause");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final ReadOnlyStringWrapper epochText = new ReadOnlyStringWrapper(this, "epoch", "");
    private final ReadOnlyStringWrapper batchText = new ReadOnlyStringWrapper(this, "batch", "");
    private final ReadOnlyStringWrapper throughputText =
            new ReadOnlyStringWrapper(this, "throughput", "");
    private final ReadOnlyStringWrapper timeLeftText =
            new ReadOnlyStringWrapper(this, "timeLeft", "");
    private final ReadOnlyStringWrapper statusText =
            new ReadOnlyStringWrapper(this, "status", "Ready to train.");
    private final ReadOnlyStringWrapper activityText =
            new ReadOnlyStringWrapper(this, "activity", "");
    private final ReadOnlyStringWrapper lastEpochText =
            new ReadOnlyStringWrapper(this, "lastEpoch", "");
    private final ReadOnlyStringWrapper errorText = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper adviceText = new ReadOnlyStringWrapper(this, "advice", "");
    private final ReadOnlyBooleanWrapper errorShown =
            new ReadOnlyBooleanWrapper(this, "errorShown", false);

    private String runName = "";
    private int epochCount;
    private long completedEpochMillis;
    private int completedEpochs;
    private int currentEpoch;
    private boolean runStarted;

    /**
     * @param actions what the buttons do; called on the FX thread
     */
    public TrainingViewModel(TrainingActions actions) {
        this.actions = Objects.requireNonNull(actions, "actions");
        state.addListener(
                (obs, was, now) -> {
                    if (now == TrainingState.IDLE) {
                        runStarted = false;
                    }
                    updateButtons();
                    updateActivity();
                });
        readyToTrain.addListener((obs, was, now) -> updateButtons());
        updateButtons();
    }

    // ---- button handlers

    /** The Train button: clears the last message and starts a run through the actions. */
    public void onTrain() {
        if (trainDisabled.get()) {
            return;
        }
        clearError();
        resetProgress();
        statusText.set("Starting: loading the data and building the network…");
        progress.set(-1);
        state.set(TrainingState.RUNNING);
        try {
            actions.train();
        } catch (RuntimeException e) {
            state.set(TrainingState.IDLE);
            progress.set(0);
            statusText.set("Training did not start.");
            showError(
                    e.getMessage() == null || e.getMessage().isBlank()
                            ? "Training could not start (" + e.getClass().getSimpleName() + ")."
                            : Sentence.of(e.getMessage()),
                    "");
        }
    }

    /** The Pause/Resume button. */
    public void onPauseResume() {
        if (state.get() == TrainingState.RUNNING) {
            state.set(TrainingState.PAUSED);
            statusText.set("Pausing after this batch…");
            actions.pause();
        } else if (state.get() == TrainingState.PAUSED) {
            state.set(TrainingState.RUNNING);
            statusText.set("Training " + runName + "…");
            actions.resume();
        }
    }

    /** The Stop button. */
    public void onStop() {
        if (state.get() == TrainingState.RUNNING || state.get() == TrainingState.PAUSED) {
            state.set(TrainingState.STOPPING);
            statusText.set("Stopping after this batch…");
            actions.stop();
        }
    }

    // ---- events

    /** Applies one training event; FX thread only. */
    public void accept(TrainingEvent event) {
        if (event instanceof RunStarted e) {
            started(e);
        } else if (event instanceof BatchCompleted e) {
            batch(e);
        } else if (event instanceof EpochCompleted e) {
            epoch(e);
        } else if (event instanceof RunPaused e) {
            if (state.get() == TrainingState.STOPPING) {
                return;
            }
            currentEpoch = Math.max(currentEpoch, e.epoch());
            state.set(TrainingState.PAUSED);
            statusText.set("Paused at epoch " + e.epoch() + ", batch " + e.batch() + ".");
            updateActivity();
        } else if (event instanceof RunResumed) {
            if (state.get() != TrainingState.STOPPING) {
                state.set(TrainingState.RUNNING);
                statusText.set("Training " + runName + "…");
            }
        } else if (event instanceof RunFinished e) {
            state.set(TrainingState.IDLE);
            progress.set(1);
            timeLeftText.set("");
            statusText.set(
                    String.format(
                            Locale.ROOT,
                            "Finished: test accuracy %.1f %% (loss %.4f) after %d %s in %s.",
                            100 * e.test().accuracy(),
                            e.test().loss(),
                            e.epochsCompleted(),
                            e.epochsCompleted() == 1 ? "epoch" : "epochs",
                            duration(e.durationMillis())));
            e.test().report().chanceLevelWarning(null).ifPresent(w -> showError(w, ""));
        } else if (event instanceof RunFailed e) {
            state.set(TrainingState.IDLE);
            timeLeftText.set("");
            if (progress.get() < 0) {
                progress.set(0);
            }
            statusText.set(
                    e.epoch() > 0
                            ? "Training failed at epoch " + e.epoch() + ", batch " + e.batch() + "."
                            : "Training failed before the first batch.");
            showError("Training failed: " + Sentence.of(e.reason()), Sentence.of(e.advice()));
        } else if (event instanceof RunCancelled e) {
            state.set(TrainingState.IDLE);
            timeLeftText.set("");
            if (progress.get() < 0) {
                progress.set(0);
            }
            int of = epochCount > 0 ? epochCount : e.epochsCompleted();
            statusText.set(
                    "Stopped after "
                            + e.epochsCompleted()
                            + (epochCount > 0 ? " of " + epochCount : "")
                            + (of == 1 ? " epoch." : " epochs."));
        }
    }

    private void started(RunStarted e) {
        runName = e.runName();
        epochCount = e.hyperparameters().epochCount();
        currentEpoch = 1;
        runStarted = true;
        resetProgress();
        clearError();
        if (state.get() == TrainingState.IDLE) {
            // A run started from elsewhere (e.g. re-run from the runs list) still gets the buttons.
            state.set(TrainingState.RUNNING);
        }
        progress.set(0);
        epochText.set("Epoch 1 / " + epochCount);
        batchText.set("Batch 0 / " + e.batchesPerEpoch());
        updateActivity();
        statusText.set(
                String.format(
                        Locale.ROOT,
                        "Training %s on %s (%,d training samples) — %s, %s parameters.",
                        e.spec().name(),
                        e.datasetName(),
                        e.trainSize(),
                        e.device(),
                        count(e.parameterCount())));
    }

    private void batch(BatchCompleted e) {
        int batches = Math.max(1, e.batchesPerEpoch());
        int epochs = Math.max(epochCount, e.epoch());
        progress.set(Math.min(1, ((e.epoch() - 1) + (double) e.batch() / batches) / epochs));
        epochText.set("Epoch " + e.epoch() + " / " + epochs);
        batchText.set("Batch " + e.batch() + " / " + batches);
        if (e.epoch() != currentEpoch) {
            currentEpoch = e.epoch();
            updateActivity();
        }
        throughputText.set(String.format(Locale.ROOT, "%,.0f images/s", e.samplesPerSecond()));
        if (e.batch() > 0 && e.elapsedMillis() > 0) {
            double millisPerBatch = (double) e.elapsedMillis() / e.batch();
            double epochMillis =
                    completedEpochs > 0
                            ? (double) completedEpochMillis / completedEpochs
                            : millisPerBatch * batches;
            double left =
                    (batches - e.batch()) * millisPerBatch + (epochs - e.epoch()) * epochMillis;
            timeLeftText.set(
                    left < 1000 ? "almost done" : "about " + duration(Math.round(left)) + " left");
        }
    }

    private void epoch(EpochCompleted e) {
        completedEpochs++;
        completedEpochMillis += e.durationMillis();
        epochCount = Math.max(epochCount, e.epochCount());
        progress.set(Math.min(1, (double) e.epoch() / Math.max(1, e.epochCount())));
        epochText.set("Epoch " + e.epoch() + " / " + e.epochCount());
        StringBuilder text =
                new StringBuilder(
                        String.format(
                                Locale.ROOT,
                                "Epoch %d: train loss %.4f, accuracy %.1f %%",
                                e.epoch(),
                                e.trainLoss(),
                                100 * e.trainAccuracy()));
        if (!Double.isNaN(e.validationLoss())) {
            text.append(
                    String.format(
                            Locale.ROOT,
                            " · validation loss %.4f, accuracy %.1f %%",
                            e.validationLoss(),
                            100 * e.validationAccuracy()));
        }
        lastEpochText.set(text.toString());
    }

    /** "Training epoch 2 of 5…" and the like: what the run does now, in a few words. */
    private void updateActivity() {
        String epochs = epochCount > 0 ? " of " + epochCount : "";
        activityText.set(
                switch (state.get()) {
                    case IDLE -> "";
                    case RUNNING ->
                            runStarted
                                    ? "Training epoch " + currentEpoch + epochs + "…"
                                    : "Starting the run…";
                    case PAUSED ->
                            runStarted ? "Paused at epoch " + currentEpoch + epochs : "Pausing…";
                    case STOPPING -> "Stopping…";
                });
    }

    private void resetProgress() {
        completedEpochs = 0;
        completedEpochMillis = 0;
        epochText.set("");
        batchText.set("");
        throughputText.set("");
        timeLeftText.set("");
        lastEpochText.set("");
    }

    private void showError(String message, String advice) {
        errorText.set(message);
        adviceText.set(advice == null || advice.isBlank() ? "" : "What to try: " + advice);
        errorShown.set(true);
    }

    private void clearError() {
        errorText.set("");
        adviceText.set("");
        errorShown.set(false);
    }

    private void updateButtons() {
        TrainingState s = state.get();
        trainDisabled.set(s != TrainingState.IDLE || !readyToTrain.get());
        pauseDisabled.set(s != TrainingState.RUNNING && s != TrainingState.PAUSED);
        stopDisabled.set(s != TrainingState.RUNNING && s != TrainingState.PAUSED);
        pauseText.set(s == TrainingState.PAUSED ? "Resume" : "Pause");
    }

    /** A duration as a person says it: "42 s", "3 min 05 s", "1 h 02 min". */
    static String duration(long millis) {
        long seconds = Math.max(0, Math.round(millis / 1000.0));
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return String.format(Locale.ROOT, "%d min %02d s", minutes, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", minutes / 60, minutes % 60);
    }

    /** A parameter count for reading: "850", "25.4 k", "3.27 M". */
    static String count(long n) {
        if (n < 1_000) {
            return Long.toString(n);
        }
        if (n < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f k", n / 1e3);
        }
        return String.format(Locale.ROOT, "%.2f M", n / 1e6);
    }

    // ---- properties

    public ReadOnlyObjectProperty<TrainingState> stateProperty() {
        return state;
    }

    public TrainingState getState() {
        return state.get();
    }

    /**
     * Whether Train may be pressed when idle; the application binds it to "a valid network and a
     * data set are chosen".
     */
    public BooleanProperty readyToTrainProperty() {
        return readyToTrain;
    }

    public ReadOnlyBooleanProperty trainDisabledProperty() {
        return trainDisabled.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pauseDisabledProperty() {
        return pauseDisabled.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty stopDisabledProperty() {
        return stopDisabled.getReadOnlyProperty();
    }

    /** "Pause" while running, "Resume" while paused. */
    public ReadOnlyStringProperty pauseTextProperty() {
        return pauseText.getReadOnlyProperty();
    }

    /** Share of the run done, in [0, 1]; −1 while starting (indeterminate). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty epochTextProperty() {
        return epochText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty batchTextProperty() {
        return batchText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty throughputTextProperty() {
        return throughputText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty timeLeftTextProperty() {
        return timeLeftText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /**
     * What the active run is doing, in a few words ("Starting the run…", "Training epoch 2 of 5…",
     * "Paused at epoch 2 of 5", "Stopping…"); empty when no run is active.
     */
    public ReadOnlyStringProperty activityTextProperty() {
        return activityText.getReadOnlyProperty();
    }

    /** The last epoch's train and validation figures, in a sentence. */
    public ReadOnlyStringProperty lastEpochTextProperty() {
        return lastEpochText.getReadOnlyProperty();
    }

    /** What went wrong, as a sentence; empty when nothing did. */
    public ReadOnlyStringProperty errorTextProperty() {
        return errorText.getReadOnlyProperty();
    }

    /** What to try, as a sentence; may be empty. */
    public ReadOnlyStringProperty adviceTextProperty() {
        return adviceText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty errorShownProperty() {
        return errorShown.getReadOnlyProperty();
    }
}
