package org.dnw.ui.training;

import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
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
    private final ReadOnlyObjectWrapper<Buttons> buttons =
            new ReadOnlyObjectWrapper<>(this, "buttons", new Buttons(false, false, false, "Pause"));
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final ReadOnlyObjectWrapper<Figures> figures =
            new ReadOnlyObjectWrapper<>(this, "figures", Figures.NONE);
    private final ReadOnlyStringWrapper statusText =
            new ReadOnlyStringWrapper(this, "status", "Ready to train.");
    private final ReadOnlyStringWrapper activityText =
            new ReadOnlyStringWrapper(this, "activity", "");
    private final ReadOnlyStringWrapper lastEpochText =
            new ReadOnlyStringWrapper(this, "lastEpoch", "");
    private final ReadOnlyObjectWrapper<Failure> failure =
            new ReadOnlyObjectWrapper<>(this, "failure", Failure.NONE);

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
        if (buttons.get().trainDisabled()) {
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
            figures.set(figures.get().withTimeLeft(""));
            statusText.set(
                    String.format(
                                    Locale.ROOT,
                                    "Finished: test accuracy %.1f %% (loss %.4f) after %d %s in %s.",
                                    100 * e.test().accuracy(),
                                    e.test().loss(),
                                    e.epochsCompleted(),
                                    e.epochsCompleted() == 1 ? "epoch" : "epochs",
                                    duration(e.durationMillis()))
                            + (e.earlyStop() == null
                                    ? ""
                                    : " Early stopping: " + e.earlyStop().sentence() + "."));
            e.test().report().chanceLevelWarning(null).ifPresent(w -> showError(w, ""));
        } else if (event instanceof RunFailed e) {
            state.set(TrainingState.IDLE);
            figures.set(figures.get().withTimeLeft(""));
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
            figures.set(figures.get().withTimeLeft(""));
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
        figures.set(
                new Figures("Epoch 1 / " + epochCount, "Batch 0 / " + e.batchesPerEpoch(), "", ""));
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
        if (e.epoch() != currentEpoch) {
            currentEpoch = e.epoch();
            updateActivity();
        }
        String timeLeft = figures.get().timeLeft();
        if (e.batch() > 0 && e.elapsedMillis() > 0) {
            double millisPerBatch = (double) e.elapsedMillis() / e.batch();
            double epochMillis =
                    completedEpochs > 0
                            ? (double) completedEpochMillis / completedEpochs
                            : millisPerBatch * batches;
            double left =
                    (batches - e.batch()) * millisPerBatch + (epochs - e.epoch()) * epochMillis;
            timeLeft =
                    left < 1000 ? "almost done" : "about " + duration(Math.round(left)) + " left";
        }
        figures.set(
                new Figures(
                        "Epoch " + e.epoch() + " / " + epochs,
                        "Batch " + e.batch() + " / " + batches,
                        String.format(Locale.ROOT, "%,.0f images/s", e.samplesPerSecond()),
                        timeLeft));
    }

    private void epoch(EpochCompleted e) {
        completedEpochs++;
        completedEpochMillis += e.durationMillis();
        epochCount = Math.max(epochCount, e.epochCount());
        progress.set(Math.min(1, (double) e.epoch() / Math.max(1, e.epochCount())));
        Figures f = figures.get();
        figures.set(
                new Figures(
                        "Epoch " + e.epoch() + " / " + e.epochCount(),
                        f.batch(),
                        f.throughput(),
                        f.timeLeft()));
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
        figures.set(Figures.NONE);
        lastEpochText.set("");
    }

    private void showError(String message, String advice) {
        failure.set(
                new Failure(
                        message,
                        advice == null || advice.isBlank() ? "" : "What to try: " + advice,
                        true));
    }

    private void clearError() {
        failure.set(Failure.NONE);
    }

    private void updateButtons() {
        TrainingState s = state.get();
        boolean noRun = s != TrainingState.RUNNING && s != TrainingState.PAUSED;
        buttons.set(
                new Buttons(
                        s != TrainingState.IDLE || !readyToTrain.get(),
                        noRun,
                        noRun,
                        s == TrainingState.PAUSED ? "Resume" : "Pause"));
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

    /** Which buttons are disabled, and the pause button's text; follows the state. */
    public ReadOnlyObjectProperty<Buttons> buttonsProperty() {
        return buttons.getReadOnlyProperty();
    }

    /** Share of the run done, in [0, 1]; −1 while starting (indeterminate). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    /** The run's figures, changing with every batch. */
    public ReadOnlyObjectProperty<Figures> figuresProperty() {
        return figures.getReadOnlyProperty();
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

    /** What went wrong in the last run, if anything, and what to try. */
    public ReadOnlyObjectProperty<Failure> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /**
     * The buttons' state.
     *
     * @param pauseText "Pause" while running, "Resume" while paused
     */
    public record Buttons(
            boolean trainDisabled, boolean pauseDisabled, boolean stopDisabled, String pauseText) {}

    /**
     * The figures of the run in progress, each empty while unknown.
     *
     * @param epoch e.g. "Epoch 2 / 5"
     * @param batch e.g. "Batch 300 / 844"
     * @param throughput e.g. "1,234 images/s"
     * @param timeLeft e.g. "about 3 min 20 s left", "almost done"
     */
    public record Figures(String epoch, String batch, String throughput, String timeLeft) {

        static final Figures NONE = new Figures("", "", "", "");

        Figures withTimeLeft(String newTimeLeft) {
            return new Figures(epoch, batch, throughput, newTimeLeft);
        }
    }

    /**
     * What went wrong.
     *
     * @param error what went wrong, as a sentence; empty when nothing did
     * @param advice what to try, as a sentence; may be empty
     * @param shown true while the failure is shown
     */
    public record Failure(String error, String advice, boolean shown) {

        static final Failure NONE = new Failure("", "", false);
    }
}
