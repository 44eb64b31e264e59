package org.dnw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dnw.store.RunStatus;
import org.dnw.store.RunStore;
import org.dnw.store.RunSummary;
import org.dnw.train.Checkpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed mid-training and resumed in another process ends exactly where an uninterrupted run
 * with the same seed ends. Each {@code workbench} command runs in its own child JVM on the MNIST
 * sample shipped in assets/ with the real PyTorch engine: {@code kill -9} after the epoch-2
 * checkpoint of an MLP (Adam), {@code runs} lists it as interrupted, {@code train --resume}
 * completes it; and SIGTERM (what Slurm's {@code scancel} and preemption send) to a convolutional
 * network (Adam) stops it with exit code 15 and a sentence, and {@code train
 * --resume-if-interrupted} with the same options completes it. Prints both figures of each.
 */
class ResumeIT {

    private static final Pattern TEST_LINE =
            Pattern.compile("Test accuracy ([0-9.]+)%, loss ([0-9.]+)");

    @TempDir Path dir;

    private static List<String> java(String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command =
                new ArrayList<>(
                        List.of(
                                java,
                                "-Xmx1g",
                                "-Dai.djl.offline=true",
                                "-Dai.djl.pytorch.num_threads=1",
                                "-cp",
                                System.getProperty("java.class.path"),
                                WorkbenchCommand.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    private Process start(String log, String... args) throws IOException {
        return new ProcessBuilder(java(args))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(log).toFile())
                .start();
    }

    /** Runs a command to its end; its exit code and output. */
    private Ended run(String log, String... args) throws Exception {
        Process p = start(log, args);
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("%s ended", log).isTrue();
        return new Ended(p.exitValue(), Files.readString(dir.resolve(log)));
    }

    record Ended(int code, String output) {
        /** "accuracy % / loss" of the "Test accuracy" line. */
        String figures() {
            Matcher m = TEST_LINE.matcher(output);
            assertThat(m.find()).as("a test line in:%n%s", output).isTrue();
            return m.group(1) + " % / " + m.group(2);
        }
    }

    /** Waits until a draft in {@code runs} has the checkpoint of {@code epoch}. */
    private static Path awaitCheckpoint(Path runs, int epoch, Process trainer, Path log)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            Optional<Path> found = Optional.empty();
            if (Files.isDirectory(runs)) {
                try (Stream<Path> drafts = Files.list(runs)) {
                    found =
                            drafts.filter(d -> d.getFileName().toString().startsWith(".tmp-"))
                                    .filter(
                                            d ->
                                                    Files.isDirectory(
                                                            Checkpoints.folderOf(
                                                                    d.resolve(Checkpoints.FOLDER),
                                                                    epoch)))
                                    .findFirst();
                }
            }
            if (found.isPresent()) {
                return found.get();
            }
            if (!trainer.isAlive()) {
                throw new AssertionError("the trainer ended first:\n" + Files.readString(log));
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no checkpoint of epoch " + epoch + ":\n" + Files.readString(log));
    }

    @Test
    void aRunKilledAfterItsSecondEpochResumesToTheSameTestAccuracy() throws Exception {
        Path runs = dir.resolve("runs");
        String[] train = {
            "train",
            "--preset",
            "mlp",
            "--dataset",
            "mnist-sample",
            "--epochs",
            "4",
            "--seed",
            "7",
            "--runs-dir",
            runs.toString()
        };
        Process trainer = start("killed.log", train);
        Path draft = awaitCheckpoint(runs, 2, trainer, dir.resolve("killed.log"));
        trainer.destroyForcibly(); // kill -9: no shutdown hook runs
        assertThat(trainer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(draft).as("the killed run's draft is kept").isDirectory();

        Ended listed = run("runs.log", "runs", "--runs-dir", runs.toString());
        assertThat(listed.code()).isZero();
        assertThat(listed.output()).contains(" interrupted ").doesNotContain(" complete ");
        RunSummary interrupted = new RunStore(runs).list().get(0);
        assertThat(interrupted.status()).isEqualTo(RunStatus.INTERRUPTED);
        int epochsBefore = interrupted.epochsCompleted();
        assertThat(epochsBefore).isBetween(2, 3);

        Ended resumed =
                run(
                        "resumed.log",
                        "train",
                        "--resume",
                        interrupted.folderName(),
                        "--runs-dir",
                        runs.toString());
        assertThat(resumed.code()).as(resumed.output()).isZero();
        assertThat(resumed.output())
                .contains("Resuming " + interrupted.folderName() + " after epoch");

        Ended whole = run("whole.log", append(train, "--name", "uninterrupted"));
        assertThat(whole.code()).as(whole.output()).isZero();

        System.out.printf(
                "ResumeIT mlp, Adam, seed 7, 4 epochs, killed after epoch %d: resumed %s,"
                        + " uninterrupted %s%n",
                epochsBefore, resumed.figures(), whole.figures());
        assertThat(resumed.figures()).isEqualTo(whole.figures());
        List<RunSummary> done = new RunStore(runs).list();
        assertThat(done).hasSize(2).allMatch(RunSummary::isComplete);
        assertThat(done.get(0).testAccuracy()).isEqualTo(done.get(1).testAccuracy());
        assertThat(done).allMatch(r -> r.epochsCompleted() == 4);
        try (Stream<Path> files =
                Files.list(
                        done.stream()
                                .filter(r -> r.runName().equals("mlp-mnist-sample"))
                                .findFirst()
                                .get()
                                .folder())) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .contains("recipe.json", "manifest.json", "metrics.csv")
                    .doesNotContain(Checkpoints.FOLDER);
        }
        RunSummary resumedRun =
                done.stream().filter(r -> r.runName().equals("mlp-mnist-sample")).findFirst().get();
        assertThat(Files.readAllLines(resumedRun.folder().resolve("metrics.csv"))).hasSize(5);
        // it keeps the time it first started (its manifest, its folder's name)
        assertThat(interrupted.startedAt()).isNotNull();
        assertThat(resumedRun.startedAt()).isEqualTo(interrupted.startedAt());
    }

    @Test
    void sigtermStopsAConvolutionalRunResumablyAndARequeuedCommandFinishesIt() throws Exception {
        Path runs = dir.resolve("runs");
        String[] train = {
            "train",
            "--preset",
            "seed-cnn",
            "--dataset",
            "mnist-sample",
            "--train-subset",
            "1000",
            "--epochs",
            "3",
            "--name",
            "cnn",
            "--runs-dir",
            runs.toString(),
            "--resume-if-interrupted"
        };
        Process trainer = start("stopped.log", train);
        awaitCheckpoint(runs, 1, trainer, dir.resolve("stopped.log"));
        new ProcessBuilder("kill", "-TERM", String.valueOf(trainer.pid())).start().waitFor();
        assertThat(trainer.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String said = Files.readString(dir.resolve("stopped.log"));
        assertThat(trainer.exitValue()).as(said).isEqualTo(ExitCodes.STOPPED_RESUMABLE);
        assertThat(said)
                .containsPattern(
                        "stopped at epoch [23]; resume with: workbench train --resume \\S*-cnn-"
                                + trainer.pid()
                                + " --runs-dir ");
        RunSummary interrupted = new RunStore(runs).list().get(0);
        assertThat(interrupted.status()).isEqualTo(RunStatus.INTERRUPTED);

        // the same command again, as a requeued Slurm task runs it
        Ended resumed = run("requeued.log", train);
        assertThat(resumed.code()).as(resumed.output()).isZero();
        assertThat(resumed.output()).contains("Resuming ");

        String[] fresh = train.clone();
        fresh[10] = "cnn-whole";
        Ended whole = run("whole.log", fresh);
        assertThat(whole.code()).as(whole.output()).isZero();
        assertThat(whole.output()).doesNotContain("Resuming ");

        System.out.printf(
                "ResumeIT seed-cnn (conv, Adam), 1,000 images, 3 epochs, SIGTERM after"
                        + " epoch 1: resumed %s, uninterrupted %s%n",
                resumed.figures(), whole.figures());
        assertThat(resumed.figures()).isEqualTo(whole.figures());
    }

    private static String[] append(String[] a, String... more) {
        String[] out = java.util.Arrays.copyOf(a, a.length + more.length);
        System.arraycopy(more, 0, out, a.length, more.length);
        return out;
    }
}
