package org.dnw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.dnw.cli.WorkbenchCommand;
import org.dnw.data.BuiltInDataset;
import org.dnw.data.DatasetCatalog;
import org.dnw.data.ImageSamples;
import org.dnw.data.ProgressListener;
import org.dnw.eval.ClassificationReport;
import org.dnw.store.RunStore;
import org.dnw.store.SavedNetworks;
import org.dnw.store.SavedRun;
import org.dnw.train.TrainedNetwork;
import org.dnw.train.TrainingEvent.TestEvaluation;
import org.dnw.ui.HeadlessFx;
import org.dnw.ui.common.FakeDialogService;
import org.dnw.ui.confusion.ConfusionView;
import org.dnw.ui.confusion.ConfusionViewModel;
import org.dnw.ui.confusion.GalleryItem;
import org.dnw.ui.confusion.SampleImages;
import org.dnw.ui.tryit.Picture;
import org.dnw.ui.tryit.TryItView;
import org.dnw.ui.tryit.TryItViewModel;
import org.dnw.ui.why.WhyViewModel;
import org.dnw.ui.workbench.WorkbenchView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Try it's "Why?" part on a network trained for one epoch by the real engine: a test image shown on
 * the pad gets saliency and Grad-CAM of the predicted class from the run's own network, off the FX
 * thread, and "why not" another class on request; the confusion gallery, linked as the window links
 * it, explains its most confident mistake with the same run's network. Screenshots at 1280 × 800
 * and 1920 × 1080 go to target/screenshots/ (MNIST from the sample in assets/; CIFAR-10 when
 * WORKBENCH_DATA has it).
 */
class TryItWhyUiIT {

    static {
        HeadlessFx.configure();
        System.setProperty("testfx.setup.timeout", "120000");
    }

    @TempDir Path runs;

    private final ExecutorService predictions = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() throws Exception {
        predictions.shutdownNow();
        FxToolkit.cleanupStages();
    }

    @Test
    void mnist() throws Exception {
        explainATestImage("mnist-sample", BuiltInDataset.MNIST_SAMPLE, "mnist");
    }

    @Test
    void cifar10() throws Exception {
        String data = System.getenv("WORKBENCH_DATA");
        assumeTrue(
                data != null && Files.isDirectory(Path.of(data, "cifar10")),
                "WORKBENCH_DATA has no cifar10 folder: the CIFAR-10 Why? screenshots are skipped");
        explainATestImage("cifar10", BuiltInDataset.CIFAR10, "cifar10");
    }

    private void explainATestImage(String dataset, BuiltInDataset which, String tag)
            throws Exception {
        StringWriter out = new StringWriter();
        int code =
                WorkbenchCommand.execute(
                        new String[] {
                            "train",
                            "--preset",
                            "seed-cnn",
                            "--dataset",
                            dataset,
                            "--epochs",
                            "1",
                            "--train-subset",
                            "3000",
                            "--name",
                            "why",
                            "--runs-dir",
                            runs.toString()
                        },
                        new PrintWriter(out, true),
                        new PrintWriter(out, true));
        assertThat(code).as(out.toString()).isZero();
        RunStore store = new RunStore(runs);
        SavedRun run = store.load(store.list().get(0).folder());

        ImageSamples test =
                (ImageSamples)
                        DatasetCatalog.fromEnvironment(null)
                                .load(which, ProgressListener.NONE)
                                .test();
        int n = 0;
        int[] argb = new int[test.height() * test.width()];
        for (int y = 0; y < test.height(); y++) {
            for (int x = 0; x < test.width(); x++) {
                int r = test.pixel(n, 0, y, x);
                int g = test.channels() == 3 ? test.pixel(n, 1, y, x) : r;
                int b = test.channels() == 3 ? test.pixel(n, 2, y, x) : r;
                argb[y * test.width() + x] = 0xff000000 | r << 16 | g << 8 | b;
            }
        }
        Picture picture = new Picture("test " + n, test.width(), test.height(), argb);

        // the confusion gallery of 300 test images spread over the split (a folder-made split is
        // sorted by class), linked as the window links it
        int count = Math.min(300, test.size());
        int stride = test.size() / count;
        int[] actual = new int[count];
        int[] predicted = new int[count];
        float[] probabilities;
        try (TrainedNetwork network = SavedNetworks.open(run)) {
            probabilities = network.probabilities(test);
        }
        int classes = test.classNames().size();
        float[] spread = new float[count * classes];
        for (int i = 0; i < count; i++) {
            int j = i * stride;
            actual[i] = test.labels()[j];
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (probabilities[j * classes + c] > probabilities[j * classes + best]) {
                    best = c;
                }
            }
            predicted[i] = best;
            System.arraycopy(probabilities, j * classes, spread, i * classes, classes);
        }
        SampleImages all = SampleImages.of(test);
        ClassificationReport report = ClassificationReport.of(actual, predicted, classes);
        ConfusionViewModel confusion = new ConfusionViewModel();

