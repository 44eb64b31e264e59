package org.dnw.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.dnw.train.TrainingEvent;
import org.dnw.train.TrainingEvent.BatchCompleted;
import org.dnw.train.TrainingEvent.EpochCompleted;
import org.dnw.train.TrainingEvent.RunCancelled;
import org.dnw.train.TrainingEvent.RunFailed;
import org.dnw.train.TrainingEvent.RunFinished;
import org.dnw.train.TrainingEvent.RunPaused;
import org.junit.jupiter.api.Test;

class TrainingViewModelTest {

    private final List<String> calls = new ArrayList<>();
    private RuntimeException trainFailure;

    private final TrainingActions actions =
            new TrainingActions() {
                @Override
                public void train() {
                    calls.add("train");
                    if (trainFailure != null) {
                        throw trainFailure;
                    }
                }

                @Override
                public void pause() {
                    calls.add("pause");
                }

                @Override
                public void resume() {
                    calls.add("resume");
                }

                @Override
                public void stop() {
                    calls.add("stop");
                }
            };

    private final TrainingViewModel model = new TrainingViewModel(actions);

    private void assertButtons(boolean train, boolean pause, boolean stop) {
        assertThat(model.buttonsProperty().get().trainDisabled())
                .as("train disabled")
                .isEqualTo(!train);
        assertThat(model.buttonsProperty().get().pauseDisabled())
                .as("pause disabled")
                .isEqualTo(!pause);
        assertThat(model.buttonsProperty().get().stopDisabled())
                .as("stop disabled")
                .isEqualTo(!stop);
    }

    @Test
    void buttonsFollowTheRunFromIdleThroughPauseAndStop() {
        assertThat(model.getState()).isEqualTo(TrainingState.IDLE);
        assertButtons(true, false, false);

        model.onTrain();
        assertThat(calls).containsExactly("train");
        assertThat(model.getState()).isEqualTo(TrainingState.RUNNING);
        assertThat(model.progressProperty().get()).isEqualTo(-1); // indeterminate while starting
        assertButtons(false, true, true);

        model.accept(SyntheticRun.started(2, 200));
        assertThat(model.statusTextProperty().get()).contains("seed-cnn", "mnist", "3.27 M");

        model.onPauseResume();
        assertThat(calls).containsExactly("train", "pause");
        assertThat(model.getState()).isEqualTo(TrainingState.PAUSED);
        assertThat(model.buttonsProperty().get().pauseText()).isEqualTo("Resume");
        model.accept(new RunPaused(SyntheticRun.RUN, 1, 12));
        assertThat(model.statusTextProperty().get()).isEqualTo("Paused at epoch 1, batch 12.");
        assertButtons(false, true, true);

        model.onPauseResume();
        assertThat(calls).containsExactly("train", "pause", "resume");
        assertThat(model.getState()).isEqualTo(TrainingState.RUNNING);
        assertThat(model.buttonsProperty().get().pauseText()).isEqualTo("Pause");

        model.onStop();
        assertThat(model.getState()).isEqualTo(TrainingState.STOPPING);
        assertButtons(false, false, false);
        model.accept(new RunPaused(SyntheticRun.RUN, 1, 13)); // late: must not re-enable
        assertButtons(false, false, false);

        model.accept(new RunCancelled(SyntheticRun.RUN, 1, 2, 3));
        assertThat(model.getState()).isEqualTo(TrainingState.IDLE);
        assertThat(model.statusTextProperty().get()).isEqualTo("Stopped after 1 of 2 epochs.");
        assertButtons(true, false, false);
        assertThat(calls).containsExactly("train", "pause", "resume", "stop");
    }

    @Test
    void aRunThatStoppedEarlySaysWhichEpochItKept() {
        model.onTrain();
        model.accept(SyntheticRun.started(30, 200));
        RunFinished plain = SyntheticRun.finished(20, 100, 1);
        model.accept(plain);
        assertThat(model.statusTextProperty().get())
                .startsWith("Finished: test accuracy")
                .doesNotContain("Early stopping");

        model.onTrain();
        model.accept(SyntheticRun.started(30, 200));
        model.accept(
                new RunFinished(
                        plain.runName(),
                        plain.test(),
                        20,
                        plain.durationMillis(),
                        plain.artifacts(),
                        plain.parameters(),
                        plain.finishedAt(),
                        new TrainingEvent.EarlyStop(3, 20, 17, 0.2042, true)));
        assertThat(model.statusTextProperty().get())
                .endsWith(
                        " Early stopping: stopped early after epoch 20: no better validation loss"
                                + " for 3 epochs; kept epoch 17 (validation loss 0.2042).");
    }

