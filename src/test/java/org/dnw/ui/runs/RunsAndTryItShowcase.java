package org.dnw.ui.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.dnw.data.DataFormatException;
import org.dnw.data.IdxReader;
import org.dnw.data.ImageSamples;
import org.dnw.spec.Presets;
import org.dnw.store.RunStore;
import org.dnw.ui.HeadlessFx;
import org.dnw.ui.Showcases;
import org.dnw.ui.architecture.ArchitectureViewModel;
import org.dnw.ui.charts.ChartsViewModel;
import org.dnw.ui.common.FakeDialogService;
import org.dnw.ui.tryit.CentroidClassifier;
import org.dnw.ui.tryit.Picture;
import org.dnw.ui.tryit.TryItView;
import org.dnw.ui.tryit.TryItViewModel;
import org.dnw.ui.workbench.WorkbenchTab;
import org.dnw.ui.workbench.WorkbenchView;
import org.dnw.ui.workbench.WorkbenchViewModel;

/**
 * Writes PNGs of the Try-it and Runs tabs, alone and inside the workbench window, at 1280×800 and
 * 1920×1080, to look at them as a user would. Runs headless on Monocle (no display needed). With
 * MNIST in WORKBENCH_DATA (or ../shared/datasets) the Try-it tab classifies with MNIST's class
 * means, so the bars answer the drawing for real.
 *
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     org.dnw.ui.runs.RunsAndTryItShowcase target/screenshots
 * </pre>
 */
public final class RunsAndTryItShowcase {

