package org.dnw.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dnw.runs.SlurmCluster;
import org.dnw.runs.SlurmSweep;
import org.dnw.store.RunStore;
import org.dnw.store.RunSummary;
import org.dnw.train.Checkpoints;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep task requeued by Slurm while it trains (as preemption does: SIGTERM, then the task back
 * in the queue) goes on from its checkpoint: the first attempt stops after a checkpoint and keeps
 * its run as interrupted, the second ({@code train --resume-if-interrupted} in the job script)
 * resumes it and saves it complete, each epoch once. On the one-node cluster of {@code
 * .ci/slurm-up}; skips, saying so, where {@code sbatch} is absent. The tasks run the installed
 * launcher, {@code target/workbench/bin/workbench}, built by {@code mvn package}.
 */
class SlurmRequeueIT {

    @TempDir Path dir;

    private Path launcher;

    @BeforeEach
    void needsSlurm() {
        Optional<SlurmCluster> found = SlurmCluster.find(System.getenv("PATH"));
        assumeTrue(
                found.isPresent(),
                "skipped: no sbatch on the PATH — start a cluster with .ci/slurm-up (as root)");
        launcher = Path.of("target", "workbench", "bin", "workbench").toAbsolutePath();
        assertThat(launcher)
                .as("bin/workbench of mvn package (run the ITs with mvn verify)")
                .isExecutable();
    }

    private static String slurm(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
        return out;
    }

    @Test
    void aRequeuedTaskResumesFromItsCheckpointAndCompletesItsRun() throws Exception {
        Path file =
                Files.writeString(
                        dir.resolve("requeue.json"),
                        """
                        {"name": "requeue", "dataset": "mnist-sample", "preset": "seed-cnn",
                         "trainSubset": 2000, "hyperparameters": {"epochCount": 4},
                         "axes": [{"setting": "lr", "values": ["0.001"]}]}
                        """);
        Path runs = dir.resolve("runs");
        WorkbenchCommandExitCodesTest.Result submitted =
                WorkbenchCommandExitCodesTest.run(
                        "sweep",
                        file.toString(),
                        "--slurm",
                        "--cpus-per-task",
                        "1",
                        "--launcher",
                        launcher.toString(),
                        "--runs-dir",
                        runs.toString());
        assertThat(submitted.code()).as(submitted.err()).isZero();
        Matcher m = Pattern.compile("Submitted job (\\d+)").matcher(submitted.out());
        assertThat(m.find()).as(submitted.out()).isTrue();
        String task = m.group(1) + "_0";
        Path sweepFolder;
        try (Stream<Path> s = Files.list(runs.resolve(SlurmSweep.SWEEPS_FOLDER))) {
            sweepFolder = s.findFirst().orElseThrow();
        }
        assertThat(Files.readString(sweepFolder.resolve("job.sbatch")))
                .contains("#SBATCH --requeue\n", " --resume-if-interrupted ;;\n");

        // requeue it once its first checkpoint is written, as a preemption would
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!hasCheckpoint(runs)) {
            assertThat(System.nanoTime()).as("a checkpoint within 5 minutes").isLessThan(deadline);
            Thread.sleep(100);
        }
        slurm("scontrol", "requeue", task);
        // Slurm holds a requeued job back for a while; let it start at once
        deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!slurm("squeue", "-h", "-o", "%T", "-j", task).contains("PENDING")) {
            assertThat(System.nanoTime()).as("the task pending again").isLessThan(deadline);
            Thread.sleep(200);
        }
        slurm("scontrol", "update", "JobId=" + task, "StartTime=now");
        deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (!slurm("squeue", "-h", "-j", task).isBlank()) {
            assertThat(System.nanoTime())
                    .as("the task done within 10 minutes")
                    .isLessThan(deadline);
            Thread.sleep(500);
        }

        String log;
        try (Stream<Path> logs = Files.list(sweepFolder.resolve("logs"))) {
            Path first = logs.findFirst().orElseThrow();
            log = Files.readString(first, StandardCharsets.UTF_8);
        }
        System.out.println(log);
        assertThat(log)
                .containsPattern("stopped at epoch \\d; resume with: workbench train --resume")
                .contains("Resuming ");
        List<RunSummary> saved = new RunStore(runs).list();
        assertThat(saved).hasSize(1);
        RunSummary run = saved.get(0);
        assertThat(run.isComplete()).as(run.problem()).isTrue();
        assertThat(run.epochsCompleted()).isEqualTo(4);
        assertThat(Files.readAllLines(run.folder().resolve("metrics.csv"))).hasSize(5);
        System.out.printf(
                "SlurmRequeueIT: task %s requeued after its first checkpoint, resumed: test"
                        + " accuracy %.2f %%%n",
                task, 100 * run.testAccuracy());
    }

    private static boolean hasCheckpoint(Path runs) throws Exception {
        if (!Files.isDirectory(runs)) {
            return false;
        }
        try (Stream<Path> drafts = Files.list(runs)) {
            return drafts.anyMatch(
                    d ->
                            d.getFileName().toString().startsWith(".tmp-")
                                    && Files.isDirectory(
                                            Checkpoints.folderOf(
                                                    d.resolve(Checkpoints.FOLDER), 1)));
        }
    }
}
