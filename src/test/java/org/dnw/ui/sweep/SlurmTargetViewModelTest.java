package org.dnw.ui.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.dnw.runs.SlurmCluster;
import org.dnw.runs.SlurmOptions;
import org.dnw.runs.SlurmStates.TaskState;
import org.dnw.runs.SlurmSubmitter;
import org.dnw.runs.SlurmSweep;
import org.dnw.store.RunStatus;
import org.dnw.store.RunSummary;
import org.dnw.train.SweepSetting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Sweep panel's Slurm choice against a fake cluster: no Slurm, no display, no data. */
class SlurmTargetViewModelTest {

    @TempDir Path dir;

    /** Records what the panel asks; answers what the test sets. */
    static final class FakeSlurm implements SlurmService {
        boolean available = true;
        String refusal;
        final List<SlurmSubmitter.Request> requests = new ArrayList<>();
        final List<String> cancelled = new ArrayList<>();
        SlurmSubmitter.Submitted submitted;
        SlurmSweep.Status status;

        @Override
        public boolean available() {
            return available;
        }

        @Override
        public SlurmSubmitter.Submitted submit(SlurmSubmitter.Request r) throws Exception {
            requests.add(r);
            if (refusal != null) {
                throw new SlurmCluster.SubmissionRefused(refusal);
            }
            Path folder = r.runsDir().resolve(".sweeps").resolve("s");
            List<SlurmSweep.PointRecord> points = SlurmSubmitter.points(r);
            submitted =
                    new SlurmSubmitter.Submitted(
                            "42",
                            folder,
                            SlurmSubmitter.script(r, folder, points),
                            new SlurmSweep.Record(
                                    r.name(),
                                    Instant.now().toString(),
                                    r.runsDir().toString(),
                                    "42",
                                    points));
            return submitted;
        }

        @Override
        public SlurmSweep.Status status(Path folder) {
            return status;
        }

        @Override
        public void cancel(String jobId) {
            cancelled.add(jobId);
        }
    }

    private final FakeSlurm slurm = new FakeSlurm();
    private final List<Path> saved = new ArrayList<>();
    private Path launcher;
    private String dataset = "mnist-sample";
    private SlurmTargetViewModel target;
    private SweepViewModel sweep;

    @BeforeEach
    void panel() throws Exception {
        launcher = Files.createFile(dir.resolve("workbench"));
        launcher.toFile().setExecutable(true);
        target =
                new SlurmTargetViewModel(
                        slurm,
                        () -> launcher,
                        () -> dataset,
                        dir.resolve("runs"),
                        Runnable::run,
                        Runnable::run);
        sweep =
                new SweepViewModel(
                        new SweepFakes.Starter(),
                        SweepFakes::base,
                        Runnable::run,
                        saved::add,
                        target);
        sweep.first().settingProperty().set(SweepSetting.LEARNING_RATE);
        sweep.first().valuesTextProperty().set("0.001, 0.01");
        target.onSlurmProperty().set(true);
    }

    private SlurmSweep.Status status(TaskState a, String slurmA, TaskState b, String slurmB) {
        return status(slurm.submitted, List.of(a, b), List.of(slurmA, slurmB));
    }

