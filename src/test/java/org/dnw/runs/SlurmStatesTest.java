package org.dnw.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.dnw.runs.SlurmStates.TaskState;
import org.dnw.store.RunStatus;
import org.dnw.store.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parsing real Slurm 22.05 output (see {@code slurm/README.md} in the test resources). */
class SlurmStatesTest {

    @TempDir Path dir;

    private static String resource(String name) throws IOException {
        try (InputStream in = SlurmStatesTest.class.getResourceAsStream("slurm/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void squeueWhileTwoRunAndTwoWait() throws IOException {
        assertThat(SlurmStates.fromSqueue(resource("squeue-running.txt")))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(0, "RUNNING", 1, "RUNNING", 2, "PENDING", 3, "PENDING"));
    }

    @Test
    void scontrolGroupsThePendingTasksInOneRecord() throws IOException {
        assertThat(SlurmStates.fromScontrol(resource("scontrol-running.txt")))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(0, "RUNNING", 1, "RUNNING", 2, "PENDING", 3, "PENDING"));
    }

    @Test
    void scontrolAfterTheEndForgetsTheCancelledPendingTask() throws IOException {
        assertThat(SlurmStates.fromScontrol(resource("scontrol-ended.txt")))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(0, "COMPLETED", 1, "FAILED", 3, "COMPLETED"));
    }

    @Test
    void slurmStateNamesMapToTheTablesStates() {
        assertThat(SlurmStates.of("PENDING")).isEqualTo(TaskState.PENDING);
        assertThat(SlurmStates.of("COMPLETING")).isEqualTo(TaskState.RUNNING);
        assertThat(SlurmStates.of("COMPLETED")).isEqualTo(TaskState.DONE);
        assertThat(SlurmStates.of("CANCELLED by 0")).isEqualTo(TaskState.CANCELLED);
        assertThat(SlurmStates.of("OUT_OF_MEMORY")).isEqualTo(TaskState.FAILED);
        assertThat(SlurmStates.of("TIMEOUT")).isEqualTo(TaskState.FAILED);
        assertThat(SlurmStates.of("SOMETHING_NEW")).isEqualTo(TaskState.UNKNOWN);
        assertThat(SlurmStates.indices("N/A")).isEmpty();
        assertThat(SlurmStates.indices("[4-6%2]")).containsExactly(4, 5, 6);
    }

    private static RunSummary run(String name, String folder, double accuracy, Instant started) {
        return new RunSummary(
                Path.of("/runs", folder),
                RunStatus.OK,
                null,
                name,
                "MNIST (sample)",
                "mlp",
                10,
                1,
                0.5,
                accuracy,
                1000,
                "CPU",
                started,
                0,
                Double.NaN);
    }

    @Test
    void aNewSweepFolderIsHiddenNamedAfterTimeAndSweepAndNeverReused() throws Exception {
        Instant at = Instant.parse("2026-01-02T03:04:05Z");
        Path folder = SlurmSweep.createFolder(dir, "my sweep", at);
        assertThat(folder.getFileName().toString()).isEqualTo("20260102-030405-my-sweep");
        assertThat(folder.getParent().getFileName().toString()).isEqualTo(".sweeps");
        assertThat(SlurmSweep.createFolder(dir, "my sweep", at)).isNotEqualTo(folder);
        SlurmSweep.discard(folder);
        assertThat(folder).doesNotExist();
    }

    @Test
    void statusMergesSlurmWithTheSavedRuns() throws Exception {
        Instant created = Instant.parse("2026-12-05T23:00:00Z");
        List<SlurmSweep.PointRecord> points =
                List.of(
                        new SlurmSweep.PointRecord(0, "lr=0.1", "sweep-s-lr0.1", null),
                        new SlurmSweep.PointRecord(1, "lr=1", "sweep-s-lr1", null),
                        new SlurmSweep.PointRecord(2, "lr=2", "sweep-s-lr2", null),
                        new SlurmSweep.PointRecord(3, "lr=3", "sweep-s-lr3", null),
                        new SlurmSweep.PointRecord(4, "lr=4", "sweep-s-lr4", null),
                        new SlurmSweep.PointRecord(5, "lr=x", "sweep-s-lrx", "not a number"));
        SlurmSweep.Record record =
                new SlurmSweep.Record("s", created.toString(), "/runs", "2", points);
        Path logs = dir.resolve("logs");
        java.nio.file.Files.createDirectories(logs);
        java.nio.file.Files.writeString(logs.resolve("slurm-2_4.out"), "started\n");
        List<RunSummary> runs =
                List.of(
                        run(
                                "sweep-s-lr0.1",
                                "20261205-230100-sweep-s-lr0-1",
                                0.9,
                                created.plusSeconds(60)),
                        // an older sweep's run of the same name is not this sweep's
                        run(
                                "sweep-s-lr1",
                                "20261204-100000-sweep-s-lr1",
                                0.8,
                                created.minusSeconds(86_400)));
        Map<Integer, String> slurm = SlurmStates.fromScontrol(resource("scontrol-ended.txt"));
        List<SlurmSweep.StatusRow> rows = SlurmSweep.status(record, slurm, runs, logs);
        assertThat(rows)
                .extracting(SlurmSweep.StatusRow::state)
                .containsExactly(
                        TaskState.DONE, // a saved run
                        TaskState.FAILED, // Slurm: FAILED
                        TaskState.CANCELLED, // forgotten by Slurm, never wrote a log
                        TaskState.FAILED, // Slurm: COMPLETED, yet no run saved
                        TaskState.UNKNOWN, // forgotten by Slurm, but it had started
                        TaskState.SKIPPED);
        assertThat(rows.get(0).run().testAccuracy()).isEqualTo(0.9);
        assertThat(rows.get(1).run()).isNull();
    }

    private static RunSummary live(String name, RunStatus status, int epochs, Instant started) {
        return new RunSummary(
                Path.of("/runs", ".tmp-" + name),
                status,
                null,
                name,
                "MNIST (sample)",
                "mlp",
                10,
                epochs,
                0.5,
                Double.NaN,
                1000,
                "CPU",
                started,
                3,
                Double.NaN);
    }

    @Test
    void aPointWhoseRunWasLeftInterruptedShowsAsInterruptedWithItsEpochs() {
        Instant created = Instant.parse("2026-12-05T23:00:00Z");
        List<SlurmSweep.PointRecord> points =
                List.of(
                        new SlurmSweep.PointRecord(0, "lr=0", "sweep-s-lr0", null),
                        new SlurmSweep.PointRecord(1, "lr=1", "sweep-s-lr1", null),
                        new SlurmSweep.PointRecord(2, "lr=2", "sweep-s-lr2", null),
                        new SlurmSweep.PointRecord(3, "lr=3", "sweep-s-lr3", null),
                        new SlurmSweep.PointRecord(4, "lr=4", "sweep-s-lr4", null));
        SlurmSweep.Record record =
                new SlurmSweep.Record("s", created.toString(), "/runs", "7", points);
        Instant later = created.plusSeconds(60);
        List<RunSummary> runs =
                List.of(
                        live("sweep-s-lr0", RunStatus.RUNNING, 1, later),
                        live("sweep-s-lr1", RunStatus.INTERRUPTED, 2, later),
                        live("sweep-s-lr2", RunStatus.INTERRUPTED, 1, later),
                        live("sweep-s-lr3", RunStatus.RUNNING, 1, later),
                        live("sweep-s-lr4", RunStatus.INTERRUPTED, 3, later));
        Map<Integer, String> slurm =
                Map.of(0, "RUNNING", 1, "FAILED", 3, "CANCELLED", 4, "CANCELLED"); // 2: forgot
        List<SlurmSweep.StatusRow> rows = SlurmSweep.status(record, slurm, runs, null);
        assertThat(rows)
                .extracting(SlurmSweep.StatusRow::state)
                .containsExactly(
                        TaskState.RUNNING, // its run grows
                        TaskState.INTERRUPTED, // killed mid-run (kill -9): its epochs are kept
                        TaskState.INTERRUPTED, // Slurm forgot it; the run was left interrupted
                        TaskState.CANCELLED, // scancel: Slurm's word, the heartbeat not yet stale
                        TaskState.INTERRUPTED); // scancel mid-run: stopped, kept to be resumed
        assertThat(rows.get(0).live().epochsCompleted()).isEqualTo(1);
        assertThat(rows.get(1).live().epochsCompleted()).isEqualTo(2);
        assertThat(rows).allSatisfy(r -> assertThat(r.run()).isNull());
    }

    @Test
    void theRecordRoundTripsAndASweepIsFoundByPartOfItsName() throws Exception {
        Path folder = SlurmSweep.createFolder(dir, "kernel", Instant.parse("2026-01-02T03:04:05Z"));
        SlurmSweep.Record r =
                new SlurmSweep.Record(
                        "kernel",
                        "2026-01-02T03:04:05Z",
                        dir.toString(),
                        "12",
                        List.of(new SlurmSweep.PointRecord(0, "kernel=3", "sweep-kernel-3", null)));
        SlurmSweep.writeRecord(folder, r);
        assertThat(SlurmSweep.readRecord(folder)).isEqualTo(r);
        assertThat(SlurmSweep.find(Path.of("kernel"), dir)).isEqualTo(folder);
        assertThat(SlurmSweep.status(folder, java.util.Optional.empty()).slurmAsked()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SlurmSweep.readRecord(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a sweep sent to Slurm");
    }
}
