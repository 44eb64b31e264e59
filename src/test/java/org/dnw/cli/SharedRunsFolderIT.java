package org.dnw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.dnw.store.RunStatus;
import org.dnw.store.RunStore;
import org.dnw.store.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three separate workbench processes train into one runs folder at once (as several windows,
 * command lines and cluster jobs do): each start cleans the folder of abandoned drafts, and none
 * may take another's live draft. Runs on the MNIST sample shipped in assets/.
 */
class SharedRunsFolderIT {

    @TempDir Path dir;

    private Process start(Path runs, String name, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command =
                List.of(
                        java,
                        "-Xmx1g",
                        "-Dai.djl.offline=true",
                        "-Dai.djl.pytorch.num_threads=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        WorkbenchCommand.class.getName(),
                        "train",
                        "--preset",
                        "seed-cnn",
                        "--dataset",
                        "mnist-sample",
                        "--epochs",
                        "3",
                        "--name",
                        name,
                        "--runs-dir",
                        runs.toString());
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static long liveDrafts(Path runs) throws IOException {
        if (!Files.isDirectory(runs)) {
            return 0;
        }
        try (Stream<Path> entries = Files.list(runs)) {
            return entries.filter(p -> p.getFileName().toString().startsWith(".tmp-"))
                    .filter(Files::isDirectory)
                    .count();
        }
    }

    @Test
    void threeProcessesTrainIntoOneFolderAndAllThreeRunsAreSaved() throws Exception {
        Path runs = dir.resolve("shared-runs");
        // how many drafts were alive at once; before drafts had owners, each start deleted the
        // drafts of the processes already training, so this stayed at 1
        AtomicInteger maxLive = new AtomicInteger();
        Thread watcher = new Thread(() -> watch(runs, maxLive), "draft-watcher");
        watcher.start();
        List<Process> processes = new ArrayList<>();
        try {
            for (int i = 1; i <= 3; i++) {
                processes.add(start(runs, "p" + i, dir.resolve("p" + i + ".log")));
                // the next process starts (and cleans the folder) while this one's draft is live
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (maxLive.get() < i
                        && processes.get(i - 1).isAlive()
                        && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
            }
            for (int i = 0; i < 3; i++) {
                boolean ended = processes.get(i).waitFor(10, TimeUnit.MINUTES);
                String log =
                        Files.readString(
                                dir.resolve("p" + (i + 1) + ".log"), StandardCharsets.UTF_8);
                System.out.println("--- p" + (i + 1) + "\n" + log);
                assertThat(ended).as("p%d ended", i + 1).isTrue();
                assertThat(processes.get(i).exitValue()).as("p%d: %s", i + 1, log).isZero();
            }
        } finally {
            processes.forEach(Process::destroyForcibly);
            watcher.interrupt();
            watcher.join();
        }

        List<RunSummary> saved = new RunStore(runs).list();
        assertThat(saved).extracting(RunSummary::status).containsOnly(RunStatus.OK);
        assertThat(saved)
                .extracting(s -> s.folderName().replaceAll("^\\d{8}-\\d{6}-", ""))
                .containsExactlyInAnyOrder("p1", "p2", "p3");
        assertThat(maxLive.get()).as("drafts alive at once").isEqualTo(3);
        assertThat(liveDrafts(runs)).isZero();
    }

    private static void watch(Path runs, AtomicInteger maxLive) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                maxLive.accumulateAndGet((int) liveDrafts(runs), Math::max);
                Thread.sleep(20);
            } catch (IOException e) {
                // a draft vanished while listed: look again
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
