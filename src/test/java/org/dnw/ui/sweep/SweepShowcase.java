package org.dnw.ui.sweep;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.stage.Stage;
import org.dnw.runs.SlurmStates.TaskState;
import org.dnw.runs.SweepEvent;
import org.dnw.runs.SweepResult;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.Presets;
import org.dnw.spec.Shape;
import org.dnw.train.Hyperparameters;
import org.dnw.train.SweepPlan;
import org.dnw.train.SweepSetting;
import org.dnw.train.TrainingEvent;
import org.dnw.ui.HeadlessFx;
import org.dnw.ui.Showcases;

/**
 * Writes PNGs of the sweep panel with a realistic sweep of the seed CNN on MNIST — the second
 * convolution's kernel 3, 5, 7, 15 × its padding valid, same, one point impossible — finished and
 * half-way, alone at 1280×800 and 1920×1080 and inside the window at 1280×800, to look at them as a
 * user would.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:... org.dnw.ui.sweep.SweepShowcase [DIR]
 * </pre>
 */
public final class SweepShowcase {

    private static Path outDir = Path.of("target", "screenshots");

    public static void main(String[] args) {
        HeadlessFx.configure();
        if (args.length > 0) {
            outDir = Path.of(args[0]);
        }
        Application.launch(Showcase.class, args);
    }

    /** The JavaFX application behind {@link #main}. */
    public static final class Showcase extends Application {
        @Override
        public void start(Stage stage) {
            SweepShowcase.start(stage);
        }
    }

    static final double[] ACCURACY = {0.9871, 0.9885, 0.9893, 0.9902, 0.9884, 0.9911, -1, 0.9896};
    static final long[] MILLIS = {41_200, 44_800, 47_900, 55_300, 58_100, 70_400, 0, 96_700};

    private static void start(Stage stage) {
        ModelSpec cnn = Presets.load("seed-cnn").adaptTo(Shape.image(1, 28, 28), 10);
        SweepSetting.Variant base =
                new SweepSetting.Variant(cnn, Hyperparameters.defaults().withEpochCount(2));
        List<Runnable> steps = new ArrayList<>();

        SweepFakes.Starter doneStarter = new SweepFakes.Starter();
        SweepViewModel done = configured(doneStarter, base);
        steps.add(
                () -> {
                    done.run();
                    events(doneStarter.plans.get(0), 8).forEach(doneStarter.listener);
                });
        for (int[] size : new int[][] {{1280, 800}, {1920, 1080}}) {
            steps.add(() -> Showcases.show(stage, new SweepView(done), size[0], size[1]));
            steps.add(
                    () ->
                            Showcases.snapshot(
                                    stage.getScene(),
                                    outDir,
                                    "sweep-" + size[0] + "x" + size[1] + ".png"));
        }
        steps.add(() -> Showcases.show(stage, Showcases.inWindow(new SweepView(done)), 1280, 800));
        steps.add(() -> Showcases.snapshot(stage.getScene(), outDir, "sweep-window-1280x800.png"));
        steps.add(() -> done.chartMetricProperty().set(ChartMetric.TIME));
        steps.add(
                () ->
                        Showcases.snapshot(
                                stage.getScene(), outDir, "sweep-window-time-1280x800.png"));

        SweepFakes.Starter runningStarter = new SweepFakes.Starter();
        SweepViewModel running = configured(runningStarter, base);
        steps.add(
                () -> {
                    running.run();
                    List<SweepEvent> all = events(runningStarter.plans.get(0), 8);
                    int cut = 0;
                    for (SweepEvent e : all) {
                        cut++;
                        if (e instanceof SweepEvent.PointTraining t
                                && t.index() == 3
                                && t.event() instanceof TrainingEvent.BatchCompleted b
                                && b.epoch() == 2
                                && b.batch() == 300) {
                            break;
                        }
                    }
                    all.subList(0, cut).forEach(runningStarter.listener);
                    Parent view = new SweepView(running);
                    Showcases.show(stage, Showcases.inWindow(view), 1280, 800);
                });
        steps.add(() -> Showcases.snapshot(stage.getScene(), outDir, "sweep-running-1280x800.png"));

        SweepViewModel fresh =
                new SweepViewModel(new SweepFakes.Starter(), () -> base, Runnable::run, null, null);
        steps.add(() -> Showcases.show(stage, Showcases.inWindow(new SweepView(fresh)), 1280, 800));
        steps.add(() -> Showcases.snapshot(stage.getScene(), outDir, "sweep-empty-1280x800.png"));
        steps.addAll(onSlurm(stage, base));
        steps.add(Platform::exit);
        stage.show();
        Showcases.runSpaced(steps, 0);
    }

