package org.dnw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dnw.store.RunEvents;
import org.dnw.store.RunStatus;
import org.dnw.store.RunStore;
import org.dnw.store.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run trained by one process is followed by another: {@code train} in a child JVM on the MNIST
 * sample shipped in assets/, {@code runs --watch} in a second child JVM. The watcher lists the run
 * as running with its epochs while it trains; after {@code kill -9} of the trainer it lists it as
 * interrupted within 30 s, with its curves to the last epoch, and never as complete; Ctrl+C
 * (SIGINT) ends the watcher with exit code 0. Prints the two delays the issue asks for.
 */
class LiveRunsIT {

    private static final Pattern EPOCHS = Pattern.compile(" (\\d+)/(\\d+) ");

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

    /** A line of the watcher's output and when it was read, in ms since the trainer started. */
    record Seen(long millis, String line) {}

    @Test
    void anotherProcessSeesTheRunTrainAndThenInterrupted() throws Exception {
        Path runs = dir.resolve("runs");
        Files.createDirectories(runs);
        List<Seen> seen = new CopyOnWriteArrayList<>();
        Process watcher =
                new ProcessBuilder(
                                java("runs", "--watch", "--interval", "1", "--runs-dir", "" + runs))
                        .redirectErrorStream(true)
                        .start();
        Process trainer = null;
        try {
            AtomicLong t0 = new AtomicLong(System.nanoTime());
            Thread reader = follow(watcher, seen, t0);
            // the watcher's JVM is up and drawing before the run starts
            waitFor(() -> seen.size() > 0, 60, watcher, seen, null);
            t0.set(System.nanoTime());
            trainer =
                    new ProcessBuilder(
                                    java(
                                            "train",
                                            "--preset",
                                            "seed-cnn",
                                            "--dataset",
                                            "mnist-sample",
                                            "--epochs",
                                            "200",
                                            "--name",
                                            "followed",
                                            "--runs-dir",
                                            runs.toString()))
                            .redirectErrorStream(true)
                            .redirectOutput(dir.resolve("train.log").toFile())
                            .start();
            Process train = trainer;
            waitFor(() -> runningEpochs(seen) >= 1, 180, train, seen, dir.resolve("train.log"));
            long firstListed = firstMillis(seen, l -> l.contains(" running "));
            long firstPoint = firstMillis(seen, l -> l.contains(" running ") && epochs(l) >= 1);
            // let it train a few epochs, then kill it without a chance to clean up
            waitFor(() -> runningEpochs(seen) >= 3, 180, train, seen, dir.resolve("train.log"));
            int epochsBeforeKill = runningEpochs(seen);
            long killedAt = (System.nanoTime() - t0.get()) / 1_000_000;
            trainer.destroyForcibly();
            assertThat(trainer.waitFor(30, TimeUnit.SECONDS)).isTrue();
            waitFor(
                    () -> seen.stream().anyMatch(s -> s.millis() > killedAt && isInterrupted(s)),
                    60,
                    watcher,
                    seen,
                    null);
            long interruptedAt =
                    seen.stream()
                            .filter(s -> s.millis() > killedAt && isInterrupted(s))
                            .findFirst()
                            .orElseThrow()
                            .millis();
            System.out.printf(
                    Locale.ROOT,
                    "listed as running after %.1f s; first point (epoch 1) seen after %.1f s;"
                            + " interrupted detected after %.1f s%n",
                    firstListed / 1000.0,
                    firstPoint / 1000.0,
                    (interruptedAt - killedAt) / 1000.0);
            assertThat(interruptedAt - killedAt).as("interrupted within 30 s").isLessThan(30_000);

            List<RunSummary> listed = new RunStore(runs).list();
            assertThat(listed).hasSize(1);
            RunSummary run = listed.get(0);
            assertThat(run.status()).isEqualTo(RunStatus.INTERRUPTED);
            assertThat(run.epochsCompleted()).isGreaterThanOrEqualTo(epochsBeforeKill);
            assertThat(run.epochCount()).isEqualTo(200);
            RunEvents.Log log = new RunStore(runs).readLive(run);
            assertThat(log.epochs()).hasSize(run.epochsCompleted());
            assertThat(log.epochs().get(log.epochs().size() - 1).validationAccuracy())
                    .isBetween(0.0, 1.0);
            assertThat(seen).noneMatch(s -> s.line().contains(" complete "));
            // the next process to start cleans dead drafts: not this one, which trained
            assertThat(new RunStore(runs).cleanStaleDrafts()).isZero();
            assertThat(new RunStore(runs).list()).hasSize(1);

            // Ctrl+C ends the watcher with 0
            Process sigint =
                    new ProcessBuilder("kill", "-INT", String.valueOf(watcher.pid())).start();
            assertThat(sigint.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(watcher.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(watcher.exitValue()).isZero();
            reader.join(10_000);
        } finally {
            if (trainer != null) {
                trainer.destroyForcibly();
            }
            watcher.destroyForcibly();
        }
        try (Stream<Path> left = Files.list(runs)) {
            assertThat(left.filter(p -> !p.getFileName().toString().startsWith(".tmp-")))
                    .as("no run was published")
                    .isEmpty();
        }
    }

    private static boolean isInterrupted(Seen s) {
        return s.line().contains(" interrupted ");
    }

    private static int epochs(String line) {
        Matcher m = EPOCHS.matcher(line);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static int runningEpochs(List<Seen> seen) {
        return seen.stream()
                .filter(s -> s.line().contains(" running "))
                .mapToInt(s -> epochs(s.line()))
                .max()
                .orElse(-1);
    }

    private static long firstMillis(List<Seen> seen, java.util.function.Predicate<String> p) {
        return seen.stream().filter(s -> p.test(s.line())).findFirst().orElseThrow().millis();
    }

    /** Reads the watcher's lines on a thread of its own, stamping each. */
    private static Thread follow(Process watcher, List<Seen> seen, AtomicLong t0) {
        Thread t =
                new Thread(
                        () -> {
                            try (BufferedReader in =
                                    new BufferedReader(
                                            new InputStreamReader(
                                                    watcher.getInputStream(),
                                                    StandardCharsets.UTF_8))) {
                                for (String line; (line = in.readLine()) != null; ) {
                                    seen.add(
                                            new Seen(
                                                    (System.nanoTime() - t0.get()) / 1_000_000,
                                                    line));
                                }
                            } catch (IOException e) {
                                // the watcher ended
                            }
                        },
                        "watch-reader");
        t.setDaemon(true);
        t.start();
        return t;
    }

    interface Condition {
        boolean holds();
    }

    private static void waitFor(
            Condition condition, int seconds, Process process, List<Seen> seen, Path log)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.holds()) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                String tail = log == null ? "" : Files.readString(log);
                throw new AssertionError(
                        "gave up waiting ("
                                + (process.isAlive() ? "timed out" : "process ended")
                                + "); watcher said:\n"
                                + String.join(
                                        "\n",
                                        seen.stream()
                                                .skip(Math.max(0, seen.size() - 20))
                                                .map(Seen::line)
                                                .toList())
                                + "\n"
                                + tail);
            }
            Thread.sleep(50);
        }
    }
}