    private static Path outDir = Path.of("target", "screenshots");

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
            RunsAndTryItShowcase.start(stage);
        }
    }

    private static void start(Stage stage) throws IOException {
        Files.createDirectories(outDir);
        ImageSamples mnist = mnist();
        FakeDialogService dialogs = new FakeDialogService();

        TryItViewModel drawn = tryIt(dialogs, mnist);
        drawSeven(drawn);
        TryItViewModel empty =
                new TryItViewModel(run -> null, dialogs, Runnable::run, Runnable::run);
        drawSeven(empty);
        TryItViewModel photo = tryIt(dialogs, mnist);
        if (mnist != null) {
            photo.showPicture(photoOf(mnist, 1));
        }

        Path root = Files.createTempDirectory("runs-showcase");
        RunStore store = new RunStore(root, ZoneOffset.UTC);
        List<Path> folders = new ArrayList<>();
        folders.add(SavedRuns.save(store, RunsViewModelTest.ADAM));
        folders.add(SavedRuns.save(store, RunsViewModelTest.SLOW));
        folders.add(SavedRuns.save(store, RunsViewModelTest.BEST));
        folders.add(SavedRuns.save(store, RunsViewModelTest.BROKEN));
        Files.delete(folders.get(3).resolve(SavedRuns.PARAMS));
        folders.add(
                SavedRuns.save(
                        store,
                        new SavedRuns.Plan(
                                "sgd momentum, long run with a long name",
                                Instant.parse("2026-03-05T16:45:00Z"),
                                new double[] {0.7, 0.8, 0.85, 0.88, 0.9, 0.91, 0.915, 0.92},
                                0.917,
                                0.05)));
        ChartsViewModel charts = new ChartsViewModel();
        RunsViewModel runs =
                new RunsViewModel(
                        store, charts, dialogs, Runnable::run, Runnable::run, ZoneOffset.UTC);
        runs.refresh();
        runs.select(
                List.of(
                        runs.runs().stream()
                                .filter(r -> r.folder().equals(folders.get(2)))
                                .findFirst()
                                .orElseThrow()));
        RunsViewModel damaged =
                new RunsViewModel(
                        store, charts, dialogs, Runnable::run, Runnable::run, ZoneOffset.UTC);
        damaged.refresh();
        damaged.select(
                List.of(
                        damaged.runs().stream()
                                .filter(r -> r.isDamaged())
                                .findFirst()
                                .orElseThrow()));

        stage.setScene(new Scene(new Pane(), 1280, 800));
        stage.show();
        List<Runnable> steps = new ArrayList<>();
        for (int[] size : new int[][] {{1280, 800}, {1920, 1080}}) {
            String s = size[0] + "x" + size[1];
            shoot(steps, stage, () -> new TryItView(drawn), size, "tryit-" + s + ".png");
            shoot(steps, stage, () -> new RunsView(runs), size, "runs-" + s + ".png");
            shoot(
                    steps,
                    stage,
                    () -> window(WorkbenchTab.TRY_IT, new TryItView(drawn)),
                    size,
                    "window-tryit-" + s + ".png");
            shoot(
                    steps,
                    stage,
                    () -> window(WorkbenchTab.RUNS, new RunsView(runs)),
                    size,
                    "window-runs-" + s + ".png");
        }
        int[] small = {1280, 800};
        shoot(
                steps,
                stage,
                () -> window(WorkbenchTab.TRY_IT, new TryItView(empty)),
                small,
                "window-tryit-no-network-1280x800.png");
        shoot(
                steps,
                stage,
                () -> window(WorkbenchTab.TRY_IT, new TryItView(photo)),
                small,
                "window-tryit-photo-1280x800.png");
        shoot(
                steps,
                stage,
                () -> window(WorkbenchTab.RUNS, new RunsView(damaged)),
                small,
                "window-runs-damaged-1280x800.png");
        RunsViewModel none =
                new RunsViewModel(
                        new RunStore(Files.createTempDirectory("no-runs"), ZoneOffset.UTC),
                        charts,
                        dialogs,
                        Runnable::run,
                        Runnable::run,
                        ZoneOffset.UTC);
        none.refresh();
        shoot(
                steps,
                stage,
                () -> window(WorkbenchTab.RUNS, new RunsView(none)),
                small,
                "window-runs-empty-1280x800.png");
        TryItViewModel colour =
                new TryItViewModel(run -> null, dialogs, Runnable::run, Runnable::run);
        colour.setClassifier(new ColourGuess());
        colour.showPicture(sunset());
        shoot(
                steps,
                stage,
                () -> window(WorkbenchTab.TRY_IT, new TryItView(colour)),
                small,
                "window-tryit-colour-1280x800.png");
        steps.add(Platform::exit);
        Showcases.runSpaced(steps, 0);
    }

    private static TryItViewModel tryIt(FakeDialogService dialogs, ImageSamples mnist) {
        TryItViewModel vm = new TryItViewModel(run -> null, dialogs, Runnable::run, Runnable::run);
        if (mnist != null) {
            vm.setClassifier(new CentroidClassifier(mnist, "MNIST", 40));
        }
        return vm;
    }

    /** A hand-drawn-looking 7: a slightly rising bar, then a curving stroke down. */
    private static void drawSeven(TryItViewModel vm) {
        vm.beginStroke(78, 70);
        for (int i = 1; i <= 30; i++) {
            vm.extendStroke(78 + i * 4.3, 70 - i * 0.25 + Math.sin(i / 5.0) * 1.5);
        }
        for (int i = 1; i <= 40; i++) {
            double t = i / 40.0;
            vm.extendStroke(207 - t * 80 - Math.sin(t * Math.PI) * 12, 63 + t * 165);
        }
        vm.endStroke();
    }

    /** MNIST test digit {@code index}, four times larger, dark on light grey paper. */
    private static Picture photoOf(ImageSamples mnist, int index) {
        int side = 28 * 4;
        int w = side + 60;
        int h = side + 30;
        int[] argb = new int[w * h];
        java.util.Random random = new java.util.Random(2);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int ink = 0;
                int dx = x - 40;
                int dy = y - 10;
                if (dx >= 0 && dy >= 0 && dx < side && dy < side) {
                    ink = mnist.pixel(index, 0, dy / 4, dx / 4);
                }
                int paper = 225 + (int) Math.round(random.nextGaussian() * 4);
                int v = Math.max(0, Math.min(255, paper - ink * 200 / 255));
                argb[y * w + x] = 0xFF000000 | v << 16 | v << 8 | (Math.max(0, v - 12));
            }
        }
        return new Picture("digit-photo.png", w, h, argb);
    }

    /** A 300 × 200 picture: sky over sea, an orange sun. */
    private static Picture sunset() {
        int w = 300;
        int h = 200;
        int[] argb = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean sun = Math.hypot(x - 200, y - 90) < 30;
                int rgb = sun ? 0xF28C28 : y < 110 ? 0x6FA8DC : 0x1F4E79;
                argb[y * w + x] = 0xFF000000 | rgb;
            }
        }
        return new Picture("sunset.png", w, h, argb);
    }

    /** A CIFAR-10 stand-in that answers by the picture's mean colour. */
    private static final class ColourGuess implements org.dnw.ui.tryit.Classifier {
        @Override
        public List<String> classNames() {
            return List.of(
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
        }

        @Override
        public org.dnw.spec.Shape inputShape() {
            return org.dnw.spec.Shape.image(3, 32, 32);
        }

        @Override
        public String datasetName() {
            return "CIFAR-10";
        }

        @Override
        public float[] probabilities(byte[] image) {
            double blue = 0;
            for (int i = 2 * 1024; i < 3 * 1024; i++) {
                blue += (image[i] & 0xFF) / 255.0 / 1024;
            }
            float ship = (float) (0.3 + 0.5 * blue);
            float rest = (1 - ship) / 9;
            float[] p = new float[10];
            java.util.Arrays.fill(p, rest);
            p[8] = ship;
            p[0] = rest * 2.5f;
            p[2] = rest * 0.5f;
            p[3] = rest * 0.5f;
            p[4] = rest * 0.5f;
            return p;
        }
    }

    private static Parent window(WorkbenchTab tab, Parent content) {
        ArchitectureViewModel editor = new ArchitectureViewModel(Presets.load("seed-cnn"));
        WorkbenchViewModel workbench =
                new WorkbenchViewModel(
                        editor, new FakeDialogService(), Runnable::run, Runnable::run);
        WorkbenchView view = new WorkbenchView(workbench);
        view.setTabContent(tab, content);
        view.selectTab(tab);
        return view;
    }

    private static void shoot(
            List<Runnable> steps,
            Stage stage,
            java.util.function.Supplier<Parent> root,
            int[] size,
            String name) {
        steps.add(
                () -> {
                    stage.getScene().setRoot(new Pane());
                    Parent p = root.get();
                    Scene scene = new Scene(p, size[0], size[1]);
                    scene.getStylesheets()
                            .addAll(
                                    css("/org/dnw/ui/workbench.css"),
                                    css("/org/dnw/ui/live-views.css"),
                                    css(TryItView.STYLESHEET));
                    stage.setScene(scene);
                    stage.sizeToScene();
                });
        steps.add(() -> Showcases.snapshot(stage.getScene(), outDir, name));
    }

    private static String css(String resource) {
        return RunsAndTryItShowcase.class.getResource(resource).toExternalForm();
    }

    /** The MNIST test split when it is at hand, else null. */
    static ImageSamples mnist() {
        String data = System.getenv("WORKBENCH_DATA");
        Path dir =
                data != null && !data.isBlank()
                        ? Path.of(data, "mnist")
                        : Path.of("..", "shared", "datasets", "mnist");
        if (!Files.isRegularFile(dir.resolve("t10k-images-idx3-ubyte.gz"))) {
            System.err.println("MNIST not found: Try it is shown without a network");
            return null;
        }
        try {
            return IdxReader.read(
                    dir.resolve("t10k-images-idx3-ubyte.gz"),
                    dir.resolve("t10k-labels-idx1-ubyte.gz"),
                    SavedRuns.DIGITS);
        } catch (DataFormatException e) {
            System.err.println("MNIST not readable: " + e.getMessage());
            return null;
        }
    }
}
