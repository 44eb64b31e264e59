package org.dnw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.dnw.runs.RunRecorder;
import org.dnw.store.DraftOwner;
import org.dnw.store.FakeRun;
import org.dnw.store.RunDraft;
import org.dnw.store.RunEvents;
import org.dnw.store.RunStore;
import org.dnw.train.TrainingEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code runs} lists complete, running and interrupted runs, once or redrawn with --watch. */
class RunsCommandTest {

    @TempDir Path dir;
    Path runs;
    RunStore store;

    @BeforeEach
    void setUp() throws IOException {
        runs = dir.resolve("runs");
        store = new RunStore(runs);
    }

    static void play(Path folder, int epochs) {
        RunEvents.Writer log = RunEvents.appendTo(folder);
        log.accept(FakeRun.started());
        List<TrainingEvent> events = FakeRun.epochs();
        events.subList(0, 2 * epochs).forEach(log::accept);
        log.close();
    }

    void fillFolder() throws IOException {
        RunRecorder complete = new RunRecorder(store, store.begin("done"), FakeRun.DATASET);
        FakeRun.playFinished(complete);
        RunDraft running = store.begin("training");
        play(running.folder(), 2);
        // a run of another node that went silent half a minute ago
        Path interrupted = Files.createDirectory(runs.resolve(".tmp-20260101-000000-lost-77"));
        new DraftOwner("another-node", 77, Instant.now(), Instant.now()).writeTo(interrupted);
        play(interrupted, 1);
        Files.setLastModifiedTime(
                interrupted.resolve(DraftOwner.HEARTBEAT_FILE),
                FileTime.from(Instant.now().minusSeconds(30)));
    }

    static String rowOf(String out, String start) {
        return out.lines()
                .filter(l -> l.startsWith(start))
                .findFirst()
                .orElse("(no row " + start + ")");
    }

    @Test
    void runsShowsTheStateEpochsAccuracyAndSpeedOfEveryRun() throws IOException {
        fillFolder();

        WorkbenchCommandTest.Result r =
                WorkbenchCommandTest.run("runs", "--runs-dir", runs.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("state").contains("images/s");
        assertThat(rowOf(r.out(), "20260101-000000-lost-77"))
                .contains("interrupted")
                .contains("1/3")
                .contains("50.00%")
                .contains("100");
        String running =
                r.out().lines().filter(l -> l.contains(" running ")).findFirst().orElseThrow();
        assertThat(running).contains("2/3").contains("80.00%").contains("tiny-cnn");
        assertThat(r.out().lines().filter(l -> l.contains(" complete ")).findFirst().orElseThrow())
                .contains("complete")
                .contains("77.78%");
    }

    @Test
    void watchRedrawsTheTableAsPlainBlocksWhenNotATerminal() throws IOException {
        fillFolder();

        WorkbenchCommandTest.Result r =
                WorkbenchCommandTest.run(
                        "runs",
                        "--watch",
                        "--interval",
                        "0.1",
                        "--redraws",
                        "3",
                        "--runs-dir",
                        runs.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().filter(l -> l.startsWith("Runs in "))).hasSize(3);
        assertThat(r.out().lines().filter(l -> l.contains("interrupted"))).hasSize(3);
        assertThat(r.out()).doesNotContain("\033[");
    }

    @Test
    void anIntervalOfZeroIsABadArgument() {
        WorkbenchCommandTest.Result r =
                WorkbenchCommandTest.run(
                        "runs", "--watch", "--interval", "0", "--runs-dir", runs.toString());

        assertThat(r.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(r.err()).contains("--interval must be between 0.1 and 3600 seconds");
    }

    @Test
    void anEmptyFolderSaysSo() {
        WorkbenchCommandTest.Result r =
                WorkbenchCommandTest.run("runs", "--runs-dir", runs.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("No saved runs");
    }

    @Test
    void aRunningOrInterruptedRunIsRefusedByTheCommandsThatNeedACompleteOne() throws IOException {
        fillFolder();
        String training = folderOf(org.dnw.store.RunStatus.RUNNING);
        String lostOne = folderOf(org.dnw.store.RunStatus.INTERRUPTED);
        WorkbenchCommandTest.Result running =
                WorkbenchCommandTest.run("evaluate", training, "--runs-dir", runs.toString());
        assertThat(running.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(running.err())
                .contains("is still training (2 epochs done)")
                .contains("runs --watch")
                .doesNotContain("manifest.json");

        WorkbenchCommandTest.Result lost =
                WorkbenchCommandTest.run("report", lostOne, "--runs-dir", runs.toString());
        assertThat(lost.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(lost.err()).contains("was interrupted after 1 epoch:");

        String pictures = runs.resolveSibling("pictures").toString();
        WorkbenchCommandTest.Result inspected =
                WorkbenchCommandTest.run(
                        "inspect",
                        training,
                        "x.png",
                        "--out",
                        pictures,
                        "--runs-dir",
                        runs.toString());
        assertThat(inspected.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(inspected.err()).contains("is still training (2 epochs done)");
        assertThat(java.nio.file.Path.of(pictures)).doesNotExist();
    }

    private String folderOf(org.dnw.store.RunStatus status) throws IOException {
        return store.list().stream()
                .filter(r -> r.status() == status)
                .findFirst()
                .orElseThrow()
                .folderName();
    }
}