    /**
     * The panel following a sweep on a (fake) Slurm cluster: lr 0.0001 … 0.1 × batch 32, 64, one
     * point saved, one running, one interrupted, the rest pending; then cancelled.
     */
    private static List<Runnable> onSlurm(Stage stage, SweepSetting.Variant base) {
        SlurmTargetViewModelTest.FakeSlurm slurm = new SlurmTargetViewModelTest.FakeSlurm();
        Path launcher;
        try {
            launcher = java.nio.file.Files.createTempFile("workbench", "");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        launcher.toFile().setExecutable(true);
        launcher.toFile().deleteOnExit();
        SlurmTargetViewModel target =
                new SlurmTargetViewModel(
                        slurm,
                        () -> launcher,
                        () -> "mnist-sample",
                        Path.of("/shared/alice/runs"),
                        Runnable::run,
                        Runnable::run);
        SweepViewModel model =
                new SweepViewModel(
                        new SweepFakes.Starter(), () -> base, Runnable::run, null, target);
        model.first().settingProperty().set(SweepSetting.LEARNING_RATE);
        model.first().valuesTextProperty().set("0.0001, 0.001, 0.01");
        model.second().enabledProperty().set(true);
        model.second().settingProperty().set(SweepSetting.BATCH_SIZE);
        model.second().valuesTextProperty().set("32, 64");
        target.onSlurmProperty().set(true);
        target.partitionProperty().set("cpu");
        target.cpusPerTaskProperty().set("2");
        target.memoryProperty().set("4G");
        target.maxParallelProperty().set("2");
        List<Runnable> steps = new ArrayList<>();
        steps.add(
                () -> {
                    model.run();
                    slurm.status =
                            SlurmTargetViewModelTest.status(
                                    slurm.submitted,
                                    List.of(
                                            TaskState.DONE,
                                            TaskState.RUNNING,
                                            TaskState.INTERRUPTED,
                                            TaskState.RUNNING,
                                            TaskState.PENDING,
                                            TaskState.PENDING),
                                    List.of(
                                            "", "RUNNING", "FAILED", "RUNNING", "PENDING",
                                            "PENDING"));
                    target.poll();
                    Showcases.show(stage, Showcases.inWindow(new SweepView(model)), 1280, 800);
                });
        steps.add(() -> Showcases.snapshot(stage.getScene(), outDir, "sweep-slurm-1280x800.png"));
        steps.add(() -> Showcases.show(stage, new SweepView(model), 1920, 1080));
        steps.add(() -> Showcases.snapshot(stage.getScene(), outDir, "sweep-slurm-1920x1080.png"));
        return steps;
    }

    private static SweepViewModel configured(
            SweepFakes.Starter starter, SweepSetting.Variant base) {
        SweepViewModel model = new SweepViewModel(starter, () -> base, Runnable::run, null, null);
        model.first().settingProperty().set(SweepSetting.KERNEL_SIZE);
        model.first().valuesTextProperty().set("3, 5, 7, 15");
        model.first().layerProperty().set(model.first().layerChoices().get(2));
        model.second().enabledProperty().set(true);
        model.second().settingProperty().set(SweepSetting.PADDING);
        model.second().layerProperty().set(model.second().layerChoices().get(2));
        return model;
    }

    /** A sweep of 2 epochs of 844 batches per point, with the accuracies and times above. */
    static List<SweepEvent> events(SweepPlan plan, int points) {
        List<SweepEvent> out = new ArrayList<>();
        List<SweepResult.Row> rows = new ArrayList<>();
        List<SweepPlan.Point> all = plan.points();
        for (SweepPlan.Point p : all.subList(0, points)) {
            String label = p.label(plan.axes());
            out.add(new SweepEvent.PointStarted(p.index(), all.size(), label));
            if (p.problem() != null) {
                SweepResult.Row row =
                        new SweepResult.Row(
                                p.index(),
                                p.values(),
                                label,
                                SweepResult.Outcome.SKIPPED,
                                Double.NaN,
                                Double.NaN,
                                0,
                                0,
                                null,
                                p.problem());
                rows.add(row);
                out.add(new SweepEvent.PointDone(row));
                continue;
            }
            String run = "sweep-kernel-padding-" + label.replace(' ', '-').replace("=", "");
            long params = p.variant().spec().analyse().totalParameters();
            out.add(
                    new SweepEvent.PointTraining(
                            p.index(),
                            new TrainingEvent.RunStarted(
                                    run,
                                    p.variant().spec(),
                                    p.variant().hyperparameters(),
                                    "MNIST",
                                    params,
                                    "CPU (2 threads)",
                                    54_000,
                                    6_000,
                                    10_000,
                                    844,
                                    Map.of(),
                                    Instant.EPOCH)));
            for (int epoch = 1; epoch <= 2; epoch++) {
                for (int batch = 50; batch <= 844; batch += 50) {
                    out.add(
                            new SweepEvent.PointTraining(
                                    p.index(),
                                    new TrainingEvent.BatchCompleted(
                                            run, epoch, batch, 844, 0.08, 0.97, 1_100, 20_000)));
                }
                out.add(
                        new SweepEvent.PointTraining(
                                p.index(),
                                new TrainingEvent.EpochCompleted(
                                        run, epoch, 2, 0.06, 0.98, 0.05, 0.985, 0.001, 22_000)));
            }
            Path folder = Path.of("saved-models", "20260114-1012" + p.index() + "-" + run);
            SweepResult.Row row =
                    new SweepResult.Row(
                            p.index(),
                            p.values(),
                            label,
                            SweepResult.Outcome.SAVED,
                            ACCURACY[p.index()],
                            ACCURACY[p.index()] - 0.0012,
                            params,
                            MILLIS[p.index()],
                            folder,
                            "saved to " + folder);
            rows.add(row);
            out.add(new SweepEvent.PointDone(row));
        }
        out.add(new SweepEvent.SweepEnded(new SweepResult(plan.axes(), rows, false)));
        return out;
    }
}
