package org.dnw.ui.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.dnw.data.ImageSamples;
import org.dnw.spec.Presets;
import org.dnw.train.ScheduleKind;
import org.dnw.ui.HeadlessFx;
import org.dnw.ui.Showcases;
import org.dnw.ui.architecture.ArchitectureViewModel;
import org.dnw.ui.common.FakeDialogService;
import org.dnw.ui.hyperparams.HyperparametersView;
import org.dnw.ui.hyperparams.HyperparametersViewModel;
import org.dnw.ui.training.TrainingActions;
import org.dnw.ui.training.TrainingView;
import org.dnw.ui.training.TrainingViewModel;
import org.dnw.ui.workbench.WorkbenchTab;
import org.dnw.ui.workbench.WorkbenchView;
import org.dnw.ui.workbench.WorkbenchViewModel;

/**
 * Shows the Data tab and the hyperparameters panel inside the workbench window and writes PNGs at
 * 1280×800 and 1920×1080: MNIST, Fashion-MNIST, CIFAR-10 and the wheat table (real files from
 * WORKBENCH_DATA; synthetic look-alikes without it), a load in progress, a data set not found, and
 * the panel in several states. Runs headless on Monocle.
 *
 * <pre>
 * WORKBENCH_DATA=/work/shared/datasets java -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     org.dnw.ui.data.DataViewsShowcase target/screenshots
 * </pre>
 */
