package org.dnw.ui.tryit;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import javax.imageio.ImageIO;
import org.dnw.data.DigitPreprocessor.Prepared;
import org.dnw.spec.Presets;
import org.dnw.spec.Shape;
import org.dnw.store.DatasetInfo;
import org.dnw.store.RunManifest;
import org.dnw.store.SavedRun;
import org.dnw.train.Hyperparameters;
import org.dnw.ui.common.FakeDialogService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TryItViewModelTest {

    private final FakeDialogService dialogs = new FakeDialogService();
    private final ArrayDeque<Runnable> queued = new ArrayDeque<>();
    private final Executor queue = queued::add;

    private TryItViewModel direct(ClassifierFactory factory) {
        return new TryItViewModel(factory, dialogs, Runnable::run, Runnable::run);
    }

    private TryItViewModel queued() {
        return new TryItViewModel(run -> new InkShapeClassifier(), dialogs, queue, Runnable::run);
    }

    private int runQueued() {
        int n = 0;
        while (!queued.isEmpty()) {
            queued.poll().run();
            n++;
        }
        return n;
    }

    /** A horizontal stroke across the pad, in {@code points} steps. */
    private static void drawHorizontal(TryItViewModel vm, int points) {
        vm.beginStroke(40, 120);
        for (int i = 1; i <= points; i++) {
            vm.extendStroke(40 + i * 200.0 / points, 120);
        }
        vm.endStroke();
    }

    private static void drawVertical(TryItViewModel vm) {
        vm.beginStroke(200, 30);
        for (int i = 1; i <= 20; i++) {
            vm.extendStroke(200, 30 + i * 10);
        }
        vm.endStroke();
    }

    private static int inkPixels(Prepared p) {
        int n = 0;
        for (byte b : p.pixels()) {
            n += b != 0 ? 1 : 0;
        }
        return n;
    }

    @Test
    void withoutANetworkTheTabSaysSoButStillShowsWhatWouldBeSeen() {
        TryItViewModel vm = direct(run -> new InkShapeClassifier());

        assertThat(vm.placeholderProperty().get())
                .isEqualTo("Train a network or open a saved run first.");
        assertThat(vm.messageProperty().get()).isEqualTo("Draw a digit in the black square.");
        assertThat(vm.blankProperty().get()).isTrue();

        drawHorizontal(vm, 10);

        assertThat(vm.blankProperty().get()).isFalse();
        assertThat(vm.getPrepared().shape()).isEqualTo(Shape.image(1, 28, 28));
        assertThat(inkPixels(vm.getPrepared())).isGreaterThan(20);
        assertThat(vm.predictions()).isEmpty();
    }

    @Test
    void aDrawingIsClassifiedWithEveryClassSortedAndTheTopOneMarked() {
        InkShapeClassifier network = new InkShapeClassifier();
        TryItViewModel vm = direct(run -> network);
        vm.setClassifier(network);

        drawHorizontal(vm, 10);

        assertThat(vm.placeholderProperty().get()).isEmpty();
        assertThat(vm.predictions())
                .extracting(ClassProbability::className)
                .containsExactly("wide", "round", "tall");
        assertThat(vm.predictions())
                .extracting(ClassProbability::top)
                .containsExactly(true, false, false);
        assertThat(vm.predictions().get(0).percentText()).isEqualTo("80.0 %");
        assertThat(vm.headlineProperty().get()).isEqualTo("wide  ·  80.0 %");
        assertThat(vm.messageProperty().get()).isEmpty();
        // the network saw the prepared drawing: its ink, 20 px wide, centred
        byte[] seen = network.inputs().get(network.inputs().size() - 1);
        assertThat(seen).containsExactly(vm.getPrepared().pixels());

        vm.clear();
        drawVertical(vm);

        assertThat(vm.predictions().get(0).className()).isEqualTo("tall");
    }

    @Test
    void showInsideHandsOnWhatTheNetworkSeesButNothingWhenBlank() {
        TryItViewModel vm = direct(run -> new InkShapeClassifier());
        List<org.dnw.data.DigitPreprocessor.Prepared> shown = new java.util.ArrayList<>();
        vm.setOnShowInside(shown::add);
        vm.showInside();
        assertThat(shown).isEmpty();
        drawVertical(vm);
        vm.showInside();
        assertThat(shown).containsExactly(vm.getPrepared());
    }

    @Test
    void clearEmptiesThePadAndAsksForADigit() {
        InkShapeClassifier network = new InkShapeClassifier();
        TryItViewModel vm = direct(run -> network);
        vm.setClassifier(network);
        drawHorizontal(vm, 5);

        vm.clear();

        assertThat(vm.strokes()).isEmpty();
        assertThat(vm.predictions()).isEmpty();
        assertThat(vm.headlineProperty().get()).isEmpty();
        assertThat(vm.blankProperty().get()).isTrue();
        assertThat(vm.getPrepared().pixels()).containsOnly(0);
        assertThat(vm.messageProperty().get()).isEqualTo("Draw a digit in the black square.");
    }

    @Test
    void requestsWhileAPredictionRunsCollapseIntoOneWithTheLatestDrawing() {
        TryItViewModel vm = queued();
        InkShapeClassifier network = new InkShapeClassifier();
        vm.setClassifier(network);
        assertThat(runQueued()).as("nothing drawn yet, nothing to predict").isZero();

        vm.beginStroke(40, 120);
        vm.extendStroke(80, 120);
        vm.extendStroke(120, 120);
        vm.extendStroke(240, 120);
        assertThat(queued).as("one prediction in flight").hasSize(1);

        queued.poll().run();
        assertThat(network.inputs()).hasSize(1);
        assertThat(queued).as("the collapsed requests, started when the first returned").hasSize(1);
        queued.poll().run();

        assertThat(network.inputs()).hasSize(2);
        assertThat(queued).as("then only the latest answer's explanation (\"Why?\")").hasSize(1);
        queued.poll().run();
        assertThat(queued).isEmpty();
        assertThat(vm.predictions().get(0).className()).isEqualTo("wide");
        // the second prediction saw the whole stroke: a 20-pixel-wide line
        assertThat(vm.predictionsMade()).isEqualTo(2);
    }

    @Test
    void aResultThatArrivesAfterClearIsDropped() {
        TryItViewModel vm = queued();
        vm.setClassifier(new InkShapeClassifier());
        drawHorizontal(vm, 3);

        vm.clear();
        runQueued();

        assertThat(vm.predictions()).isEmpty();
        assertThat(vm.blankProperty().get()).isTrue();
        assertThat(vm.getPrepared().pixels()).containsOnly(0);
    }

    @Test
    void aReplacedNetworkIsClosedOffTheFxThreadAfterItsPrediction() {
        TryItViewModel vm = queued();
        InkShapeClassifier first = new InkShapeClassifier();
        InkShapeClassifier second = new InkShapeClassifier();
        vm.setClassifier(first);
        drawHorizontal(vm, 3);

        vm.setClassifier(second);
        assertThat(first.isClosed()).as("not on the calling thread").isFalse();
        runQueued();

        assertThat(first.isClosed()).isTrue();
        assertThat(first.inputs()).hasSize(1);
        assertThat(second.inputs()).isNotEmpty();
        assertThat(vm.predictions()).hasSize(3);
        assertThat(second.isClosed()).isFalse();

        vm.dispose();
        runQueued();
        assertThat(second.isClosed()).isTrue();
    }

    @Test
    void useRunLoadsTheNetworkThroughTheFactoryAndReportsFailures(@TempDir Path dir) {
        InkShapeClassifier made = new InkShapeClassifier();
        TryItViewModel vm =
                direct(
                        run -> {
                            if (run.manifest().runName().equals("broken")) {
                                throw new IOException("broken/model-0003.params is missing");
                            }
                            return made;
                        });
        drawHorizontal(vm, 4);

        vm.useRun(savedRun(dir, "good"));

        assertThat(vm.classifierProperty().get()).isSameAs(made);
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.networkProperty().get().text())
                .isEqualTo("Using ink-shape test network on MNIST · 3 classes.");
        assertThat(vm.predictions()).hasSize(3);

        vm.useRun(savedRun(dir, "broken"));

        assertThat(vm.classifierProperty().get()).isNull();
        assertThat(made.isClosed()).isTrue();
        assertThat(vm.placeholderProperty().get())
                .isEqualTo(
                        "The network of broken could not be loaded:"
                                + " broken/model-0003.params is missing.");
        assertThat(vm.predictions()).isEmpty();
    }

    @Test
    void aNetworkThatGivesTheWrongNumberOfProbabilitiesIsReported() {
        TryItViewModel vm = direct(run -> null);
        vm.setClassifier(
                new InkShapeClassifier() {
                    @Override
                    public float[] probabilities(byte[] image) {
                        return new float[] {1f};
                    }
                });

        drawHorizontal(vm, 4);

        assertThat(vm.predictions()).isEmpty();
        assertThat(vm.messageProperty().get())
                .isEqualTo(
                        "The network could not classify the picture: The network gave 1"
                                + " probabilities for its 3 classes.");
    }

    @Test
    void aNetworkOnATableCannotTryPictures() {
        TryItViewModel vm = direct(run -> null);
        InkShapeClassifier table = new InkShapeClassifier(Shape.flat(7), "wheat seeds");

        vm.setClassifier(table);
        drawHorizontal(vm, 4);

        assertThat(vm.placeholderProperty().get())
                .isEqualTo(
                        "This network reads 7 numbers, not a picture: Try it needs a network"
                                + " trained on images.");
        assertThat(table.inputs()).isEmpty();
    }

    @Test
    void aColourNetworkGetsTheDrawingResizedToItsInput() {
        InkShapeClassifier cifar = new InkShapeClassifier(Shape.image(3, 32, 32), "CIFAR-10");
        TryItViewModel vm = direct(run -> cifar);
        vm.setClassifier(cifar);

        drawHorizontal(vm, 6);

        Prepared p = vm.getPrepared();
        assertThat(p.shape()).isEqualTo(Shape.image(3, 32, 32));
        assertThat(vm.networkProperty().get().inputCaption())
                .isEqualTo("3 × 32 × 32 colour levels: the picture resized to 32 × 32 pixels.");
        // resized, not centred: the stroke stays where it was drawn, at 120 / 280 of the height
        int row = (int) (120 / TryItViewModel.PAD_SIZE * 32);
        assertThat(p.pixel(1, row, 16)).isEqualTo(255);
        assertThat(p.pixel(1, 28, 16)).isZero();
    }

    @Test
    void anOpenedPhotoIsInvertedAndClassifiedInsteadOfTheDrawing(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("digit.png");
        BufferedImage image = new BufferedImage(90, 60, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 60; y++) {
            for (int x = 0; x < 90; x++) {
                boolean ink = y >= 25 && y < 35 && x >= 10 && x < 70;
                image.setRGB(x, y, ink ? 0x202020 : 0xF0F0F0);
            }
        }
        ImageIO.write(image, "png", file.toFile());
        InkShapeClassifier network = new InkShapeClassifier();
        TryItViewModel vm = direct(run -> network);
        vm.setClassifier(network);
        drawVertical(vm);
        dialogs.filesToOpen.add(file);

        vm.openImage();

        assertThat(dialogs.errors).isEmpty();
        assertThat(vm.pictureProperty().get().width()).isEqualTo(90);
        assertThat(vm.strokes()).isEmpty();
        assertThat(vm.getPrepared().inverted()).isTrue();
        assertThat(vm.predictions().get(0).className()).isEqualTo("wide");

        vm.beginStroke(10, 10);
        assertThat(vm.pictureProperty().get()).as("drawing replaces the picture").isNull();
    }

    @Test
    void aFileThatIsNoImageGivesASentence(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("notes.png"), "not a picture at all");
        TryItViewModel vm = direct(run -> null);

        vm.openImage(file);

        assertThat(dialogs.errors)
                .containsExactly(
                        "Cannot open the image: notes.png is not an image the workbench can read"
                                + " (PNG, JPEG, GIF or BMP).");
        assertThat(vm.pictureProperty().get()).isNull();
        assertThat(TryItViewModel.canOpen(file)).isTrue();
        assertThat(TryItViewModel.canOpen(dir.resolve("notes.txt"))).isFalse();
    }

    private static SavedRun savedRun(Path dir, String name) {
        RunManifest manifest =
                new RunManifest(
                        RunManifest.FORMAT_VERSION,
                        name,
                        Presets.load("seed-cnn"),
                        Hyperparameters.defaults(),
                        42,
                        new DatasetInfo("MNIST", InkShapeClassifier.CLASSES, Map.of(), 1, 0, 1),
                        Map.of(),
                        "CPU",
                        0,
                        null,
                        null,
                        0,
                        null,
                        null,
                        List.of());
        return new SavedRun(dir.resolve(name), manifest, List.of(), null, null, List.of());
    }
}