    @Test
    void theActivitySaysWhatTheRunDoesNotReadyToTrain() {
        assertThat(model.activityTextProperty().get()).isEmpty();
        model.onTrain();
        assertThat(model.activityTextProperty().get()).isEqualTo("Starting the run…");
        model.accept(SyntheticRun.started(5, 200));
        assertThat(model.activityTextProperty().get()).isEqualTo("Training epoch 1 of 5…");
        model.accept(new BatchCompleted(SyntheticRun.RUN, 2, 3, 200, 0.5, 0.8, 1000, 300));
        assertThat(model.activityTextProperty().get()).isEqualTo("Training epoch 2 of 5…");
        model.onPauseResume();
        model.accept(new RunPaused(SyntheticRun.RUN, 2, 4));
        assertThat(model.activityTextProperty().get()).isEqualTo("Paused at epoch 2 of 5");
        model.onStop();
        assertThat(model.activityTextProperty().get()).isEqualTo("Stopping…");
        model.accept(new RunCancelled(SyntheticRun.RUN, 1, 2, 4));
        assertThat(model.activityTextProperty().get()).isEmpty();
    }

    @Test
    void progressEpochBatchThroughputAndTimeLeftComeFromBatches() {
        model.onTrain();
        model.accept(SyntheticRun.started(2, 200));
        model.accept(new BatchCompleted(SyntheticRun.RUN, 1, 100, 200, 0.5, 0.8, 1234.4, 10_000));

        assertThat(model.progressProperty().get())
                .isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(model.figuresProperty().get().epoch()).isEqualTo("Epoch 1 / 2");
        assertThat(model.figuresProperty().get().batch()).isEqualTo("Batch 100 / 200");
        assertThat(model.figuresProperty().get().throughput()).isEqualTo("1,234 images/s");
        // 100 ms a batch: 100 batches left in this epoch + 200 in the next = 30 s.
        assertThat(model.figuresProperty().get().timeLeft()).isEqualTo("about 30 s left");

        model.accept(
                new EpochCompleted(SyntheticRun.RUN, 1, 2, 0.3, 0.91, 0.25, 0.93, 1e-3, 50_000));
        assertThat(model.lastEpochTextProperty().get())
                .isEqualTo(
                        "Epoch 1: train loss 0.3000, accuracy 91.0 % · validation loss 0.2500,"
                                + " accuracy 93.0 %");
        // Measured epochs (with validation) now drive the estimate: 50 s for the last epoch.
        model.accept(new BatchCompleted(SyntheticRun.RUN, 2, 200, 200, 0.2, 0.9, 1000, 20_000));
        assertThat(model.figuresProperty().get().timeLeft()).isEqualTo("almost done");
        model.accept(new BatchCompleted(SyntheticRun.RUN, 2, 1, 200, 0.2, 0.9, 1000, 100));
        assertThat(model.figuresProperty().get().timeLeft()).isEqualTo("about 20 s left");
    }

    @Test
    void aFailureIsShownAsReasonAndAdviceAndEnablesTrainAgain() {
        model.onTrain();
        model.accept(SyntheticRun.started(2, 200));
        model.accept(
                new RunFailed(
                        SyntheticRun.RUN,
                        "the loss became NaN at epoch 1, batch 37",
                        "lower the learning rate, e.g. to 0.001",
                        1,
                        37));

        assertThat(model.getState()).isEqualTo(TrainingState.IDLE);
        assertThat(model.failureProperty().get().shown()).isTrue();
        assertThat(model.failureProperty().get().error())
                .isEqualTo("Training failed: The loss became NaN at epoch 1, batch 37.");
        assertThat(model.failureProperty().get().advice())
                .isEqualTo("What to try: Lower the learning rate, e.g. to 0.001.");
        assertButtons(true, false, false);

        model.onTrain();
        assertThat(model.failureProperty().get().shown()).isFalse();
    }

    @Test
    void aTrainActionThatRefusesShowsItsMessageNotAStackTrace() {
        trainFailure =
                new IllegalStateException("the network has a problem: layer 3 has no output");
        model.onTrain();
        assertThat(model.getState()).isEqualTo(TrainingState.IDLE);
        assertThat(model.failureProperty().get().error())
                .isEqualTo("The network has a problem: layer 3 has no output.")
                .doesNotContain("Exception");
        assertButtons(true, false, false);
    }

    @Test
    void trainWaitsUntilTheApplicationSaysItIsReady() {
        model.readyToTrainProperty().set(false);
        assertButtons(false, false, false);
        model.onTrain();
        assertThat(calls).isEmpty();
        model.readyToTrainProperty().set(true);
        assertButtons(true, false, false);
    }

    @Test
    void durationsReadLikeSpeech() {
        assertThat(TrainingViewModel.duration(42_400)).isEqualTo("42 s");
        assertThat(TrainingViewModel.duration(185_000)).isEqualTo("3 min 05 s");
        assertThat(TrainingViewModel.duration(3_720_000)).isEqualTo("1 h 02 min");
    }
}