public final class DataViewsShowcase {

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
            DataViewsShowcase.start(stage);
        }
    }

    private static final ExecutorService BACKGROUND =
            Executors.newSingleThreadExecutor(
                    r -> {
                        Thread t = new Thread(r, "showcase-loader");
                        t.setDaemon(true);
                        return t;
                    });

    private static final CountDownLatch HOLD = new CountDownLatch(1);

    private static void start(Stage stage) throws IOException {
        Files.createDirectories(outDir);
        Map<String, DatasetPreview> data = loadAll();
        FakeDialogService dialogs = new FakeDialogService();
        DatasetSource source = source(data);

        HyperparametersViewModel hyper = new HyperparametersViewModel(() -> 73_519L);
        DataViewModel model = new DataViewModel(source, dialogs, BACKGROUND, Platform::runLater);
        model.validationShareProperty()
                .bind(hyper.hyperparametersProperty().map(h -> h.validationShare()));
        ArchitectureViewModel editor = new ArchitectureViewModel(Presets.load("seed-cnn"));
        hyper.networkProperty().bind(editor.specProperty());
        hyper.deviceTextProperty().set("CPU (2 threads)");
        WorkbenchView window =
                new WorkbenchView(
                        new WorkbenchViewModel(editor, dialogs, Runnable::run, Runnable::run));
        window.getStylesheets().add(DataView.STYLESHEET);
        window.getStylesheets()
                .add(
                        DataViewsShowcase.class
                                .getResource("/org/dnw/ui/live-views.css")
                                .toExternalForm());
        DataView dataView = new DataView(model);
        window.setTabContent(WorkbenchTab.DATA, dataView);
        HyperparametersView hyperView = new HyperparametersView(hyper);
        ScrollPane hyperScroll = new ScrollPane(hyperView);
        hyperScroll.setFitToWidth(true);
        hyperScroll.setPrefWidth(430);
        hyperScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        hyperScroll.getStyleClass().add("hyperparams-scroll");
        BorderPane training = new BorderPane();
        training.setLeft(hyperScroll);
        training.setCenter(new TrainingView(new TrainingViewModel(new NoActions())));
        window.setTabContent(WorkbenchTab.TRAINING, training);

        stage.setScene(new Scene(new Pane(), 1280, 800));
        stage.show();
        List<Runnable> steps = new ArrayList<>();
        String[][] sets = {
            {"mnist", "mnist"},
            {"fashion-mnist", "fashion"},
            {"cifar10", "cifar"},
            {"wheat", "wheat"}
        };
        for (String[] set : sets) {
            steps.add(
                    () -> {
                        show(stage, window, 1280, 800);
                        window.selectTab(WorkbenchTab.DATA);
                        model.choose(set[0]);
                    });
            steps.add(() -> {});
            steps.add(
                    () ->
                            Showcases.snapshot(
                                    stage.getScene(), outDir, "data-" + set[1] + "-1280x800.png"));
            steps.add(() -> show(stage, window, 1920, 1080));
            steps.add(
                    () ->
                            Showcases.snapshot(
                                    stage.getScene(), outDir, "data-" + set[1] + "-1920x1080.png"));
        }
        steps.add(
                () -> {
                    show(stage, window, 1280, 800);
                    model.choose("mnist");
                });
        steps.add(() -> {});
        steps.add(() -> dataView.chooser().show());
        steps.add(() -> snapshotWithPopups(stage, "data-chooser-open-1280x800.png"));
        steps.add(() -> dataView.chooser().hide());
        steps.add(() -> model.shuffle());
        steps.add(
                () ->
                        Showcases.snapshot(
                                stage.getScene(), outDir, "data-mnist-shuffled-1280x800.png"));
        steps.add(() -> model.choose("cifar10-binary"));
        steps.add(() -> {});
        steps.add(() -> Showcases.snapshot(stage.getScene(), outDir, "data-loading-1280x800.png"));
        steps.add(
                () -> {
                    model.cancel();
                    HOLD.countDown();
                    model.choose("missing");
                });
        steps.add(() -> {});
        steps.add(() -> Showcases.snapshot(stage.getScene(), outDir, "data-missing-1280x800.png"));

        steps.add(() -> window.selectTab(WorkbenchTab.TRAINING));
        steps.add(() -> Showcases.snapshot(stage.getScene(), outDir, "hyperparams-1280x800.png"));
        steps.add(() -> show(stage, window, 1920, 1080));
        steps.add(() -> Showcases.snapshot(stage.getScene(), outDir, "hyperparams-1920x1080.png"));
        steps.add(
                () -> {
                    show(stage, window, 1280, 800);
                    hyper.setSchedule(ScheduleKind.STEP);
                    hyper.setLearningRate(3e-4);
                    hyper.setWeightDecayEnabled(true);
                    hyper.setBatchSize(128);
                });
        steps.add(
                () ->
                        Showcases.snapshot(
                                stage.getScene(), outDir, "hyperparams-step-1280x800.png"));
        steps.add(
                () -> {
                    editor.load(Presets.load("mlp"), "mlp");
                    hyper.setSchedule(ScheduleKind.DECAY);
                    hyper.setEngine(org.dnw.train.EngineKind.SCRATCH);
                    hyper.setLocked(true);
                });
        steps.add(
                () ->
                        Showcases.snapshot(
                                stage.getScene(),
                                outDir,
                                "hyperparams-scratch-locked-1280x800.png"));
        steps.add(Platform::exit);
        Showcases.runSpaced(steps, 0);
    }

    /** Data sets by chooser id: real ones when WORKBENCH_DATA has them, else look-alikes. */
    private static Map<String, DatasetPreview> loadAll() {
        Map<String, DatasetPreview> out = new HashMap<>();
        Path root = RealData.root();
        if (root != null) {
            try {
                out.put(
                        "mnist",
                        RealData.idx(root.resolve("mnist"), "MNIST", SyntheticData.DIGITS));
                out.put(
                        "fashion-mnist",
                        RealData.idx(
                                root.resolve("fashion-mnist"),
                                "Fashion-MNIST",
                                SyntheticData.FASHION));
                out.put(
                        "cifar10",
                        RealData.cifar(root.resolve("cifar10/cifar10-jpg.tar.gz"), 300, 100));
                out.put("wheat", RealData.wheat(root.resolve("wheat-seeds/seeds_dataset.txt")));
                return out;
            } catch (Exception e) {
                System.err.println("real data not readable, using look-alikes: " + e.getMessage());
            }
        } else {
            System.err.println("WORKBENCH_DATA is not set: showing synthetic look-alikes.");
        }
        out.put(
                "mnist",
                SyntheticData.preview(
                        "MNIST",
                        SyntheticData.grey(6_000, SyntheticData.DIGITS, 1),
                        SyntheticData.grey(1_000, SyntheticData.DIGITS, 2)));
        out.put(
                "fashion-mnist",
                SyntheticData.preview(
                        "Fashion-MNIST",
                        SyntheticData.grey(6_000, SyntheticData.FASHION, 3),
                        SyntheticData.grey(1_000, SyntheticData.FASHION, 4)));
        ImageSamples colour = SyntheticData.colour(3_000, 5);
        out.put("cifar10", SyntheticData.preview("CIFAR-10", colour, SyntheticData.colour(500, 6)));
        out.put(
                "wheat",
                new DatasetPreview(
                        "Wheat seeds (UCI)",
                        "made up",
                        SyntheticData.table(168, 7),
                        null,
                        SyntheticData.table(42, 8),
                        Map.of()));
        return out;
    }

    private static DatasetSource source(Map<String, DatasetPreview> data) {
        Path root = RealData.root() == null ? Path.of("datasets") : RealData.root();
        FakeDatasetSource source = new FakeDatasetSource();
        source.add(
                new DatasetChoice(
                        "mnist", "MNIST", "found locally at " + root.resolve("mnist"), true),
                (p, c) -> data.get("mnist"));
        source.add(
                new DatasetChoice(
                        "mnist-sample",
                        "MNIST (sample)",
                        "bundled with the workbench (1,000 images)",
                        true),
                (p, c) -> data.get("mnist"));
        source.add(
                new DatasetChoice(
                        "fashion-mnist",
                        "Fashion-MNIST",
                        "found locally at " + root.resolve("fashion-mnist"),
                        true),
                (p, c) -> data.get("fashion-mnist"));
        source.add(
                new DatasetChoice(
                        "cifar10",
                        "CIFAR-10",
                        "found locally at " + root.resolve("cifar10/cifar10-jpg.tar.gz"),
                        true),
                (p, c) -> data.get("cifar10"));
        source.add(
                new DatasetChoice(
                        "cifar10-binary",
                        "CIFAR-10 (binary release)",
                        "will download (163 MB)",
                        true),
                DataViewsShowcase::slowDownload);
        source.add(
                new DatasetChoice("wheat", "Wheat seeds (UCI)", "found locally", true),
                (p, c) -> data.get("wheat"));
        source.add(
                new DatasetChoice(
                        "missing",
                        "Fashion-MNIST (elsewhere)",
                        "missing — choose the folder that holds it",
                        false),
                (p, c) -> {
                    throw new DatasetNotFoundException(
                            "Fashion-MNIST is not in /home/student/datasets/fashion-mnist:"
                                    + " train-images-idx3-ubyte.gz and three more IDX files"
                                    + " are expected there");
                });
        return source;
    }

    private static DatasetPreview slowDownload(ProgressSink progress, BooleanSupplier cancelled)
            throws Exception {
        progress.report("Downloading cifar-10-binary.tar.gz (163 MB)", 101_000_000, 162_000_000);
        HOLD.await(30, TimeUnit.SECONDS);
        throw new java.util.concurrent.CancellationException();
    }

    private static void show(Stage stage, WorkbenchView window, int width, int height) {
        stage.getScene().setRoot(new Pane());
        stage.setScene(new Scene(window, width, height));
        stage.sizeToScene();
    }

    /** The scene with every open popup (a combo box's list) drawn where it is on the screen. */
    private static void snapshotWithPopups(Stage stage, String name) {
        java.awt.image.BufferedImage base =
                SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null);
        java.awt.Graphics2D g = base.createGraphics();
        double originX = stage.getX() + stage.getScene().getX();
        double originY = stage.getY() + stage.getScene().getY();
        for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
            if (w instanceof javafx.stage.PopupWindow && w.isShowing() && w.getScene() != null) {
                java.awt.image.BufferedImage popup =
                        SwingFXUtils.fromFXImage(w.getScene().snapshot(null), null);
                g.drawImage(
                        popup,
                        (int) Math.round(w.getX() + w.getScene().getX() - originX),
                        (int) Math.round(w.getY() + w.getScene().getY() - originY),
                        null);
            }
        }
        g.dispose();
        try {
            ImageIO.write(base, "png", outDir.resolve(name).toFile());
            System.out.println("wrote " + outDir.resolve(name));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final class NoActions implements TrainingActions {
        @Override
        public void train() {}

        @Override
        public void pause() {}

        @Override
        public void resume() {}

        @Override
        public void stop() {}
    }
}
