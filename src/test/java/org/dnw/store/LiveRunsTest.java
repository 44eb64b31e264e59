package org.dnw.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.dnw.runs.RunRecorder;
import org.dnw.train.TrainingEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drafts that train show in the list as running or interrupted, from their live event log. */
class LiveRunsTest {

    @TempDir Path root;
    RunStore store;
    String host;

    @BeforeEach
    void setUp() {
        store = new RunStore(root, ZoneOffset.UTC);
        host = DraftOwner.localHostName();
    }

    /** Plays the start and {@code epochs} epochs of the fake run into {@code folder}'s log. */
    static void playEpochs(Path folder, int epochs) {
        RunEvents.Writer log = RunEvents.appendTo(folder);
        log.accept(FakeRun.started());
        List<TrainingEvent> events = FakeRun.epochs();
        for (TrainingEvent e : events.subList(0, 2 * epochs)) {
            log.accept(e);
        }
        log.close();
    }

    /** A draft written by another owner, its heartbeat last renewed at {@code lastHeartbeat}. */
    Path draftOf(DraftOwner owner, Instant lastHeartbeat, int epochs) throws IOException {
        Path draft = Files.createTempDirectory(root, ".tmp-20260304-050607-other-");
        owner.writeTo(draft);
        if (epochs >= 0) {
            playEpochs(draft, epochs);
        }
        Files.setLastModifiedTime(
                draft.resolve(DraftOwner.HEARTBEAT_FILE), FileTime.from(lastHeartbeat));
        return draft;
    }

    DraftOwner remote() {
        return new DraftOwner("some-other-node", 4242, Instant.now(), Instant.now());
    }

    @Test
    void theLogHasOneVersionedJsonObjectALineAndThinsBatches() throws IOException {
        Path folder = Files.createDirectory(root.resolve("f"));
        RunEvents.Writer log = RunEvents.appendTo(folder);
        log.accept(FakeRun.started());
        for (int b = 1; b <= 500; b++) {
            log.accept(new TrainingEvent.BatchCompleted("r", 1, b, 500, 0.5, 0.4, 900, b));
        }
        log.accept(FakeRun.epochs().get(1));
        log.close();

        List<String> lines = Files.readAllLines(folder.resolve(RunEvents.FILE));
        ObjectMapper json = new ObjectMapper();
        List<String> types =
                lines.stream()
                        .map(
                                l -> {
                                    try {
                                        JsonNode n = json.readTree(l);
                                        assertThat(n.get("v").asInt()).isEqualTo(1);
                                        return n.get("type").asText();
                                    } catch (IOException e) {
                                        throw new AssertionError(l, e);
                                    }
                                })
                        .toList();
        // 500 batches within a second: one progress line, not 500
        assertThat(types).containsExactly("started", "progress", "epoch");
        JsonNode started = json.readTree(lines.get(0));
        assertThat(started.path("spec").path("name").asText()).isEqualTo(FakeRun.spec().name());
        assertThat(started.path("hyperparameters").path("epochCount").asInt()).isEqualTo(3);
        assertThat(started.path("datasetName").asText()).isEqualTo("Toy");
    }

    /** An interrupted draft named as {@link RunStore#begin} names it, its owner ended. */
    Path interruptedDraft() throws Exception {
        ProcessHandle ended = DraftOwnerTest.endedProcess();
        Path draft =
                Files.createDirectory(root.resolve(".tmp-20260304-050607-mlp-7-" + ended.pid()));
        new DraftOwner(host, ended.pid(), null, Instant.now()).writeTo(draft);
        playEpochs(draft, 2);
        return draft;
    }

    @Test
    void anInterruptedDraftIsTakenOverByOneProcessInOneRename() throws Exception {
        Path draft = interruptedDraft();
        assertThat(store.list().get(0).status()).isEqualTo(RunStatus.INTERRUPTED);

        RunDraft taken = store.takeOver(draft, "mlp 7");

        long me = ProcessHandle.current().pid();
        assertThat(taken.folder().getFileName().toString())
                .isEqualTo(".tmp-20260304-050607-mlp-7-" + me);
        assertThat(draft).doesNotExist();
        assertThat(DraftOwner.readFrom(taken.folder()).orElseThrow().pid()).isEqualTo(me);
        assertThat(taken.folder().resolve(RunEvents.FILE)).exists();
        RunSummary listed = store.list().get(0);
        assertThat(listed.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(listed.epochsCompleted()).isEqualTo(2);
        // the second taker finds the folder gone
        assertThatThrownBy(() -> store.takeOver(draft, "mlp 7"))
                .isInstanceOfSatisfying(
                        RunStore.DraftInUseException.class,
                        e -> assertThat(e.takenByAnother()).isTrue());
        // and the new owner's draft is alive: not to be taken
        assertThatThrownBy(() -> store.takeOver(taken.folder(), "mlp 7"))
                .isInstanceOfSatisfying(
                        RunStore.DraftInUseException.class,
                        e -> {
                            assertThat(e.takenByAnother()).isFalse();
                            assertThat(e.getMessage()).contains("is still training");
                        });
        store.release(taken);
    }

    @Test
    void ofTwoThreadsTakingOverOneDraftAtOnceExactlyOneWins() throws Exception {
        for (int round = 0; round < 5; round++) {
            Path draft = interruptedDraft();
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.ExecutorService two =
                    java.util.concurrent.Executors.newFixedThreadPool(2);
            List<java.util.concurrent.Future<Object>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 2; t++) {
                results.add(
                        two.submit(
                                () -> {
                                    start.await();
                                    try {
                                        return store.takeOver(draft, "mlp 7");
                                    } catch (RunStore.DraftInUseException e) {
                                        return e;
                                    }
                                }));
            }
            List<Object> got = new java.util.ArrayList<>();
            for (var f : results) {
                got.add(f.get());
            }
            two.shutdown();
            assertThat(got).filteredOn(o -> o instanceof RunDraft).hasSize(1);
            assertThat(got).filteredOn(o -> o instanceof RunStore.DraftInUseException).hasSize(1);
            RunDraft won =
                    (RunDraft) got.stream().filter(o -> o instanceof RunDraft).findFirst().get();
            store.release(won);
            store.discard(won);
        }
    }