        Stage stage = FxToolkit.registerPrimaryStage();
        TryItViewModel[] model = new TryItViewModel[1];
        Scene[] scene = new Scene[1];
        FxToolkit.setupFixture(
                () -> {
                    model[0] =
                            new TryItViewModel(
                                    new RunClassifiers(),
                                    new FakeDialogService(),
                                    predictions,
                                    Platform::runLater);
                    scene[0] = new Scene(new TryItView(model[0]), 1280, 800);
                    scene[0].getStylesheets()
                            .add(
                                    TryItView.class
                                            .getResource(TryItView.STYLESHEET)
                                            .toExternalForm());
                    stage.setScene(scene[0]);
                    stage.setWidth(1280);
                    stage.setHeight(800);
                    stage.show();
                    confusion.show(
                            new TestEvaluation(
                                    report.accuracy(), 0, report, actual, predicted, spread),
                            test.classNames(),
                            i -> all.image(i * stride));
                    GalleryWhy.link(confusion, model[0], predictions, Platform::runLater);
                    model[0].useRun(run);
                });
        waitFor("the run's network", () -> model[0].classifierProperty().get() != null);
        FxToolkit.setupFixture(() -> model[0].showPicture(picture));
        WhyViewModel why = model[0].why();
        waitFor(
                "saliency and Grad-CAM",
                () -> why.saliencyProperty().get() != null && !why.busyProperty().get());
        String said = model[0].predictions().get(0).className();
        assertThat(why.titleProperty().get()).isEqualTo("Why did it say " + said + "?");
        assertThat(why.gradCamProperty().get()).as("seed-cnn has convolutions").isNotNull();
        assertThat(why.captionProperty().get()).contains("score for " + said);
        assertThat(why.messageProperty().get()).isEmpty();
        assertThat(why.saliencyProperty().get().width()).isEqualTo(test.width());
        Path shots = Path.of("target", "screenshots");
        shoot(scene[0], shots.resolve("why-" + tag + "-1280x800.png"));

        int other = model[0].predictions().get(1).classIndex();
        String otherName = model[0].predictions().get(1).className();
        FxToolkit.setupFixture(
                () -> {
                    why.choose(other);
                    stage.setWidth(1920);
                    stage.setHeight(1080);
                });
        waitFor(
                "the other class's explanation",
                () -> why.chosenProperty().get() == other && !why.busyProperty().get());
        assertThat(why.titleProperty().get())
                .isEqualTo("Why not " + otherName + "? (it said " + said + ")");
        shoot(scene[0], shots.resolve("why-" + tag + "-1920x1080-why-not.png"));

        // the gallery: the most confident mistake, "Why did it say …?"
        WhyViewModel galleryWhy = confusion.why();
        FxToolkit.setupFixture(
                () -> {
                    scene[0].setRoot(new ConfusionView(confusion));
                    scene[0].getStylesheets().add(WorkbenchView.STYLESHEET);
                    stage.setWidth(1280);
                    stage.setHeight(800);
                    confusion.selectMistakes();
                    if (!confusion.gallery().isEmpty()) {
                        confusion.explain(confusion.gallery().get(0));
                    }
                });
        assertThat(confusion.gallery()).as("a network one epoch old makes mistakes").isNotEmpty();
        GalleryItem first = confusion.gallery().get(0);
        waitFor(
                "the gallery image's explanation",
                () ->
                        galleryWhy.saliencyProperty().get() != null
                                && !galleryWhy.busyProperty().get());
        assertThat(galleryWhy.titleProperty().get())
                .isEqualTo("Why did it say " + test.classNames().get(first.predicted()) + "?");
        assertThat(galleryWhy.gradCamProperty().get()).isNotNull();
        shoot(scene[0], shots.resolve("why-" + tag + "-gallery-1280x800.png"));
        FxToolkit.setupFixture(
                () -> {
                    stage.setWidth(1920);
                    stage.setHeight(1080);
                });
        shoot(scene[0], shots.resolve("why-" + tag + "-gallery-1920x1080.png"));
        FxToolkit.setupFixture(() -> model[0].dispose());
    }

    private static void shoot(Scene scene, Path file) throws Exception {
        WaitForAsyncUtils.waitForFxEvents(4);
        FxToolkit.setupFixture(
                () -> {
                    try {
                        ScreenshotWriter.write(scene, file);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        System.out.println("screenshot " + file.toAbsolutePath());
    }

    private static void waitFor(String what, java.util.concurrent.Callable<Boolean> condition)
            throws Exception {
        try {
            WaitForAsyncUtils.waitFor(
                    120,
                    TimeUnit.SECONDS,
                    () -> {
                        WaitForAsyncUtils.waitForFxEvents();
                        return condition.call();
                    });
        } catch (TimeoutException e) {
            throw new AssertionError("waited in vain for " + what, e);
        }
    }
}
