package org.dnw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dnw.train.Hyperparameters;
import org.dnw.train.LossKind;
import org.dnw.train.OptimizerKind;
import org.dnw.train.ScheduleKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The per-point {@code train} command of a sweep on Slurm, and the sweep command's refusals. */
class SlurmSubmissionTest {

    @TempDir Path dir;

    /** Every hyperparameter a sweep point carries comes back unchanged through train's options. */
    @Test
    void thePointsTrainCommandCarriesEveryHyperparameter() {
        for (OptimizerKind optimizer : OptimizerKind.values()) {
            for (ScheduleKind schedule : ScheduleKind.values()) {
                for (LossKind loss : LossKind.values()) {
                    Hyperparameters hp =
                            new Hyperparameters(
                                    optimizer,
                                    3e-4,
                                    schedule,
                                    3,
                                    0.05,
                                    1e-5,
                                    48,
                                    2,
                                    0.2,
                                    7L,
                                    loss,
                                    // early stopping off and on
                                    optimizer.ordinal() % 2 * 2);
                    Path runs = dir.resolve("my runs");
                    List<String> command =
                            org.dnw.runs.SlurmSubmitter.trainCommand(
                                    Path.of("/opt/wb/bin/workbench"),
                                    dir.resolve("points/point-3.json"),
                                    "mnist-sample",
                                    500,
                                    hp,
                                    "sweep-s-lr0.0003",
                                    runs);
                    assertThat(command.subList(0, 2))
                            .containsExactly("/opt/wb/bin/workbench", "train");
                    TrainCommand train = new TrainCommand();
                    new CommandLine(train)
                            .parseArgs(command.subList(2, command.size()).toArray(String[]::new));
                    assertThat(train.options.hyperparameters()).isEqualTo(hp);
                    assertThat(train.options.specFile)
                            .isEqualTo(dir.resolve("points/point-3.json"));
                    assertThat(train.options.dataset).isEqualTo("mnist-sample");
                    assertThat(train.options.trainSubset).isEqualTo(500);
                    assertThat(train.options.runsDir.path()).isEqualTo(runs);
                    assertThat(train.name).isEqualTo("sweep-s-lr0.0003");
                    assertThat(train.weightsEvery).isZero();
                    // a requeued task resumes its interrupted run
                    assertThat(train.resumeIfInterrupted).isTrue();
                }
            }
        }
    }

    @Test
    void theSweepRecordRoundTrips() throws Exception {
        org.dnw.runs.SlurmSweep.Record r =
                new org.dnw.runs.SlurmSweep.Record(
                        "s",
                        "2026-01-02T03:04:05Z",
                        "/runs",
                        null,
                        List.of(
                                new org.dnw.runs.SlurmSweep.PointRecord(
                                        0, "lr=1", "sweep-s-lr1", null)));
        org.dnw.runs.SlurmSweep.writeRecord(dir, r.withJobId("17"));
        assertThat(org.dnw.runs.SlurmSweep.readRecord(dir)).isEqualTo(r.withJobId("17"));
    }

    @Test
    void clusterOptionsWithoutSlurmAndAMissingFileAreBadArguments() throws Exception {
        Path file = Files.writeString(dir.resolve("s.json"), "{}");
        assertThat(
                        WorkbenchCommandExitCodesTest.fails(
                                ExitCodes.BAD_ARGUMENTS,
                                "sweep",
                                file.toString(),
                                "--max-parallel",
                                "2",
                                "--runs-dir",
                                dir.resolve("r").toString()))
                .contains("go with --slurm");
        assertThat(WorkbenchCommandExitCodesTest.fails(ExitCodes.BAD_ARGUMENTS, "sweep"))
                .contains("name a sweep FILE");
        assertThat(
                        WorkbenchCommandExitCodesTest.fails(
                                ExitCodes.BAD_ARGUMENTS, "sweep", "--status", dir.toString()))
                .contains("is not a sweep sent to Slurm");
        assertThat(
                        WorkbenchCommandExitCodesTest.fails(
                                ExitCodes.BAD_ARGUMENTS,
                                "sweep",
                                "--status",
                                "nothing",
                                "--runs-dir",
                                dir.toString()))
                .contains("no sweep sent to Slurm matches 'nothing'");
    }

    @Test
    void pointsWithTheSameSettingsGetRunNamesOfTheirOwn() throws Exception {
        Path file =
                Files.writeString(
                        dir.resolve("twice.json"),
                        """
                        {"name": "lr", "dataset": "mnist-sample", "preset": "mlp",
                         "trainSubset": 100, "hyperparameters": {"epochCount": 1},
                         "axes": [{"setting": "lr", "values": ["0.01", "0.01", "0.1"]}]}
                        """);
        WorkbenchCommandExitCodesTest.Result r =
                WorkbenchCommandExitCodesTest.run(
                        "sweep",
                        file.toString(),
                        "--slurm",
                        "--dry-run",
                        "--launcher",
                        "/opt/wb/bin/workbench",
                        "--runs-dir",
                        dir.resolve("runs").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains(
                        "--name sweep-lr-lr0.01-p0 ",
                        "--name sweep-lr-lr0.01-p1 ",
                        "--name sweep-lr-lr0.1 ")
                .contains(" --resume-if-interrupted ;;\n");
    }

    @Test
    void aDryRunPrintsTheScriptAndWritesNothing() throws Exception {
        Path file =
                Files.writeString(
                        dir.resolve("s.json"),
                        """
                        {"name": "lr", "dataset": "mnist-sample", "preset": "mlp",
                         "trainSubset": 100, "hyperparameters": {"epochCount": 1},
                         "axes": [{"setting": "lr", "values": ["0.001", "x", "0.1"]}]}
                        """);
        Path runs = dir.resolve("runs");
        WorkbenchCommandExitCodesTest.Result r =
                WorkbenchCommandExitCodesTest.run(
                        "sweep",
                        file.toString(),
                        "--slurm",
                        "--dry-run",
                        "--max-parallel",
                        "2",
                        "--cpus-per-task",
                        "2",
                        "--launcher",
                        "/opt/wb/bin/workbench",
                        "--runs-dir",
                        runs.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("#SBATCH --array=0,2%2\n", "#SBATCH --cpus-per-task=2\n")
                .contains("  0) exec /opt/wb/bin/workbench train --spec ")
                .contains("--lr 0.001 ", "--lr 0.1 ", "--name sweep-lr-lr0.1 ")
                .doesNotContain("  1) ")
                .contains("# dry run: nothing was written or submitted")
                // the real folder a submission would make now, not a placeholder
                .doesNotContain("<time>")
                .containsPattern(
                        "the sweep folder would be "
                                + java.util.regex.Pattern.quote(runs.resolve(".sweeps").toString())
                                + "/\\d{8}-\\d{6}-lr\n")
                .containsPattern(
                        "#SBATCH --output=.*/\\.sweeps/\\d{8}-\\d{6}-lr/logs/slurm-%A_%a\\.out");
        assertThat(runs).doesNotExist();
    }
}
