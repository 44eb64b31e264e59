package org.dnw.ui.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.dnw.runs.SlurmCluster;
import org.dnw.spec.Presets;
import org.dnw.spec.Shape;
import org.dnw.store.RunStore;
import org.dnw.store.RunSummary;
import org.dnw.train.Hyperparameters;
import org.dnw.train.SweepSetting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Sweep panel on a real Slurm cluster (the one-node cluster of {@code .ci/slurm-up}, which
 * {@code .ci/run} starts): the view-model submits through the same {@code runs} classes as {@code
 * sweep --slurm}, follows the tasks to the end, and cancels an array with {@code scancel}. The
 * executors run in the test's thread: the threading is {@link SlurmTargetViewModelTest}'s. Skips,
 * saying so, where {@code sbatch} is absent. The tasks run {@code target/workbench/bin/workbench},
 * which {@code mvn package} builds before the integration tests run.
 */
class SlurmSweepPanelIT {

    @TempDir Path dir;

    private SlurmCluster cluster;
    private Path launcher;
    private final List<Path> saved = new ArrayList<>();
    private SlurmTargetViewModel target;
    private SweepViewModel sweep;

    @BeforeEach
    void needsSlurm() {
        Optional<SlurmCluster> found = SlurmCluster.find(System.getenv("PATH"));
        assumeTrue(
                found.isPresent(),
                "skipped: no sbatch on the PATH — start a cluster with .ci/slurm-up (as root)");
        cluster = found.get();
        launcher = Path.of("target", "workbench", "bin", "workbench").toAbsolutePath();
        assertThat(launcher)
                .as("bin/workbench of mvn package (run the ITs with mvn verify)")
                .isExecutable();
    }

    /** An MLP on MNIST's 1 × 28 × 28 images, {@code epochs} epochs, lr 0.001 and 0.01. */
    private void panel(int epochs) {
        SweepSetting.Variant base =
                new SweepSetting.Variant(
                        Presets.load("mlp").adaptTo(Shape.image(1, 28, 28), 10),
                        Hyperparameters.defaults().withEpochCount(epochs));
        target =
                new SlurmTargetViewModel(
                        SlurmService.onThePath(),
                        () -> launcher,
                        () -> "mnist-sample",
                        dir.resolve("shared runs"),
                        Runnable::run,
                        Runnable::run);
        sweep =
                new SweepViewModel(
                        new SweepFakes.Starter(), () -> base, Runnable::run, saved::add, target);
        sweep.first().settingProperty().set(SweepSetting.LEARNING_RATE);
        sweep.first().valuesTextProperty().set("0.001, 0.01");
        target.onSlurmProperty().set(true);
        target.cpusPerTaskProperty().set("1");
    }

    private void followUntil(java.util.function.BooleanSupplier done) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            target.poll();
        }
    }

    private List<String> outcomes() {
        return sweep.rows().stream().map(r -> r.outcomeProperty().get()).toList();
    }

    @Test
    void twoPointsSubmittedFromThePanelBothReachDone() throws Exception {
        panel(1);
        target.maxParallelProperty().set("2");
        long start = System.nanoTime();
        sweep.run();
        assertThat(sweep.job().errorProperty().get()).isEmpty();
        assertThat(sweep.job().statusProperty().get()).startsWith("Submitted job");
        List<String> seen = new ArrayList<>();
        followUntil(
                () -> {
                    seen.add(String.join(" | ", outcomes()));
                    return !target.following();
                });
        System.out.printf(
                "panel sweep on Slurm: %.1f s; states seen: %s%n",
                (System.nanoTime() - start) / 1e9, seen.stream().distinct().toList());

        assertThat(outcomes()).containsExactly("saved", "saved");
        assertThat(sweep.rows())
                .allSatisfy(
                        r ->
                                assertThat(r.figuresProperty().get().testAccuracy())
                                        .isBetween(0.0, 1.0));
        assertThat(saved).hasSize(2);
        assertThat(sweep.job().isRunning()).isFalse();
        assertThat(sweep.job().statusProperty().get()).startsWith("Sweep finished: 2 runs saved.");
        List<RunSummary> runs = new RunStore(dir.resolve("shared runs")).list();
        assertThat(runs).filteredOn(RunSummary::isComplete).hasSize(2);
        System.out.println(sweep.job().statusProperty().get());
    }

    @Test
    void cancelTakesTheArrayOffTheClusterAndTheRowsLeaveRunningAndPending() throws Exception {
        panel(20);
        target.maxParallelProperty().set("1");
        sweep.run();
        assertThat(sweep.job().errorProperty().get()).isEmpty();
        String jobId =
                sweep.job().statusProperty().get().replaceAll("^Submitted job (\\d+).*", "$1");
        followUntil(() -> outcomes().get(0).startsWith("running"));
        assertThat(outcomes().get(0)).startsWith("running");
        assertThat(outcomes().get(1)).isEqualTo("pending");

        sweep.cancel();
        assertThat(sweep.job().errorProperty().get()).isEmpty();
        followUntil(() -> !target.following());
        System.out.println(
                "after cancel: " + outcomes() + " — " + sweep.job().statusProperty().get());

        assertThat(outcomes()).containsExactly("cancelled", "cancelled");
        assertThat(sweep.job().isRunning()).isFalse();
        assertThat(sweep.job().statusProperty().get()).startsWith("Sweep cancelled");
        Map<Integer, String> left = cluster.states(jobId);
        assertThat(left.values()).noneMatch(s -> s.equals("RUNNING") || s.equals("PENDING"));
    }
}
