package org.dnw.ui.augment;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.dnw.data.AugmentationSpec;
import org.dnw.data.CorruptionKind;
import org.dnw.data.IdxReader;
import org.dnw.data.ImageSamples;
import org.dnw.data.TableSamples;
import org.dnw.store.RunSummary;
import org.dnw.ui.HeadlessFx;
import org.dnw.ui.Showcases;
import org.dnw.ui.robustness.FakeEvaluator;
import org.dnw.ui.robustness.RobustnessView;
import org.dnw.ui.robustness.RobustnessViewModel;

/**
 * Writes PNGs of the augmentation panel and the robustness check at 1280×800 and 1920×1080, to look
 * at them as a user would. With WORKBENCH_DATA set, the panel previews real MNIST training digits
 * and CIFAR-10 pictures; else drawn shapes. Runs headless on Monocle unless
 * -Dtestfx.headless=false.
 *
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * WORKBENCH_DATA=/work/shared/datasets java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     org.dnw.ui.augment.AugmentShowcase target/screenshots
 * </pre>
 */
public final class AugmentShowcase {

    private static Path outDir = Path.of("target", "screenshots");

    private AugmentShowcase() {}

    public static void main(String[] args) {
        if (args.length > 0) {
            outDir = Path.of(args[0]);
        }
        HeadlessFx.configure();
        Application.launch(Showcase.class, args);
    }

