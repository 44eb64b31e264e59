package org.dnw.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dnw.runs.SlurmCluster;
import org.dnw.runs.SlurmStates;
import org.dnw.runs.SlurmStates.TaskState;
import org.dnw.runs.SlurmSweep;
import org.dnw.store.DraftOwner;
import org.dnw.store.RunEvents;
import org.dnw.store.RunStatus;
import org.dnw.store.RunStore;
import org.dnw.store.RunSummary;
import org.dnw.store.SavedRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep on a real Slurm cluster (the one-node cluster of {@code .ci/slurm-up}, which {@code
 * .ci/run} starts): submission, the array's throttle, the runs in the shared folder, {@code sweep
 * --status}, and the two cluster exit codes. Skips, saying so, where {@code sbatch} is absent.
 *
 * <p>The tasks run the installed launcher, {@code target/workbench/bin/workbench}, which {@code mvn
 * package} builds before the integration tests run.
 */
class SlurmSweepIT {

    @TempDir Path dir;

    private SlurmCluster cluster;
    private Path launcher;

    @BeforeEach
    void needsSlurm() throws Exception {
        Optional<SlurmCluster> found = SlurmCluster.find(System.getenv("PATH"));
        assumeTrue(
                found.isPresent(),
                "skipped: no sbatch on the PATH — start a cluster with .ci/slurm-up (as root)");
        cluster = found.get();
        // the installed launcher, built by `mvn package` before the integration tests run
        launcher = Path.of("target", "workbench", "bin", "workbench").toAbsolutePath();
        assertThat(launcher)
                .as("bin/workbench of mvn package (run the ITs with mvn verify)")
                .isExecutable();
    }

    private Path sweepFile() throws Exception {
        return Files.writeString(
                dir.resolve("lr-batch.json"),
                """
                {"name": "lrbatch", "dataset": "mnist-sample", "preset": "mlp", "trainSubset": 1000,
                 "hyperparameters": {"epochCount": 1},
                 "axes": [{"setting": "lr", "values": ["0.001", "0.01"]},
                          {"setting": "batch", "values": ["32", "64"]}]}
                """);
    }

    private static WorkbenchCommandExitCodesTest.Result run(String... args) {
        return WorkbenchCommandExitCodesTest.run(args);
    }