    /** The submitted sweep with these states and Slurm names, point by point. */
    static SlurmSweep.Status status(
            SlurmSubmitter.Submitted submitted, List<TaskState> states, List<String> slurmStates) {
        List<SlurmSweep.PointRecord> points = submitted.record().points();
        List<SlurmSweep.StatusRow> rows = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) {
            rows.add(row(points.get(i), states.get(i), slurmStates.get(i), 0.91 - 0.04 * i));
        }
        return new SlurmSweep.Status(submitted.folder(), submitted.record(), rows, true);
    }

    private static SlurmSweep.StatusRow row(
            SlurmSweep.PointRecord p, TaskState state, String slurmState, double accuracy) {
        RunSummary done = state == TaskState.DONE ? summary(p, RunStatus.OK, accuracy, 2) : null;
        RunSummary live =
                state == TaskState.RUNNING || state == TaskState.INTERRUPTED
                        ? summary(
                                p,
                                state == TaskState.RUNNING
                                        ? RunStatus.RUNNING
                                        : RunStatus.INTERRUPTED,
                                Double.NaN,
                                1)
                        : null;
        return new SlurmSweep.StatusRow(p, state, slurmState, done, live);
    }

    private static RunSummary summary(
            SlurmSweep.PointRecord p, RunStatus status, double accuracy, int epochs) {
        return new RunSummary(
                Path.of("runs", p.runName()),
                status,
                null,
                p.runName(),
                "MNIST sample",
                "small-cnn",
                12_345,
                epochs,
                accuracy - 0.01,
                accuracy,
                61_000,
                "cpu",
                Instant.now(),
                2,
                900);
    }

    private List<String> outcomes() {
        return sweep.rows().stream()
                .map(r -> r.outcomeProperty().get())
                .collect(Collectors.toList());
    }

    @Test
    void eachFieldThatCannotBeSentHasItsOwnSentence() {
        target.partitionProperty().set("gpu nodes");
        target.timeLimitProperty().set("90 minutes");
        target.cpusPerTaskProperty().set("0");
        target.memoryProperty().set("lots");
        target.gresProperty().set("gpu 1");
        target.maxParallelProperty().set("-2");
        target.runsFolderProperty().set(" ");

        assertThat(target.problemsProperty().get().split("\n"))
                .containsExactly(
                        "Partition takes letters, digits and . : , _ + - only, e.g. gpu.",
                        "Time limit must read like 01:30:00 (hours:minutes:seconds) or"
                                + " 2-00:00:00.",
                        "CPUs per task must be a whole number from 1, e.g. 2.",
                        "Memory must be a number with a unit, e.g. 4G or 500M, or empty.",
                        "GPUs must read like gpu:1 (or gpu:a100:2), or stay empty for none.",
                        "Max parallel must be a whole number from 1, or empty for no limit.",
                        "Choose a runs folder that every node of the cluster sees.");
        sweep.run();
        assertThat(sweep.job().errorProperty().get()).startsWith("Partition takes letters");
        assertThat(slurm.requests).isEmpty();

        target.partitionProperty().set("gpu");
        target.timeLimitProperty().set("00:30:00");
        target.cpusPerTaskProperty().set("2");
        target.memoryProperty().set("4G");
        target.gresProperty().set("gpu:1");
        target.maxParallelProperty().set("3");
        target.runsFolderProperty().set(dir.resolve("shared").toString());
        assertThat(target.problemsProperty().get()).isEmpty();
        assertThat(target.options())
                .isEqualTo(new SlurmOptions("gpu", "00:30:00", 2, "4G", "gpu:1", 3));
    }

    @Test
    void aRunsFolderUnderTmpGetsTheCommandLinesWarning() {
        target.runsFolderProperty().set("/tmp/runs");
        assertThat(target.warningProperty().get())
                .startsWith("Warning: the runs folder /tmp/runs is under /tmp, which each node")
                .endsWith(
                        "choose a runs folder on a shared file system (fine on a one-node"
                                + " cluster).");
        target.onSlurmProperty().set(false);
        assertThat(target.warningProperty().get()).isEmpty();
    }

    @Test
    void withoutSbatchStartSaysSoInOneSentenceAndSubmitsNothing() {
        slurm.available = false;
        sweep.run();

        assertThat(sweep.job().errorProperty().get()).isEqualTo(SlurmTargetViewModel.NO_SLURM);
        assertThat(slurm.requests).isEmpty();
        assertThat(sweep.job().isRunning()).isFalse();
        assertThat(target.onSlurm()).as("the choice stays").isTrue();
    }

    @Test
    void aRefusedSubmissionShowsSlurmsMessage() {
        slurm.refusal = "sbatch: error: invalid partition specified: nope";
        sweep.run();

        assertThat(sweep.job().errorProperty().get())
                .isEqualTo(
                        "Slurm refused the sweep: sbatch: error: invalid partition specified:"
                                + " nope. Nothing was submitted.");
        assertThat(sweep.job().isRunning()).isFalse();
        assertThat(sweep.rows()).isEmpty();
    }

    @Test
    void withNoDataSetLoadedStartAsksForOne() {
        dataset = null;
        sweep.run();

        assertThat(sweep.job().errorProperty().get()).startsWith("Load a data set");
        assertThat(slurm.requests).isEmpty();
    }

    @Test
    void aSubmittedSweepShowsEachTasksStateAndFillsInAsPointsComplete() {
        target.maxParallelProperty().set("2");
        sweep.run();

        SlurmSubmitter.Request r = slurm.requests.get(0);
        assertThat(r.dataset()).isEqualTo("mnist-sample");
        assertThat(r.launcher()).isEqualTo(launcher);
        assertThat(r.runsDir()).isEqualTo(dir.resolve("runs"));
        assertThat(r.options().maxParallel()).isEqualTo(2);
        assertThat(r.plan().points()).hasSize(2);
        assertThat(sweep.job().statusProperty().get())
                .startsWith("Submitted job 42 (array 0-1%2) to Slurm");
        assertThat(sweep.job().isRunning()).isTrue();

        slurm.status = status(TaskState.RUNNING, "RUNNING", TaskState.PENDING, "PENDING");
        target.poll();
        assertThat(outcomes()).containsExactly("running", "pending");
        assertThat(sweep.rows().get(0).state()).isEqualTo(SweepRow.State.TRAINING);
        assertThat(sweep.rows().get(0).messageProperty().get())
                .isEqualTo("epoch 2 of 2; Slurm: RUNNING");
        assertThat(sweep.progressTextProperty().get()).isEqualTo("Job 42: 1 pending, 1 running");

        slurm.status = status(TaskState.DONE, "COMPLETED", TaskState.RUNNING, "RUNNING");
        target.poll();
        assertThat(outcomes()).containsExactly("saved", "running");
        assertThat(sweep.rows().get(0).figuresProperty().get().testAccuracy()).isEqualTo(0.91);
        assertThat(sweep.chartPoints()).hasSize(1);
        assertThat(saved).hasSize(1);

        slurm.status = status(TaskState.DONE, "", TaskState.INTERRUPTED, "FAILED");
        target.poll();
        assertThat(outcomes()).containsExactly("saved", "interrupted");
        assertThat(sweep.rows().get(1).state()).isEqualTo(SweepRow.State.INTERRUPTED);
        assertThat(sweep.rows().get(1).messageProperty().get())
                .contains("Slurm: FAILED")
                .contains("stopped after 1 epoch(s)");
        assertThat(sweep.job().isRunning()).isFalse();
        assertThat(target.following()).isFalse();
        assertThat(sweep.job().statusProperty().get())
                .startsWith("Sweep finished: 1 run saved, 1 failed.");
        assertThat(saved).hasSize(1);
    }

    @Test
    void cancelRunsScancelOnTheArrayAndTheRowsLeavePendingAndRunning() {
        sweep.run();
        slurm.status = status(TaskState.RUNNING, "RUNNING", TaskState.PENDING, "PENDING");
        target.poll();

        sweep.cancel();
        assertThat(slurm.cancelled).containsExactly("42");
        assertThat(sweep.job().statusProperty().get()).contains("cancelled with scancel");
        assertThat(sweep.job().isCancelling()).as("until Slurm has stopped them").isTrue();
        assertThat(sweep.progressTextProperty().get())
                .isEqualTo("Job 42, cancelled with scancel: 1 pending, 1 running");

        slurm.status = status(TaskState.CANCELLED, "CANCELLED by 0", TaskState.CANCELLED, "");
        target.poll();
        assertThat(outcomes()).containsExactly("cancelled", "cancelled");
        assertThat(sweep.job().isRunning()).isFalse();
        assertThat(sweep.job().statusProperty().get()).startsWith("Sweep cancelled");
        assertThat(sweep.progressTextProperty().get()).as("the status shows").isEmpty();
    }

    @Test
    void cancelWhileSubmittingCancelsTheJobOnceSlurmHasAcceptedIt() {
        List<Runnable> queued = new ArrayList<>();
        target =
                new SlurmTargetViewModel(
                        slurm,
                        () -> launcher,
                        () -> dataset,
                        dir.resolve("runs"),
                        queued::add,
                        Runnable::run);
        sweep =
                new SweepViewModel(
                        new SweepFakes.Starter(), SweepFakes::base, Runnable::run, null, target);
        target.onSlurmProperty().set(true);
        sweep.run();
        sweep.cancel();
        assertThat(slurm.cancelled).isEmpty();

        while (!queued.isEmpty()) {
            queued.remove(0).run();
        }
        assertThat(slurm.cancelled).containsExactly("42");
    }
}