    /** The JavaFX application behind {@link #main}. */
    public static final class Showcase extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            AugmentShowcase.start(stage);
        }
    }

    private static void start(Stage stage) throws IOException {
        Files.createDirectories(outDir);
        ImageSamples digits = mnist();
        ImageSamples colour = cifar();
        stage.setScene(new Scene(new Pane(), 1280, 800));
        stage.show();
        List<Runnable> steps = new ArrayList<>();

        AugmentationViewModel off = new AugmentationViewModel(Runnable::run, Runnable::run);
        off.setSamples(digits);
        shot(steps, stage, () -> new AugmentationView(off), 1280, 800, "augment-off");

        AugmentationViewModel on = new AugmentationViewModel(Runnable::run, Runnable::run);
        on.setSamples(digits);
        on.enabledProperty().set(true);
        on.setSpec(noisyCamera());
        for (int[] size : new int[][] {{1280, 800}, {1920, 1080}}) {
            shot(steps, stage, () -> new AugmentationView(on), size[0], size[1], "augment-on");
        }
        if (colour != null) {
            AugmentationViewModel rgb = new AugmentationViewModel(Runnable::run, Runnable::run);
            rgb.setSamples(colour);
            rgb.enabledProperty().set(true);
            rgb.setSpec(new AugmentationSpec(0.08, 0.02, 0.8, 3, 12, 0.15, 0.3, 0.4, 1, 0.5));
            shot(steps, stage, () -> new AugmentationView(rgb), 1280, 800, "augment-cifar");
        }
        AugmentationViewModel table = new AugmentationViewModel(Runnable::run, Runnable::run);
        table.setSamples(
                new TableSamples(
                        2,
                        new float[] {1, 2, 3, 4},
                        new int[] {0, 1},
                        List.of("Kama", "Rosa"),
                        List.of("area", "perimeter")));
        shot(steps, stage, () -> new AugmentationView(table), 1280, 800, "augment-table");

        List<RunSummary> runs =
                List.of(
                        FakeEvaluator.run("seed-cnn-mnist", 0.9912),
                        FakeEvaluator.run("seed-cnn-mnist-augmented", 0.9897),
                        FakeEvaluator.run("mlp-mnist", 0.9781));
        RobustnessViewModel empty =
                new RobustnessViewModel(
                        () -> runs, new FakeEvaluator(), Runnable::run, Runnable::run);
        empty.refreshRuns();
        shot(steps, stage, () -> new RobustnessView(empty), 1280, 800, "robustness-ready");

        RobustnessViewModel none =
                new RobustnessViewModel(
                        List::of, new FakeEvaluator(), Runnable::run, Runnable::run);
        none.refreshRuns();
        shot(steps, stage, () -> new RobustnessView(none), 1280, 800, "robustness-no-runs");

        RobustnessViewModel done =
                new RobustnessViewModel(
                        () -> runs, new FakeEvaluator(), Runnable::run, Runnable::run);
        done.refreshRuns();
        done.runs().forEach(c -> c.setSelected(true));
        for (int[] size : new int[][] {{1280, 800}, {1920, 1080}}) {
            shot(
                    steps,
                    stage,
                    () -> {
                        RobustnessView view = new RobustnessView(done);
                        done.check();
                        return view;
                    },
                    size[0],
                    size[1],
                    "robustness-done");
        }

        RobustnessViewModel blur =
                new RobustnessViewModel(
                        () -> runs, new FakeEvaluator(), Runnable::run, Runnable::run);
        blur.refreshRuns();
        blur.runs().get(1).setSelected(true);
        blur.kindProperty().set(CorruptionKind.BLUR);
        shot(
                steps,
                stage,
                () -> {
                    RobustnessView view = new RobustnessView(blur);
                    blur.check();
                    return view;
                },
                1280,
                800,
                "robustness-blur");

        RobustnessViewModel failing =
                new RobustnessViewModel(
                        () -> runs,
                        (run, corruption, seed, progress, cancelled) -> {
                            if (!corruption.isIdentity()) {
                                throw new IOException(
                                        "its saved parameters (model-0005.params) are missing");
                            }
                            return 0.99;
                        },
                        Runnable::run,
                        Runnable::run);
        failing.refreshRuns();
        failing.strengthsTextProperty().set("0.1, 0.3, lots");
        shot(
                steps,
                stage,
                () -> {
                    RobustnessView view = new RobustnessView(failing);
                    failing.strengthsTextProperty().set("0.1, 0.3");
                    failing.check();
                    failing.strengthsTextProperty().set("0.1, 0.3, lots");
                    return view;
                },
                1280,
                800,
                "robustness-error");

        steps.add(Platform::exit);
        Showcases.runSpaced(steps, 0);
    }

    private static AugmentationSpec noisyCamera() {
        return new AugmentationSpec(0.3, 0.05, 0.6, 2, 10, 0.1, 0.2, 0.3, 1, 0);
    }

    private static void shot(
            List<Runnable> steps,
            Stage stage,
            Supplier<Parent> view,
            int width,
            int height,
            String name) {
        steps.add(
                () -> {
                    stage.getScene().setRoot(new Pane());
                    Scene scene = new Scene(view.get(), width, height);
                    for (String sheet :
                            List.of("/org/dnw/ui/workbench.css", "/org/dnw/ui/augment.css")) {
                        scene.getStylesheets()
                                .add(AugmentShowcase.class.getResource(sheet).toExternalForm());
                    }
                    stage.setScene(scene);
                    stage.sizeToScene();
                });
        steps.add(
                () ->
                        Showcases.snapshot(
                                stage.getScene(),
                                outDir,
                                name + "-" + width + "x" + height + ".png"));
    }

    private static Path data() {
        String data = System.getenv("WORKBENCH_DATA");
        return data == null ? null : Path.of(data);
    }

    /** The first 2,000 MNIST training digits, or drawn shapes without the data. */
    private static ImageSamples mnist() {
        Path data = data();
        if (data != null) {
            Path dir = data.resolve("mnist");
            try {
                ImageSamples all =
                        IdxReader.read(
                                dir.resolve("train-images-idx3-ubyte.gz"),
                                dir.resolve("train-labels-idx1-ubyte.gz"),
                                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
                int[] first = new int[2_000];
                for (int i = 0; i < first.length; i++) {
                    first[i] = i;
                }
                return all.subset(first);
            } catch (Exception e) {
                System.err.println("MNIST not readable, using drawn images: " + e.getMessage());
            }
        }
        return AugmentationViewModelTest.images(200);
    }

    /** 300 CIFAR-10 training pictures from the JPEG archive; null without the data. */
    private static ImageSamples cifar() {
        Path data = data();
        if (data == null) {
            return null;
        }
        Path archive = data.resolve("cifar10").resolve("cifar10-jpg.tar.gz");
        if (!Files.isRegularFile(archive)) {
            return null;
        }
        List<String> classes =
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
        int wanted = 300;
        byte[] pixels = new byte[wanted * 3 * 32 * 32];
        int[] labels = new int[wanted];
        int[] perClass = new int[classes.size()];
        int n = 0;
        try (InputStream in = Files.newInputStream(archive);
                TarArchiveInputStream tar =
                        new TarArchiveInputStream(new GZIPInputStream(in, 1 << 16))) {
            TarArchiveEntry entry;
            while (n < wanted && (entry = tar.getNextEntry()) != null) {
                String[] parts = entry.getName().split("/");
                if (entry.isDirectory()
                        || parts.length < 3
                        || !parts[parts.length - 1].endsWith(".jpg")) {
                    continue;
                }
                int label = classes.indexOf(parts[parts.length - 2]);
                if (label < 0 || perClass[label] >= wanted / classes.size()) {
                    continue;
                }
                BufferedImage img = ImageIO.read(new NonClosing(tar));
                if (img == null || img.getWidth() != 32 || img.getHeight() != 32) {
                    continue;
                }
                for (int y = 0; y < 32; y++) {
                    for (int x = 0; x < 32; x++) {
                        int rgb = img.getRGB(x, y);
                        int at = n * 3 * 1024 + y * 32 + x;
                        pixels[at] = (byte) (rgb >> 16);
                        pixels[at + 1024] = (byte) (rgb >> 8);
                        pixels[at + 2048] = (byte) rgb;
                    }
                }
                labels[n++] = label;
                perClass[label]++;
            }
        } catch (IOException e) {
            System.err.println("CIFAR-10 not readable: " + e.getMessage());
            return null;
        }
        if (n == 0) {
            return null;
        }
        byte[] kept = java.util.Arrays.copyOf(pixels, n * 3 * 1024);
        return new ImageSamples(3, 32, 32, kept, java.util.Arrays.copyOf(labels, n), classes);
    }

    /** Lets ImageIO read one tar entry without closing the archive. */
    private static final class NonClosing extends java.io.FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {}
    }
}
