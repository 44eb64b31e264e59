package org.dnw.ui.course;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.value.ObservableBooleanValue;
import javafx.stage.Stage;
import org.dnw.data.BuiltInDataset;
import org.dnw.data.DatasetCatalog;
import org.dnw.data.LoadedDataset;
import org.dnw.data.ProgressListener;
import org.dnw.engine.TrainingServices;
import org.dnw.engine.scratch.ScratchEngine;
import org.dnw.train.CrossValidation;
import org.dnw.train.TrainingRequest;
import org.dnw.train.TrainingRun;
import org.dnw.train.TrainingService;
import org.dnw.ui.HeadlessFx;
import org.dnw.ui.Showcases;

/**
 * Writes PNGs of the two course panels with real runs of the from-scratch engine — 3 vs 8 on MNIST
 * (the shipped sample without WORKBENCH_DATA) and 5-fold cross-validation on the wheat seeds (a
 * seeds-like synthetic table without WORKBENCH_DATA) — alone at 1280×800 and 1920×1080 and inside
 * the window at 1280×800, plus a run half-way and an error.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:... org.dnw.ui.course.CourseShowcase [DIR]
 * </pre>
 */
public final class CourseShowcase {

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
        public void start(Stage stage) throws Exception {
            CourseShowcase.start(stage);
        }
    }

    private static void start(Stage stage) throws Exception {
        ExecutorService background = Executors.newSingleThreadExecutor();
        TrainingService service = TrainingServices.withAllEngines();
        Path pictures = Files.createTempDirectory("two-digits-showcase");
        CourseTrainer trainer =
                (TrainingRequest request,
                        java.util.function.Consumer<org.dnw.train.TrainingEvent> l) -> {
                    TrainingRun run = service.start(request, l);
                    return new StartedTraining(run, run.terminal().thenApply(t -> pictures));
                };
        TwoDigitsViewModel digits =
                new TwoDigitsViewModel(
                        CourseShowcase::mnist, trainer, background, Platform::runLater);
        CrossValidationViewModel crossval =
                new CrossValidationViewModel(
                        CourseShowcase::seeds,
                        (request, control, listener) ->
                                new CrossValidation(ScratchEngine.loop())
                                        .run(request, control, listener),
                        background,
                        Platform::runLater);
        stage.show();

        List<Runnable> shots = new ArrayList<>();
        TwoDigitsView digitsView = new TwoDigitsView(digits);
        for (int[] size : new int[][] {{1280, 800}, {1920, 1080}}) {
            shots.add(() -> Showcases.show(stage, new TwoDigitsView(digits), size[0], size[1]));
            shots.add(() -> snap(stage, "two-digits-" + size[0] + "x" + size[1] + ".png"));
        }
        shots.add(() -> Showcases.show(stage, Showcases.inWindow(digitsView), 1280, 800));
        shots.add(() -> snap(stage, "two-digits-window-1280x800.png"));
        shots.add(() -> digitsView.setVvalue(1));
        shots.add(() -> snap(stage, "two-digits-window-bottom-1280x800.png"));
        shots.add(
                () -> {
                    digitsView.setVvalue(0.25);
                    ((javafx.scene.control.ToggleButton)
                                    digitsView.lookup("#two-digits-actual-size"))
                            .setSelected(true);
                });
        shots.add(() -> snap(stage, "two-digits-window-actual-size-1280x800.png"));

        CrossValidationView crossView = new CrossValidationView(crossval);
        List<Runnable> crossShots = new ArrayList<>();
        for (int[] size : new int[][] {{1280, 800}, {1920, 1080}}) {
            crossShots.add(
                    () ->
                            Showcases.show(
                                    stage, new CrossValidationView(crossval), size[0], size[1]));
            crossShots.add(() -> snap(stage, "crossval-" + size[0] + "x" + size[1] + ".png"));
        }
        crossShots.add(() -> Showcases.show(stage, Showcases.inWindow(crossView), 1280, 800));
        crossShots.add(() -> snap(stage, "crossval-window-1280x800.png"));
        crossShots.add(() -> crossView.setVvalue(1));
        crossShots.add(() -> snap(stage, "crossval-window-bottom-1280x800.png"));

        CourseFakes.Trainer fake = new CourseFakes.Trainer();
        TwoDigitsViewModel running =
                new TwoDigitsViewModel(CourseFakes::mnist, fake, Runnable::run, Runnable::run);
        crossShots.add(
                () -> {
                    running.train();
                    TrainingRequest r = fake.requests.get(0);
                    fake.listener.accept(CourseFakes.started(r, 108));
                    double[] acc = {0.912, 0.948, 0.957, 0.963};
                    for (int e = 0; e < acc.length; e++) {
                        fake.listener.accept(CourseFakes.epoch(r, e + 1, acc[e]));
                    }
                    fake.listener.accept(
                            new org.dnw.train.TrainingEvent.BatchCompleted(
                                    r.runName(), 5, 61, 108, 0.021, 0.968, 41_000, 160));
                    Showcases.show(
                            stage, Showcases.inWindow(new TwoDigitsView(running)), 1280, 800);
                });
        crossShots.add(() -> snap(stage, "two-digits-running-1280x800.png"));
        CrossValidationViewModel images =
                new CrossValidationViewModel(
                        CourseFakes::mnist,
                        (r, c, l) -> {
                            throw new IllegalStateException("not reached");
                        },
                        Runnable::run,
                        Runnable::run);
        crossShots.add(
                () -> {
                    images.run();
                    Showcases.show(
                            stage, Showcases.inWindow(new CrossValidationView(images)), 1280, 800);
                });
        crossShots.add(() -> snap(stage, "crossval-error-1280x800.png"));
        crossShots.add(
                () -> {
                    background.shutdown();
                    service.close();
                    Platform.exit();
                });

        digits.train();
        whenFalse(
                digits.job().runningProperty(),
                () -> {
                    System.out.println(digits.accuracyTextProperty().get());
                    System.out.println(digits.savedTextProperty().get());
                    shots.add(
                            () -> {
                                crossval.run();
                                whenFalse(
                                        crossval.job().runningProperty(),
                                        () -> {
                                            System.out.println(
                                                    crossval.summaryProperty().get().text());
                                            Showcases.runSpaced(crossShots, 0);
                                        });
                            });
                    Showcases.runSpaced(shots, 0);
                });
    }

    private static void snap(Stage stage, String name) {
        Showcases.snapshot(stage.getScene(), outDir, name);
    }

    /** Runs {@code next} once {@code value} is false (checked every 200 ms). */
    private static void whenFalse(ObservableBooleanValue value, Runnable next) {
        javafx.animation.PauseTransition pause =
                new javafx.animation.PauseTransition(javafx.util.Duration.millis(200));
        pause.setOnFinished(
                e -> {
                    if (value.get()) {
                        whenFalse(value, next);
                    } else {
                        next.run();
                    }
                });
        pause.play();
    }

    private static LoadedDataset mnist() throws Exception {
        DatasetCatalog catalog = DatasetCatalog.fromEnvironment(null);
        BuiltInDataset which =
                System.getenv("WORKBENCH_DATA") != null
                        ? BuiltInDataset.MNIST
                        : BuiltInDataset.MNIST_SAMPLE;
        return catalog.load(which, ProgressListener.NONE);
    }

    private static LoadedDataset seeds() throws Exception {
        if (System.getenv("WORKBENCH_DATA") == null) {
            return CourseFakes.seeds();
        }
        return DatasetCatalog.fromEnvironment(null)
                .load(BuiltInDataset.WHEAT_SEEDS, ProgressListener.NONE);
    }
}
