package org.dnw.ui.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.dnw.data.DataFormatException;
import org.dnw.data.IdxReader;
import org.dnw.data.ImageSamples;
import org.dnw.train.TrainingEvent;
import org.dnw.train.TrainingEvent.RunFailed;
import org.dnw.ui.charts.EpochPoint;
import org.dnw.ui.confusion.SampleImages;

/**
 * Shows the live views fed with a synthetic run and writes PNGs of every tab at 1280×800 and
 * 1920×1080, to look at them as a user would. With WORKBENCH_DATA set, the gallery shows real MNIST
 * test digits.
 *
 * <pre>
 * xvfb-run -a -s "-screen 0 1920x1200x24" java -cp ... org.dnw.ui.training.LiveViewsShowcase DIR
 * </pre>
 */
public final class LiveViewsShowcase {

    private static Path outDir = Path.of("target", "screenshots");

    public static void main(String[] args) {
        if (args.length > 0) {
            outDir = Path.of(args[0]);
        }
        // Launched through a nested class: a main class that extends Application must be on the
        // module path.
        Application.launch(Showcase.class, args);
    }

    /** The JavaFX application behind {@link #main}. */
    public static final class Showcase extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            LiveViewsShowcase.start(stage);
        }
    }

    private static void start(Stage stage) throws IOException {
        Files.createDirectories(outDir);
        LiveViewsFixture fixture = new LiveViewsFixture();
        ImageSamples images = testImages();
        List<TrainingEvent> events = SyntheticRun.events(5, 400, images.size(), 11);
        events = withActualLabels(events, images.labels());
        fixture.training.onTrain();
        fixture.feed(events, images.classNames(), SampleImages.of(images));
        fixture.charts.overlay(
                "run-2026-01-01 (lr 0.01)",
                List.of(
                        new EpochPoint(1, 0.62, 0.81, 0.55, 0.84),
                        new EpochPoint(2, 0.41, 0.88, 0.40, 0.89),
                        new EpochPoint(3, 0.33, 0.905, 0.36, 0.90),
                        new EpochPoint(4, 0.29, 0.915, 0.35, 0.905),
                        new EpochPoint(5, 0.27, 0.92, 0.35, 0.91),
                        new EpochPoint(6, 0.25, 0.925, 0.36, 0.908)));
        fixture.filters.select(5);
        fixture.confusion.select(4, 9);

        stage.setScene(new Scene(new Pane(), 1280, 800));
        stage.show();
        List<Runnable> steps = new ArrayList<>();
        for (int[] size : new int[][] {{1280, 800}, {1920, 1080}}) {
            for (int tab = 0; tab < 3; tab++) {
                int t = tab;
                steps.add(
                        () -> {
                            show(stage, fixture, size[0], size[1]);
                            fixture.select(t);
                        });
                steps.add(
                        () ->
                                snapshot(
                                        stage.getScene(),
                                        String.format(
                                                "%s-%dx%d.png",
                                                new String[] {"train", "filters", "confusion"}[t],
                                                size[0],
                                                size[1])));
            }
        }
        steps.add(
                () -> {
                    show(stage, fixture, 1280, 800);
                    fixture.select(0);
                    fixture.training.onTrain();
                    fixture.pump.accept(SyntheticRun.started(5, 400));
                    fixture.pump.accept(
                            new RunFailed(
                                    SyntheticRun.RUN,
                                    "the loss became NaN at epoch 1, batch 37",
                                    "lower the learning rate, e.g. to 0.001, or add batch"
                                            + " normalisation",
                                    1,
                                    37));
                });
        steps.add(() -> snapshot(stage.getScene(), "train-failed-1280x800.png"));
        steps.add(Platform::exit);
        runSpaced(steps, 0);
    }

    private static void show(Stage stage, LiveViewsFixture fixture, int width, int height) {
        // A root belongs to one scene at a time: free it from the last one first.
        stage.getScene().setRoot(new Pane());
        stage.setScene(new Scene(fixture.root(), width, height));
        stage.sizeToScene();
    }

    /** Runs each step a few pulses after the previous one, so layout and CSS have settled. */
    private static void runSpaced(List<Runnable> steps, int index) {
        if (index >= steps.size()) {
            return;
        }
        javafx.animation.PauseTransition pause =
                new javafx.animation.PauseTransition(javafx.util.Duration.millis(400));
        pause.setOnFinished(
                e -> {
                    steps.get(index).run();
                    runSpaced(steps, index + 1);
                });
        pause.play();
    }

    private static void snapshot(Scene scene, String name) {
        WritableImage image = scene.snapshot(null);
        try {
            ImageIO.write(
                    SwingFXUtils.fromFXImage(image, null), "png", outDir.resolve(name).toFile());
            System.out.println("wrote " + outDir.resolve(name));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Real MNIST test digits when WORKBENCH_DATA has them, else drawn patterns. */
    static ImageSamples testImages() {
        String data = System.getenv("WORKBENCH_DATA");
        if (data != null) {
            Path dir = Path.of(data, "mnist");
            try {
                ImageSamples all =
                        IdxReader.read(
                                dir.resolve("t10k-images-idx3-ubyte.gz"),
                                dir.resolve("t10k-labels-idx1-ubyte.gz"),
                                SyntheticRun.DIGITS);
                int[] first = new int[1_000];
                for (int i = 0; i < first.length; i++) {
                    first[i] = i;
                }
                return all.subset(first);
            } catch (DataFormatException | RuntimeException e) {
                System.err.println("MNIST not readable, using drawn images: " + e.getMessage());
            }
        }
        return SyntheticRun.images(1_000);
    }

    /** The same run, with the test evaluation made for these true labels. */
    private static List<TrainingEvent> withActualLabels(List<TrainingEvent> events, int[] labels) {
        List<TrainingEvent> out = new ArrayList<>(events);
        TrainingEvent.RunFinished f = (TrainingEvent.RunFinished) out.remove(out.size() - 1);
        out.add(
                new TrainingEvent.RunFinished(
                        f.runName(),
                        SyntheticRun.evaluation(labels, 11),
                        f.epochsCompleted(),
                        f.durationMillis(),
                        f.artifacts(),
                        f.parameters(),
                        f.finishedAt()));
        return out;
    }
}