    @Test
    void aDraftRenamedByAResumerThatHasNotYetWrittenItsRecordCountsAsTaken() throws Exception {
        Path draft = interruptedDraft();
        Path renamed = root.resolve(".tmp-20260304-050607-mlp-7-999999999");
        Files.move(draft, renamed);

        assertThatThrownBy(() -> store.takeOver(renamed, "mlp 7"))
                .isInstanceOfSatisfying(
                        RunStore.DraftInUseException.class,
                        e -> assertThat(e.takenByAnother()).isTrue());
    }

    @Test
    void aRunningRemoteDraftIsNotTakenOver() throws Exception {
        Path draft = draftOf(remote(), Instant.now(), 1);
        assertThatThrownBy(() -> store.takeOver(draft, "other"))
                .isInstanceOfSatisfying(
                        RunStore.DraftInUseException.class,
                        e -> assertThat(e.takenByAnother()).isFalse());
        assertThat(draft).isDirectory();
    }

    @Test
    void aResumedRunShowsEachEpochOnceWhateverTheKilledProcessHadLogged() throws IOException {
        Path folder = Files.createDirectory(root.resolve("resumed"));
        // the first process logged epochs 1-3 (3 after its last checkpoint) and was killed inside 4
        playEpochs(folder, 3);
        List<TrainingEvent> epochs =
                FakeRun.epochs().stream()
                        .filter(e -> e instanceof TrainingEvent.EpochCompleted)
                        .map(e -> (TrainingEvent.EpochCompleted) e)
                        .collect(java.util.stream.Collectors.toList());
        RunEvents.Writer log = RunEvents.appendTo(folder);
        log.accept(new TrainingEvent.BatchCompleted("r", 4, 1, 10, 0.5, 0.4, 900, 1));
        log.close();
        // the resumer went on from the checkpoint of epoch 2 and trained epoch 3 again
        log = RunEvents.appendTo(folder);
        log.accept(FakeRun.started());
        log.accept(
                new TrainingEvent.CheckpointRestored(
                        "r",
                        2,
                        epochs.subList(0, 2).stream()
                                .map(e -> (TrainingEvent.EpochCompleted) e)
                                .toList(),
                        List.of("the checkpoint of epoch 3 is damaged; resuming from epoch 2")));
        log.close();

        RunEvents.Log read = RunEvents.read(folder);
        assertThat(read.epochs()).extracting(EpochMetrics::epoch).containsExactly(1, 2);
        assertThat(read.progress()).isNull();

        log = RunEvents.appendTo(folder);
        log.accept(epochs.get(2));
        log.close();
        assertThat(RunEvents.read(folder).epochs())
                .extracting(EpochMetrics::epoch)
                .containsExactly(1, 2, 3);
        assertThat(Files.readAllLines(folder.resolve(RunEvents.FILE)))
                .anyMatch(l -> l.contains("\"type\":\"restored\"") && l.contains("\"epoch\":2"));
    }

