package org.dnw.ui.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.dnw.data.DataFormatException;
import org.dnw.data.IdxReader;
import org.dnw.data.ImageSamples;
import org.dnw.spec.Shape;
import org.dnw.train.TrainingEvent;
import org.dnw.train.TrainingEvent.RunFailed;
import org.dnw.ui.Showcases;
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
                                Showcases.snapshot(
                                        stage.getScene(),
                                        outDir,
                                        String.format(
                                                "%s-%dx%d.png",
                                                new String[] {"train", "filters", "confusion"}[t],
                                                size[0],
                                                size[1])));
            }
        }
        LiveViewsFixture empty = new LiveViewsFixture();
        for (int tab = 0; tab < 3; tab++) {
            int t = tab;
            steps.add(
                    () -> {
                        show(stage, empty, 1280, 800);
                        empty.select(t);
                    });
            steps.add(
                    () ->
                            Showcases.snapshot(
                                    stage.getScene(), outDir, "empty-" + t + "-1280x800.png"));
        }
        LiveViewsFixture running = new LiveViewsFixture();
        int cut = 0;
        for (TrainingEvent e : events) {
            cut++;
            if (e instanceof TrainingEvent.BatchCompleted b && b.epoch() == 3 && b.batch() == 120) {
                break;
            }
        }
        List<TrainingEvent> firstPart = events.subList(0, cut);
        steps.add(
                () -> {
                    running.training.onTrain();
                    running.feed(firstPart, images.classNames(), SampleImages.of(images));
                    show(stage, running, 1280, 800);
                });
        steps.add(() -> Showcases.snapshot(stage.getScene(), outDir, "running-1280x800.png"));
        LiveViewsFixture cifar = new LiveViewsFixture();
        steps.add(
                () -> {
                    cifar.feed(cifarRun(), CIFAR, SampleImages.of(rgbImages(1_000)));
                    cifar.confusion.rowSharesProperty().set(true);
                    cifar.confusion.select(3, 8);
                    cifar.filters.select(2);
                    show(stage, cifar, 1280, 800);
                    cifar.select(1);
                });
        steps.add(() -> Showcases.snapshot(stage.getScene(), outDir, "cifar-filters-1280x800.png"));
        steps.add(() -> cifar.select(2));
        steps.add(
                () -> Showcases.snapshot(stage.getScene(), outDir, "cifar-confusion-1280x800.png"));
        LiveViewsFixture mlp = new LiveViewsFixture();
        steps.add(
                () -> {
                    mlp.feed(
                            List.of(
                                    SyntheticRun.started(5, 400, Shape.image(1, 28, 28)),
                                    denseWeights(100, 28, 28)),
                            SyntheticRun.DIGITS,
                            SampleImages.none());
                    mlp.filters.select(0);
                    show(stage, mlp, 1280, 800);
                    mlp.select(1);
                });
        steps.add(() -> Showcases.snapshot(stage.getScene(), outDir, "mlp-filters-1280x800.png"));
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
        steps.add(() -> Showcases.snapshot(stage.getScene(), outDir, "train-failed-1280x800.png"));
        steps.add(Platform::exit);
        Showcases.runSpaced(steps, 0);
    }

    private static void show(Stage stage, LiveViewsFixture fixture, int width, int height) {
        // A root belongs to one scene at a time: free it from the last one first.
        stage.getScene().setRoot(new Pane());
        stage.setScene(new Scene(fixture.root(), width, height));
        stage.sizeToScene();
    }

    static final List<String> CIFAR =
            List.of(
                    "airplane",
                    "automobile",
                    "bird",
                    "cat",
                    "deer",
                    "dog",
                    "frog",
                    "horse",
                    "ship",
                    "truck");

    /** A CIFAR-like run: colour input, 32 × 3 × 5 × 5 kernels, CIFAR class names. */
    private static List<TrainingEvent> cifarRun() {
        List<TrainingEvent> out = new ArrayList<>();
        out.add(SyntheticRun.started(3, 100, Shape.image(3, 32, 32)));
        java.util.Random random = new java.util.Random(5);
        float[] w = new float[32 * 3 * 25];
        for (int f = 0; f < 32; f++) {
            double angle = Math.PI * f / 8;
            for (int c = 0; c < 3; c++) {
                double gain = Math.cos(f * 0.7 + c * 2.1);
                for (int y = 0; y < 5; y++) {
                    for (int x = 0; x < 5; x++) {
                        double along = (x - 2) * Math.cos(angle) + (y - 2) * Math.sin(angle);
                        w[((f * 3 + c) * 5 + y) * 5 + x] =
                                (float)
                                        (gain * Math.sin(along) * 0.2
                                                + 0.02 * random.nextGaussian());
                    }
                }
            }
        }
        out.add(
                new TrainingEvent.WeightsCaptured(
                        SyntheticRun.RUN, 3, 100, new int[] {32, 3, 5, 5}, w));
        out.add(SyntheticRun.finished(3, 1_000, 8));
        return out;
    }

    /** 100 dense units over a 28 × 28 input, each a smooth blob pattern. */
    private static TrainingEvent.WeightsCaptured denseWeights(int units, int h, int w) {
        java.util.Random random = new java.util.Random(3);
        float[] values = new float[units * h * w];
        for (int u = 0; u < units; u++) {
            double cx = 4 + random.nextDouble() * 20;
            double cy = 4 + random.nextDouble() * 20;
            double fx = 0.2 + random.nextDouble() * 0.5;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double d = Math.hypot(x - cx, y - cy);
                    values[(u * h + y) * w + x] =
                            (float)
                                    (Math.exp(-d * d / 40) * Math.sin(fx * (x + y))
                                            + 0.05 * random.nextGaussian());
                }
            }
        }
        return new TrainingEvent.WeightsCaptured(
                SyntheticRun.RUN, 2, 50, new int[] {units, h * w}, values);
    }

    /** Colour 32 × 32 images: a class-coloured disc on a sky-or-grass background. */
    private static ImageSamples rgbImages(int size) {
        byte[] pixels = new byte[size * 3 * 32 * 32];
        int[] labels = new int[size];
        for (int i = 0; i < size; i++) {
            int label = i % 10;
            labels[i] = label;
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    boolean disc = Math.hypot(x - 16, y - 16) < 6 + label;
                    int[] rgb =
                            disc
                                    ? new int[] {25 * label, 200 - 15 * label, 60 + 10 * label}
                                    : y < 16 ? new int[] {120, 170, 230} : new int[] {70, 140, 60};
                    for (int c = 0; c < 3; c++) {
                        pixels[((i * 3 + c) * 32 + y) * 32 + x] = (byte) rgb[c];
                    }
                }
            }
        }
        return new ImageSamples(3, 32, 32, pixels, labels, CIFAR);
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