    @Test
    void fourPointsRunTwoAtATimeAndAllFourRunsAreSaved() throws Exception {
        Path file = sweepFile();
        Path runs = dir.resolve("shared runs"); // a space, as users' folders have
        long start = System.nanoTime();
        WorkbenchCommandExitCodesTest.Result submitted =
                run(
                        "sweep",
                        file.toString(),
                        "--slurm",
                        "--cpus-per-task",
                        "1",
                        "--max-parallel",
                        "2",
                        "--launcher",
                        launcher.toString(),
                        "--runs-dir",
                        runs.toString());
        System.out.println(submitted.out() + submitted.err());
        assertThat(submitted.code()).as(submitted.err()).isZero();
        assertThat(submitted.err()).contains("Warning: the runs folder").contains("/tmp");
        Matcher m = Pattern.compile("Submitted job (\\d+): array 0-3%2").matcher(submitted.out());
        assertThat(m.find()).as(submitted.out()).isTrue();
        String jobId = m.group(1);

        // sample Slurm's view until the array has left the queue
        int maxRunning = 0;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (true) {
            Map<Integer, String> states = cluster.states(jobId);
            int running = (int) states.values().stream().filter("RUNNING"::equals).count();
            maxRunning = Math.max(maxRunning, running);
            if (!active(states) || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(200);
        }
        double slurmSeconds = (System.nanoTime() - start) / 1e9;

        Path sweepFolder;
        try (Stream<Path> s = Files.list(runs.resolve(SlurmSweep.SWEEPS_FOLDER))) {
            sweepFolder = s.findFirst().orElseThrow();
        }
        for (Path log : logs(sweepFolder)) {
            System.out.println(
                    "--- "
                            + log.getFileName()
                            + "\n"
                            + Files.readString(log, StandardCharsets.UTF_8));
        }
        assertThat(maxRunning).as("array tasks running at once").isEqualTo(2);

        List<RunSummary> saved = new RunStore(runs).list();
        assertThat(saved).extracting(RunSummary::status).containsOnly(RunStatus.OK);
        assertThat(saved)
                .extracting(RunSummary::runName)
                .containsExactlyInAnyOrder(
                        "sweep-lrbatch-lr0.001-batch32",
                        "sweep-lrbatch-lr0.001-batch64",
                        "sweep-lrbatch-lr0.01-batch32",
                        "sweep-lrbatch-lr0.01-batch64");
        List<String> settings = new ArrayList<>();
        for (RunSummary s : saved) {
            SavedRun r = new RunStore(runs).load(s.folder());
            settings.add(
                    r.manifest().hyperparameters().learningRate()
                            + "/"
                            + r.manifest().hyperparameters().batchSize());
            assertThat(s.device()).isEqualTo("CPU (1 threads)");
        }
        assertThat(settings)
                .containsExactlyInAnyOrder("0.001/32", "0.001/64", "0.01/32", "0.01/64");
        // the runs' own times: never more than two trained at once
        assertThat(mostAtOnce(saved)).isLessThanOrEqualTo(2);

        WorkbenchCommandExitCodesTest.Result status =
                run("sweep", "--status", sweepFolder.toString());
        System.out.println(status.out());
        assertThat(status.code()).as(status.err()).isZero();
        assertThat(status.out()).contains("job " + jobId + ", 4 points: 4 done");
        assertThat(status.out().lines().filter(l -> l.matches("\\d\\s+lr=.*\\sdone\\s.*%.*")))
                .hasSize(4);
        // also by name under the runs folder
        assertThat(run("sweep", "--status", "lrbatch", "--runs-dir", runs.toString()).out())
                .contains("4 done");

        long local = System.nanoTime();
        WorkbenchCommandExitCodesTest.Result here =
                run("sweep", file.toString(), "--runs-dir", dir.resolve("local").toString());
        double localSeconds = (System.nanoTime() - local) / 1e9;
        assertThat(here.code()).as(here.err()).isZero();
        System.out.printf(
                "4-point sweep (mlp, 1 epoch, 1,000 images): Slurm array 2 x 1 thread %.1f s"
                        + " (submission to last task ended), sequential in this process %.1f s%n",
                slurmSeconds, localSeconds);
    }

    private static List<Path> logs(Path sweepFolder) throws Exception {
        try (Stream<Path> s = Files.list(sweepFolder.resolve("logs"))) {
            return s.sorted().toList();
        }
    }

    /** The most runs whose [start, start + duration] overlap at one instant. */
    private static int mostAtOnce(List<RunSummary> runs) {
        int most = 0;
        for (RunSummary a : runs) {
            long t = a.startedAt().toEpochMilli() + 1;
            int n = 0;
            for (RunSummary b : runs) {
                long from = b.startedAt().toEpochMilli();
                if (from <= t && t <= from + b.durationMillis()) {
                    n++;
                }
            }
            most = Math.max(most, n);
        }
        return most;
    }

    @Test
    void threeLocalProcessesAndTwoClusterTasksTrainIntoOneFolderAndLoseNothing() throws Exception {
        Path runs = dir.resolve("one runs folder");
        Path file =
                Files.writeString(
                        dir.resolve("two.json"),
                        """
                        {"name": "mixed", "dataset": "mnist-sample", "preset": "seed-cnn",
                         "trainSubset": 3000, "hyperparameters": {"epochCount": 6},
                         "axes": [{"setting": "lr", "values": ["0.001", "0.003"]}]}
                        """);
        List<Process> locals = new ArrayList<>();
        try {
            WorkbenchCommandExitCodesTest.Result submitted =
                    run(
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
            String jobId = m.group(1);
            // the local processes start while both cluster tasks train
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while ((runningPast(runs, "lr0.001", 0) == null
                            || runningPast(runs, "lr0.003", 0) == null)
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            for (int i = 1; i <= 3; i++) {
                locals.add(
                        new ProcessBuilder(
                                        launcher.toString(),
                                        "train",
                                        "--preset",
                                        "mlp",
                                        "--dataset",
                                        "mnist-sample",
                                        "--epochs",
                                        "3",
                                        "--seed",
                                        String.valueOf(i),
                                        "--name",
                                        "local" + i,
                                        "--runs-dir",
                                        runs.toString())
                                .redirectErrorStream(true)
                                .redirectOutput(dir.resolve("local" + i + ".log").toFile())
                                .start());
            }
            for (int i = 0; i < locals.size(); i++) {
                boolean ended = locals.get(i).waitFor(10, TimeUnit.MINUTES);
                String log =
                        Files.readString(
                                dir.resolve("local" + (i + 1) + ".log"), StandardCharsets.UTF_8);
                assertThat(ended).as("local%d ended", i + 1).isTrue();
                assertThat(locals.get(i).exitValue()).as("local%d: %s", i + 1, log).isZero();
            }
            awaitLeftQueue(jobId);
        } finally {
            locals.forEach(Process::destroyForcibly);
        }

        List<RunSummary> saved = new RunStore(runs).list();
        assertThat(saved).extracting(RunSummary::status).containsOnly(RunStatus.OK);
        assertThat(saved)
                .extracting(RunSummary::runName)
                .containsExactlyInAnyOrder(
                        "local1", "local2", "local3", "sweep-mixed-lr0.001", "sweep-mixed-lr0.003");
        for (RunSummary s : saved) {
            SavedRun r = new RunStore(runs).load(s.folder());
            int epochs = s.runName().startsWith("local") ? 3 : 6;
            assertThat(r.epochs()).as(s.runName() + " epochs").hasSize(epochs);
            assertThat(r.test().accuracy()).as(s.runName()).isGreaterThan(0.5);
            assertThat(r.test().predicted()).as(s.runName()).hasSize(1000);
        }
        for (RunSummary r : saved) {
            System.out.printf(
                    "%s started %s, trained %.1f s%n",
                    r.runName(), r.startedAt(), r.durationMillis() / 1000.0);
        }
        // they trained at once: every cluster run overlaps a local one in time
        for (RunSummary c : saved) {
            if (c.runName().startsWith("sweep-")) {
                assertThat(
                                saved.stream()
                                        .filter(l -> l.runName().startsWith("local"))
                                        .anyMatch(l -> overlap(l, c)))
                        .as(c.runName() + " trained while a local process trained")
                        .isTrue();
            }
        }
        try (Stream<Path> s = Files.list(runs)) {
            assertThat(s.filter(p -> p.getFileName().toString().startsWith(".tmp-")).toList())
                    .as("drafts left behind")
                    .isEmpty();
        }
    }

    private static boolean overlap(RunSummary a, RunSummary b) {
        long a0 = a.startedAt().toEpochMilli();
        long b0 = b.startedAt().toEpochMilli();
        return a0 <= b0 + b.durationMillis() && b0 <= a0 + a.durationMillis();
    }

    @Test
    void aCancelledTaskAndAKilledTaskAreInterruptedAndResumeWhenResubmitted() throws Exception {
        Path runs = dir.resolve("runs");
        Path file =
                Files.writeString(
                        dir.resolve("four.json"),
                        """
                        {"name": "stops", "dataset": "mnist-sample", "preset": "mlp",
                         "hyperparameters": {"epochCount": 8},
                         "axes": [{"setting": "lr", "values": ["0.001", "0.002", "0.003", "0.004"]}]}
                        """);
        WorkbenchCommandExitCodesTest.Result submitted =
                run(
                        "sweep",
                        file.toString(),
                        "--slurm",
                        "--cpus-per-task",
                        "1",
                        "--max-parallel",
                        "2",
                        "--launcher",
                        launcher.toString(),
                        "--runs-dir",
                        runs.toString());
        assertThat(submitted.code()).as(submitted.err()).isZero();
        Matcher m = Pattern.compile("Submitted job (\\d+)").matcher(submitted.out());
        assertThat(m.find()).as(submitted.out()).isTrue();
        String jobId = m.group(1);
        Path sweepFolder;
        try (Stream<Path> s = Files.list(runs.resolve(SlurmSweep.SWEEPS_FOLDER))) {
            sweepFolder = s.findFirst().orElseThrow();
        }

        // points 0 and 1 train first (two at a time); act once both have checkpoints
        RunSummary first = null;
        RunSummary second = null;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            first = runningPast(runs, "lr0.001", 2);
            second = runningPast(runs, "lr0.002", 2);
            if (first != null && second != null) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(first).as("point 0 running past epoch 2").isNotNull();
        assertThat(second).as("point 1 running past epoch 2").isNotNull();
        Process scancel = new ProcessBuilder("scancel", jobId + "_0").inheritIO().start();
        assertThat(scancel.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(scancel.exitValue()).as("scancel " + jobId + "_0").isZero();
        long pid = DraftOwner.readFrom(second.folder()).orElseThrow().pid();
        assertThat(ProcessHandle.of(pid).orElseThrow().destroyForcibly())
                .as("kill -9 of point 1's Java")
                .isTrue();
        awaitLeftQueue(jobId);

        List<RunSummary> after = new RunStore(runs).list();
        for (RunSummary r : after) {
            System.out.println(r.status() + " " + r.runName() + " " + r.epochsCompleted());
        }
        assertThat(after)
                .filteredOn(r -> r.status() == RunStatus.INTERRUPTED)
                .extracting(RunSummary::runName)
                .hasSize(2)
                .anyMatch(n -> n.contains("lr0.001"))
                .anyMatch(n -> n.contains("lr0.002"));
        assertThat(after)
                .filteredOn(r -> r.status() == RunStatus.OK)
                .extracting(RunSummary::runName)
                .hasSize(2)
                .anyMatch(n -> n.contains("lr0.003"))
                .anyMatch(n -> n.contains("lr0.004"));
        WorkbenchCommandExitCodesTest.Result status =
                run("sweep", "--status", sweepFolder.toString());
        System.out.println(status.out());
        assertThat(status.out())
                .contains("2 done")
                .contains("2 interrupted")
                .contains(
                        "Resubmit the interrupted points (they go on from their checkpoints):"
                                + " sbatch --array=0,1 ");

        // resubmitting the two points with Slurm's own sbatch resumes them from their checkpoints
        Process again =
                new ProcessBuilder(
                                "sbatch",
                                "--parsable",
                                "--array=0,1",
                                sweepFolder.resolve(SlurmSweep.SCRIPT_FILE).toString())
                        .directory(sweepFolder.toFile())
                        .redirectErrorStream(true)
                        .start();
        String resubmitted =
                new String(again.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(again.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(again.exitValue()).as(resubmitted).isZero();
        awaitLeftQueue(resubmitted.trim().split(";")[0]);
        for (Path log : logs(sweepFolder)) {
            System.out.println(
                    "--- "
                            + log.getFileName()
                            + "\n"
                            + Files.readString(log, StandardCharsets.UTF_8));
        }

        List<RunSummary> done = new RunStore(runs).list();
        assertThat(done).hasSize(4).extracting(RunSummary::status).containsOnly(RunStatus.OK);
        for (RunSummary r : done) {
            SavedRun saved = new RunStore(runs).load(r.folder());
            assertThat(saved.epochs()).as(r.runName()).hasSize(8);
            boolean resumed =
                    Files.readString(r.folder().resolve(RunEvents.FILE), StandardCharsets.UTF_8)
                            .contains("\"type\":\"restored\"");
            assertThat(resumed)
                    .as(r.runName() + " resumed from a checkpoint")
                    .isEqualTo(r.runName().contains("lr0.001") || r.runName().contains("lr0.002"));
        }
    }

    /** The running draft whose name contains {@code part} once it has {@code epochs} epochs. */
    private static RunSummary runningPast(Path runs, String part, int epochs) throws Exception {
        if (!Files.isDirectory(runs)) {
            return null;
        }
        for (RunSummary r : new RunStore(runs).list()) {
            if (r.status() == RunStatus.RUNNING
                    && r.runName().contains(part)
                    && r.epochsCompleted() >= epochs) {
                return r;
            }
        }
        return null;
    }

    /** Waits until no task of {@code jobId} is queued or running (Slurm still lists ended ones). */
    private void awaitLeftQueue(String jobId) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (active(cluster.states(jobId)) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(active(cluster.states(jobId))).as("job " + jobId + " still active").isFalse();
    }

    /**
     * Whether a task is still queued or running, by the project's own reading of Slurm's states.
     */
    private static boolean active(Map<Integer, String> states) {
        return states.values().stream()
                .map(SlurmStates::of)
                .anyMatch(t -> t == TaskState.PENDING || t == TaskState.RUNNING);
    }

    @Test
    void aRefusedSubmissionShowsSlurmsMessageAndLeavesNothing() throws Exception {
        Path runs = dir.resolve("runs");
        String err =
                WorkbenchCommandExitCodesTest.fails(
                        ExitCodes.SUBMISSION_REFUSED,
                        "sweep",
                        sweepFile().toString(),
                        "--slurm",
                        "--partition",
                        "nowhere",
                        "--launcher",
                        launcher.toString(),
                        "--runs-dir",
                        runs.toString());
        assertThat(err)
                .contains("Slurm refused the sweep")
                .contains("invalid partition")
                .contains("Nothing was submitted");
        try (Stream<Path> s = Files.list(runs.resolve(SlurmSweep.SWEEPS_FOLDER))) {
            assertThat(s.toList()).as("sweep folders left").isEmpty();
        }
    }

    @Test
    void noSbatchOnThePathIsExitSevenBeforeAnythingIsRead() throws Exception {
        Path runs = dir.resolve("runs");
        ProcessBuilder pb =
                new ProcessBuilder(
                        // Java itself, by its full path: with no PATH, no shell script can run
                        ProcessHandle.current().info().command().orElseThrow(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        WorkbenchCommand.class.getName(),
                        "sweep",
                        sweepFile().toString(),
                        "--slurm",
                        "--launcher",
                        launcher.toString(),
                        "--runs-dir",
                        runs.toString());
        pb.environment().put("PATH", dir.resolve("no-such-bin").toString());
        Path out = dir.resolve("out.txt");
        Process p = pb.redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(text).isEqualTo(ExitCodes.CLUSTER_UNAVAILABLE);
        assertThat(text).contains("sbatch is not on the PATH").doesNotContain("Data:");
        assertThat(runs).doesNotExist();
    }
}