    @Test
    void readingSkipsATornLastLine() throws IOException {
        Path folder = Files.createDirectory(root.resolve("f"));
        playEpochs(folder, 2);
        Files.writeString(
                folder.resolve(RunEvents.FILE),
                "{\"v\":1,\"type\":\"epoch\",\"epoch\":3,\"trainLo",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        RunEvents.Log log = RunEvents.read(folder);

        assertThat(log.epochs()).extracting(EpochMetrics::epoch).containsExactly(1, 2);
        assertThat(log.epochCount()).isEqualTo(3);
        assertThat(log.bestValidationAccuracy()).isEqualTo(0.8);
        assertThat(log.progress().samplesPerSecond()).isEqualTo(100);
        assertThat(log.end()).isNull();
    }

    @Test
    void aDraftTrainingInThisProcessIsListedAsRunningWithItsFiguresSoFar() throws IOException {
        RunDraft draft = store.begin("tiny run");
        playEpochs(draft.folder(), 2);

        List<RunSummary> runs = store.list();

        assertThat(runs).hasSize(1);
        RunSummary r = runs.get(0);
        assertThat(r.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(r.status().label()).isEqualTo("running");
        assertThat(r.runName()).isEqualTo(FakeRun.RUN_NAME);
        assertThat(r.epochsCompleted()).isEqualTo(2);
        assertThat(r.epochCount()).isEqualTo(3);
        assertThat(r.bestValidationAccuracy()).isEqualTo(0.8);
        assertThat(r.samplesPerSecond()).isEqualTo(100);
        assertThat(r.isLive()).isTrue();
        assertThat(r.isComplete()).isFalse();
        // the id commands take: the draft's name without the hidden prefix, start time first
        assertThat(r.folderName()).matches("\\d{8}-\\d{6}-tiny-run-\\d+");
        assertThat(store.readLive(r).epochs()).hasSize(2);
    }

    @Test
    void aDraftWithoutEventsIsNotListed() throws IOException {
        store.begin("loading");
        assertThat(store.list()).isEmpty();
    }

    @Test
    void aDraftWhoseOwnerEndedOnThisHostIsInterruptedAtOnceAndKept() throws Exception {
        ProcessHandle ended = DraftOwnerTest.endedProcess();
        Path draft =
                draftOf(new DraftOwner(host, ended.pid(), null, Instant.now()), Instant.now(), 2);

        RunSummary r = store.list().get(0);
        assertThat(r.status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(r.epochsCompleted()).isEqualTo(2);

        assertThat(store.cleanStaleDrafts()).isZero();
        assertThat(draft).isDirectory();
    }

    @Test
    void aRemoteDraftIsRunningWhileItsHeartbeatIsFreshAndInterruptedAfterTwentySeconds()
            throws IOException {
        draftOf(remote(), Instant.now().minusSeconds(3), 1);
        assertThat(store.list()).extracting(RunSummary::status).containsExactly(RunStatus.RUNNING);

        Path silent = draftOf(remote(), Instant.now().minusSeconds(25), 1);
        assertThat(store.list())
                .extracting(RunSummary::status)
                .containsExactlyInAnyOrder(RunStatus.RUNNING, RunStatus.INTERRUPTED);
        assertThat(DraftOwner.SILENT_AFTER.plus(DraftOwner.HEARTBEAT_INTERVAL).toSeconds())
                .isLessThanOrEqualTo(30);

        // long dead, but it trained: only the user deletes it
        Files.setLastModifiedTime(
                silent.resolve(DraftOwner.HEARTBEAT_FILE),
                FileTime.from(Instant.now().minus(DraftOwner.STALE_AFTER).minusSeconds(60)));
        assertThat(store.cleanStaleDrafts()).isZero();
        assertThat(silent).isDirectory();
    }

    @Test
    void aDeadDraftWithoutEventsIsStillCleaned() throws IOException {
        Path dead =
                draftOf(remote(), Instant.now().minus(DraftOwner.STALE_AFTER).minusSeconds(60), -1);

        assertThat(store.cleanStaleDrafts()).isEqualTo(1);
        assertThat(dead).doesNotExist();
    }

    @Test
    void anInterruptedRunCanBeDeletedButARunningOneCannot() throws Exception {
        ProcessHandle ended = DraftOwnerTest.endedProcess();
        Path interrupted =
                draftOf(new DraftOwner(host, ended.pid(), null, Instant.now()), Instant.now(), 1);
        RunDraft running = store.begin("running");
        playEpochs(running.folder(), 1);

        RunSummary runningRun =
                store.list().stream()
                        .filter(r -> r.status() == RunStatus.RUNNING)
                        .findFirst()
                        .orElseThrow();
        assertThatThrownBy(() -> store.delete(runningRun))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("still running");
        store.delete(interrupted);

        assertThat(interrupted).doesNotExist();
        assertThat(running.folder()).isDirectory();
    }

    @Test
    void aRecordedRunKeepsItsLogWhenPublishedAndIsComplete() throws IOException {
        RunRecorder recorder =
                new RunRecorder(store, store.begin(FakeRun.RUN_NAME), FakeRun.DATASET);
        FakeRun.playFinished(recorder);
        Path folder = recorder.outcome().getNow(null).folder();

        RunEvents.Log log = RunEvents.read(folder);
        assertThat(log.epochs()).hasSize(3);
        assertThat(log.end()).isEqualTo("finished");
        RunSummary r = store.list().get(0);
        assertThat(r.status()).isEqualTo(RunStatus.OK);
        assertThat(r.status().label()).isEqualTo("complete");
        assertThat(r.epochCount()).isEqualTo(3);
        // 30 training samples x 3 epochs in 61 s
        assertThat(r.samplesPerSecond()).isCloseTo(90.0 / 61, within(1e-9));
    }
}
