package org.dnw.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.dnw.store.DatasetInfo;
import org.dnw.store.FakeRun;
import org.dnw.store.RunManifest;
import org.dnw.store.RunResults;
import org.dnw.store.RunStore;
import org.dnw.train.TrainingEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRecorderTest {

    @TempDir Path root;
    RunStore store;
    RunRecorder recorder;

    @BeforeEach
    void setUp() throws IOException {
        store = new RunStore(root, ZoneOffset.UTC);
        recorder = new RunRecorder(store, store.begin(FakeRun.RUN_NAME), FakeRun.DATASET);
    }

    @Test
    void finishedRunIsCommittedWithEveryFileAndNoDraftLeft() throws Exception {
        FakeRun.playFinished(recorder);

        RunSaveOutcome outcome = recorder.outcome().getNow(null);
        assertThat(outcome).isNotNull();
        assertThat(outcome.kind()).isEqualTo(RunSaveOutcome.Kind.SAVED);
        assertThat(outcome.folder()).isEqualTo(root.resolve("20260304-050607-tiny-run-1"));
        assertThat(outcome.message()).contains("20260304-050607-tiny-run-1");
        assertThat(FakeRun.fileNames(outcome.folder()))
                .containsExactlyInAnyOrder(
                        "manifest.json",
                        "metrics.csv",
                        "confusion.csv",
                        "class-metrics.csv",
                        "predictions.csv",
                        "first-layer.npy",
                        "first-layer.png",
                        "weights.npz",
                        "events.jsonl",
                        FakeRun.PARAMS_FILE);
        assertThat(FakeRun.fileNames(root)).containsExactly("20260304-050607-tiny-run-1");
    }

    @Test
    void aRunStoppedToBeResumedKeepsItsDraftWhenItHasACheckpointAndIsDiscardedOtherwise()
            throws Exception {
        Path draft = recorder.draft().folder();
        org.dnw.train.Checkpoints.write(
                draft.resolve(org.dnw.train.Checkpoints.FOLDER),
                1,
                f -> java.nio.file.Files.writeString(f.resolve("x"), "state"));
        recorder.accept(FakeRun.started());
        recorder.keepDraftOnCancel();
        recorder.accept(new TrainingEvent.RunCancelled(FakeRun.RUN_NAME, 1, 2, 3));

        RunSaveOutcome kept = recorder.outcome().getNow(null);
        assertThat(kept.kind()).isEqualTo(RunSaveOutcome.Kind.INTERRUPTED);
        assertThat(kept.folder()).isEqualTo(draft);
        assertThat(draft.resolve(org.dnw.store.RunEvents.FILE)).exists();

        RunRecorder other = new RunRecorder(store, store.begin("no checkpoint"), FakeRun.DATASET);
        other.accept(FakeRun.started());
        other.keepDraftOnCancel();
        other.accept(new TrainingEvent.RunCancelled("no checkpoint", 0, 1, 3));
        assertThat(other.outcome().getNow(null).kind()).isEqualTo(RunSaveOutcome.Kind.DISCARDED);
        assertThat(other.draft().folder()).doesNotExist();
    }

    @Test
    void aResumedRunThatFailsKeepsItsDraftToBeResumedAgain() throws Exception {
        Path draft = recorder.draft().folder();
        org.dnw.train.Checkpoints.write(
                draft.resolve(org.dnw.train.Checkpoints.FOLDER),
                2,
                f -> java.nio.file.Files.writeString(f.resolve("x"), "state"));
        recorder.keepDraftOnFailure();
        recorder.accept(FakeRun.started());
        recorder.accept(
                new TrainingEvent.RunFailed(FakeRun.RUN_NAME, "the disk is full", "", 3, 1));

        RunSaveOutcome kept = recorder.outcome().getNow(null);
        assertThat(kept.kind()).isEqualTo(RunSaveOutcome.Kind.INTERRUPTED);
        assertThat(draft).isDirectory();
    }

    @Test
    void aResumedRunIsSavedWithTheRestoredEpochsAndWithoutItsCheckpoints() throws Exception {
        Path draft = recorder.draft().folder();
        org.dnw.train.Checkpoints.write(
                draft.resolve(org.dnw.train.Checkpoints.FOLDER),
                2,
                f -> java.nio.file.Files.writeString(f.resolve("x"), "state"));
        List<TrainingEvent> epochs = FakeRun.epochs();
        recorder.accept(FakeRun.started());
        recorder.accept(
                new TrainingEvent.CheckpointRestored(
                        FakeRun.RUN_NAME,
                        2,
                        List.of(
                                (TrainingEvent.EpochCompleted) epochs.get(1),
                                (TrainingEvent.EpochCompleted) epochs.get(3)),
                        List.of()));
        recorder.accept(epochs.get(4));
        recorder.accept(epochs.get(5));
        java.nio.file.Files.write(draft.resolve(FakeRun.PARAMS_FILE), new byte[] {1, 2, 3});
        recorder.accept(FakeRun.finished(draft));

        RunSaveOutcome outcome = recorder.outcome().getNow(null);
        assertThat(outcome.kind()).isEqualTo(RunSaveOutcome.Kind.SAVED);
        assertThat(outcome.folder().resolve(org.dnw.train.Checkpoints.FOLDER)).doesNotExist();
        assertThat(java.nio.file.Files.readAllLines(outcome.folder().resolve("metrics.csv")))
                .hasSize(4);
    }

    @Test
    void manifestRecordsProvenanceAndFinalFigures() throws Exception {
        FakeRun.playFinished(recorder);
        Path folder = recorder.outcome().getNow(null).folder();

        RunManifest m = FakeRun.readManifest(folder.resolve("manifest.json"));

        assertThat(m.formatVersion()).isEqualTo(1);
        assertThat(m.runName()).isEqualTo(FakeRun.RUN_NAME);
        assertThat(m.spec()).isEqualTo(FakeRun.spec());
        assertThat(m.hyperparameters()).isEqualTo(FakeRun.hyperparameters());
        assertThat(m.seed()).isEqualTo(7);
        assertThat(m.dataset())
                .isEqualTo(
                        new DatasetInfo(
                                "Toy",
                                FakeRun.CLASS_NAMES,
                                FakeRun.DATASET.fileSha256(),
                                30,
                                6,
                                9));
        assertThat(m.environment())
                .containsEntry("djl", "0.35.1")
                .containsEntry("pytorch", "2.7.1")
                .containsKeys("java", "os");
        assertThat(m.device()).isEqualTo("CPU (2 threads)");
        assertThat(m.parameterCount()).isEqualTo(199);
        assertThat(m.startedAt()).isEqualTo(FakeRun.STARTED);
        assertThat(m.finishedAt()).isEqualTo(FakeRun.FINISHED);
        assertThat(m.durationMillis()).isEqualTo(61_000);
        // validation accuracies 0.5, 0.8, 0.7: best 0.8 at epoch 2
        assertThat(m.results()).isEqualTo(new RunResults(7.0 / 9, 0.61, 0.8, 2, 3, 1.0 / 3));
        assertThat(m.firstLayerParameter()).isEqualTo("01Conv2d_weight");
        assertThat(m.modelFiles()).containsExactly(FakeRun.PARAMS_FILE);
    }

    @Test
    void failedRunLeavesNothing() throws IOException {
        recorder.accept(FakeRun.started());
        FakeRun.epochs().forEach(recorder);
        Files.writeString(recorder.draft().folder().resolve(FakeRun.PARAMS_FILE), "partial");
        recorder.accept(
                new TrainingEvent.RunFailed(
                        FakeRun.RUN_NAME, "the loss became NaN", "lower the rate", 2, 3));

        RunSaveOutcome outcome = recorder.outcome().getNow(null);
        assertThat(outcome.kind()).isEqualTo(RunSaveOutcome.Kind.DISCARDED);
        assertThat(outcome.message()).contains("the loss became NaN").contains("nothing was saved");
        assertThat(FakeRun.fileNames(root)).isEmpty();
        assertThat(store.list()).isEmpty();
    }

    @Test
    void cancelledRunLeavesNothing() throws IOException {
        recorder.accept(FakeRun.started());
        FakeRun.epochs().forEach(recorder);
        recorder.accept(new TrainingEvent.RunCancelled(FakeRun.RUN_NAME, 2, 3, 1));

        RunSaveOutcome outcome = recorder.outcome().getNow(null);
        assertThat(outcome.kind()).isEqualTo(RunSaveOutcome.Kind.DISCARDED);
        assertThat(outcome.message()).contains("cancelled after 2 epochs");
        assertThat(FakeRun.fileNames(root)).isEmpty();
    }

    @Test
    void finishedWithoutStartedIsReportedNotThrown() throws IOException {
        assertThatCode(() -> recorder.accept(FakeRun.finished(null))).doesNotThrowAnyException();

        RunSaveOutcome outcome = recorder.outcome().getNow(null);
        assertThat(outcome.kind()).isEqualTo(RunSaveOutcome.Kind.SAVE_FAILED);
        assertThat(outcome.message()).contains("finished without having started");
        assertThat(FakeRun.fileNames(root)).isEmpty();
    }

    @Test
    void writeErrorIsReportedAndLeavesNothing() throws IOException {
        // a file already in the draft where the recorder must write makes the write fail
        Files.writeString(recorder.draft().folder().resolve("metrics.csv"), "in the way");

        assertThatCode(() -> FakeRun.playFinished(recorder)).doesNotThrowAnyException();

        RunSaveOutcome outcome = recorder.outcome().getNow(null);
        assertThat(outcome.kind()).isEqualTo(RunSaveOutcome.Kind.SAVE_FAILED);
        assertThat(outcome.folder()).isNull();
        assertThat(outcome.message()).startsWith("The run could not be saved in " + root);
        assertThat(FakeRun.fileNames(root)).isEmpty();
    }

    @Test
    void malformedTestEvaluationIsReportedNotThrown() throws IOException {
        recorder.accept(FakeRun.started());
        TrainingEvent.TestEvaluation bad =
                new TrainingEvent.TestEvaluation(
                        0.5, 1, null, new int[] {0, 1}, new int[] {0}, new float[0]);

        assertThatCode(
                        () ->
                                recorder.accept(
                                        new TrainingEvent.RunFinished(
                                                FakeRun.RUN_NAME,
                                                bad,
                                                0,
                                                1,
                                                null,
                                                List.of(),
                                                FakeRun.FINISHED)))
                .doesNotThrowAnyException();

        assertThat(recorder.outcome().getNow(null).kind())
                .isEqualTo(RunSaveOutcome.Kind.SAVE_FAILED);
        assertThat(FakeRun.fileNames(root)).isEmpty();
    }

    @Test
    void eventsAfterTheTerminalOneAreIgnored() throws Exception {
        FakeRun.playFinished(recorder);
        RunSaveOutcome first = recorder.outcome().getNow(null);

        recorder.accept(new TrainingEvent.RunCancelled(FakeRun.RUN_NAME, 3, 3, 4));

        assertThat(recorder.outcome().getNow(null)).isSameAs(first);
        assertThat(Files.isDirectory(first.folder())).isTrue();
    }

    @Test
    void paramsSavedOutsideTheDraftAreCopiedIn(@TempDir Path elsewhere) throws Exception {
        Files.writeString(elsewhere.resolve("tiny-cnn-0003.params"), "djl params");
        recorder.accept(FakeRun.started());
        FakeRun.epochs().forEach(recorder);
        recorder.accept(FakeRun.finished(elsewhere));

        RunSaveOutcome outcome = recorder.outcome().getNow(null);
        assertThat(outcome.kind()).isEqualTo(RunSaveOutcome.Kind.SAVED);
        assertThat(outcome.folder().resolve("tiny-cnn-0003.params")).hasContent("djl params");
        assertThat(elsewhere.resolve("tiny-cnn-0003.params")).exists();
    }

    @Test
    void commitCanRunOnAnotherThread() throws Exception {
        ExecutorService io = Executors.newSingleThreadExecutor();
        try {
            RunRecorder async = new RunRecorder(store, store.begin("async"), FakeRun.DATASET, io);

            FakeRun.playFinished(async);

            RunSaveOutcome outcome = async.outcome().get(30, TimeUnit.SECONDS);
            assertThat(outcome.kind()).isEqualTo(RunSaveOutcome.Kind.SAVED);
            assertThat(outcome.folder().getFileName().toString()).endsWith("-async");
        } finally {
            io.shutdownNow();
        }
    }
}
