package org.dnw.ui.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import org.dnw.data.DataFormatException;
import org.dnw.data.ImageSamples;
import org.dnw.data.TableSamples;
import org.dnw.ui.common.FakeDialogService;
import org.junit.jupiter.api.Test;

/** The Data tab's state, driven with a scripted source and same-thread or queued executors. */
class DataViewModelTest {

    private static final ImageSamples TRAIN = SyntheticData.grey(600, SyntheticData.DIGITS, 1);
    private static final ImageSamples TEST = SyntheticData.grey(100, SyntheticData.DIGITS, 2);
    private static final DatasetPreview MNIST_LIKE = SyntheticData.preview("MNIST", TRAIN, TEST);
    private static final DatasetPreview CIFAR_LIKE =
            SyntheticData.preview(
                    "CIFAR-10", SyntheticData.colour(300, 3), SyntheticData.colour(50, 4));

    private final FakeDialogService dialogs = new FakeDialogService();
    private final FakeDatasetSource source =
            new FakeDatasetSource()
                    .add(
                            new DatasetChoice("mnist", "MNIST", "found locally at /data", true),
                            (p, c) -> MNIST_LIKE)
                    .add(
                            new DatasetChoice("cifar10", "CIFAR-10", "will download", true),
                            (p, c) -> CIFAR_LIKE);

    private DataViewModel sameThread() {
        return new DataViewModel(source, dialogs, Runnable::run, Runnable::run);
    }

    /** An executor that keeps tasks until the test runs them. */
    private static final class Queue implements Executor {
        final Deque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            while (!tasks.isEmpty()) {
                tasks.poll().run();
            }
        }
    }

    @Test
    void theChoicesComeFromTheSourceWithWhereEachDataSetIs() {
        DataViewModel model = sameThread();

        assertThat(model.choices()).containsExactlyElementsOf(source.choices);
        assertThat(model.choices().get(0).availability()).isEqualTo("found locally at /data");
        assertThat(model.getLoaded()).isNull();
        assertThat(model.noticeTextProperty().get()).startsWith("Choose a data set");
    }

    @Test
    void aChoiceMadeBeforeTheListArrivesLoadsWhenItDoes() {
        Queue background = new Queue();
        DataViewModel model = new DataViewModel(source, dialogs, background, Runnable::run);
        assertThat(model.choices()).isEmpty();

        model.choose("cifar10");
        assertThat(source.calls).doesNotContain("load cifar10");
        background.runAll();

        assertThat(source.calls).contains("load cifar10");
        assertThat(model.getLoaded()).isSameAs(CIFAR_LIKE);
    }

    @Test
    void choosingADataSetLoadsItAndFillsTheCountsSizesAndStrip() {
        DataViewModel model = sameThread();

        model.choose("mnist");

        assertThat(source.calls).contains("load mnist");
        assertThat(model.getLoaded()).isSameAs(MNIST_LIKE);
        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.failureProperty().get().shown()).isFalse();
        assertThat(model.chosenProperty().get().id()).isEqualTo("mnist");
        assertThat(model.summaryTextProperty().get())
                .isEqualTo("700 images · 1 × 28 × 28 grey · 10 classes");

        int[] trainCounts = count(TRAIN.labels(), 10);
        int[] testCounts = count(TEST.labels(), 10);
        assertThat(model.classCounts()).hasSize(10);
        for (int c = 0; c < 10; c++) {
            ClassCountRow row = model.classCounts().get(c);
            assertThat(row.name()).isEqualTo(String.valueOf(c));
            assertThat(row.train()).isEqualTo(trainCounts[c]);
            assertThat(row.test()).isEqualTo(testCounts[c]);
        }
        int largest = Arrays.stream(trainCounts).max().orElseThrow();
        assertThat(model.classCounts())
                .anySatisfy(r -> assertThat(r.trainShare()).isEqualTo(1.0))
                .allSatisfy(
                        r -> assertThat(r.trainShare()).isEqualTo((double) r.train() / largest));

        // 10 % of 600 held out for validation.
        assertThat(model.splitSizesProperty().get()).isEqualTo(new SplitSizes(540, 60, 100, false));

        // Two per class, in class order, each the first samples of its class.
        List<SampleTile> tiles = model.tiles();
        assertThat(tiles).hasSize(20);
        for (int c = 0; c < 10; c++) {
            int[] firstTwo = firstIndicesOf(TRAIN.labels(), c, 2);
            assertThat(tiles.get(2 * c).sampleIndex()).isEqualTo(firstTwo[0]);
            assertThat(tiles.get(2 * c + 1).sampleIndex()).isEqualTo(firstTwo[1]);
            assertThat(tiles.get(2 * c).labelText()).isEqualTo(String.valueOf(c));
        }
        SampleTile first = tiles.get(0);
        assertThat(first.pixels())
                .containsExactly(
                        Arrays.copyOfRange(
                                TRAIN.pixels(),
                                first.sampleIndex() * 784,
                                first.sampleIndex() * 784 + 784));
        assertThat(model.samplesCaptionProperty().get())
                .isEqualTo("the first 2 of each class in the training data");
        assertThat(model.tableRows()).isEmpty();
    }

    @Test
    void colourTilesKeepTheirThreePlanes() {
        DataViewModel model = sameThread();

        model.choose("cifar10");

        SampleTile tile = model.tiles().get(0);
        assertThat(tile.channels()).isEqualTo(3);
        ImageSamples train = (ImageSamples) CIFAR_LIKE.train();
        int i = tile.sampleIndex();
        int expected =
                0xFF000000
                        | train.pixel(i, 0, 0, 0) << 16
                        | train.pixel(i, 1, 0, 0) << 8
                        | train.pixel(i, 2, 0, 0);
        assertThat(tile.argb(0, 0)).isEqualTo(expected);
        assertThat(model.tiles()).extracting(SampleTile::labelText).contains("airplane", "truck");
        assertThat(model.summaryTextProperty().get()).contains("3 × 32 × 32 colour");
    }

    @Test
    void theValidationShareChangesTheSplitSizes() {
        DataViewModel model = sameThread();
        model.choose("mnist");

        model.validationShareProperty().set(0.25);
        assertThat(model.splitSizesProperty().get())
                .isEqualTo(new SplitSizes(450, 150, 100, false));
        model.validationShareProperty().set(0);
        assertThat(model.splitSizesProperty().get()).isEqualTo(new SplitSizes(600, 0, 100, false));
        model.validationShareProperty().set(0.125);
        assertThat(model.splitSizesProperty().get().validation()).isEqualTo(75);
        assertThat(model.splitSizesProperty().get().total()).isEqualTo(700);
    }

    @Test
    void aDataSetWithItsOwnValidationSplitIgnoresTheShare() {
        ImageSamples validation = SyntheticData.grey(80, SyntheticData.DIGITS, 9);
        source.add(
                new DatasetChoice("fixed", "Fixed", "found", true),
                (p, c) -> new DatasetPreview("Fixed", "", TRAIN, validation, TEST, Map.of()));
        DataViewModel model = sameThread();

        model.choose("fixed");
        model.validationShareProperty().set(0.3);

        assertThat(model.splitSizesProperty().get()).isEqualTo(new SplitSizes(600, 80, 100, true));
        assertThat(model.summaryTextProperty().get()).startsWith("780 images");
    }

    @Test
    void aDataSetThatIsNotFoundShowsTheSentenceAndOffersToChooseItsFolder() {
        source.add(
                new DatasetChoice("fashion", "Fashion-MNIST", "missing", false),
                (p, c) -> {
                    throw new DatasetNotFoundException(
                            "Fashion-MNIST is not in /home/me/data: expected"
                                    + " train-images-idx3-ubyte.gz there");
                });
        Path folder = Path.of("/elsewhere/fashion");
        source.folders.put(folder, (p, c) -> MNIST_LIKE);
        DataViewModel model = sameThread();

        model.choose("fashion");

        assertThat(model.failureProperty().get().shown()).isTrue();
        assertThat(model.failureProperty().get().error())
                .isEqualTo(
                        "Fashion-MNIST is not in /home/me/data: expected"
                                + " train-images-idx3-ubyte.gz there.");
        assertThat(model.failureProperty().get().folderChoiceOffered()).isTrue();
        assertThat(model.getLoaded()).isNull();
        assertThat(model.loadingProperty().get()).isFalse();

        dialogs.foldersToChoose.add(folder);
        model.chooseFolder();

        assertThat(source.calls).contains("loadFrom fashion " + folder);
        assertThat(model.getLoaded()).isSameAs(MNIST_LIKE);
        assertThat(model.failureProperty().get().shown()).isFalse();
        assertThat(model.failureProperty().get().folderChoiceOffered()).isFalse();
    }

    @Test
    void cancellingTheFolderDialogLoadsNothing() {
        source.add(
                new DatasetChoice("gone", "Gone", "missing", false),
                (p, c) -> {
                    throw new DatasetNotFoundException("Gone is not in /x");
                });
        DataViewModel model = sameThread();
        model.choose("gone");

        model.chooseFolder();

        assertThat(source.calls).noneMatch(c -> c.startsWith("loadFrom"));
        assertThat(model.failureProperty().get().folderChoiceOffered()).isTrue();
    }

    @Test
    void aCorruptFileShowsTheCoresSentenceWithoutTheFolderButtonAndKeepsTheOldData() {
        Path file = Path.of("/data/mnist/train-images-idx3-ubyte.gz");
        source.add(
                new DatasetChoice("broken", "Broken MNIST", "found locally", true),
                (p, c) -> {
                    throw new DataFormatException(
                            file,
                            "truncated — the header announces 60000 images of 28×28 but the"
                                    + " file ends after 1234 of them");
                });
        DataViewModel model = sameThread();
        model.choose("mnist");

        model.choose("broken");

        assertThat(model.failureProperty().get().error())
                .isEqualTo(
                        "train-images-idx3-ubyte.gz: truncated — the header announces 60000"
                                + " images of 28×28 but the file ends after 1234 of them.");
        assertThat(model.failureProperty().get().folderChoiceOffered()).isFalse();
        assertThat(model.getLoaded()).isSameAs(MNIST_LIKE);
        assertThat(model.noticeTextProperty().get()).isEqualTo("Still using MNIST.");
        assertThat(model.statusTextProperty().get())
                .isEqualTo("Could not load Broken MNIST. Still using MNIST.");
    }

    @Test
    void anExceptionWithoutAMessageBecomesASentenceNotAStackTrace() {
        source.add(
                new DatasetChoice("npe", "Odd", "found", true),
                (p, c) -> {
                    throw new NullPointerException();
                });
        DataViewModel model = sameThread();

        model.choose("npe");

        assertThat(model.failureProperty().get().error())
                .isEqualTo("Odd could not be loaded (NullPointerException).");
        assertThat(model.failureProperty().get().error()).doesNotContain("\tat ", "java.lang.");
    }

    @Test
    void progressDrivesTheBarAndCancelStopsTheLoadAndKeepsTheOldData() {
        Queue background = new Queue();
        List<Boolean> cancelSeen = new ArrayList<>();
        List<Runnable> midLoad = new ArrayList<>();
        source.add(
                new DatasetChoice("slow", "CIFAR-10 binary", "will download (163 MB)", true),
                (progress, cancelled) -> {
                    progress.report("Downloading cifar-10-binary.tar.gz", 40, 160);
                    midLoad.forEach(Runnable::run);
                    cancelSeen.add(cancelled.getAsBoolean());
                    if (cancelled.getAsBoolean()) {
                        throw new CancellationException();
                    }
                    return CIFAR_LIKE;
                });
        DataViewModel model = new DataViewModel(source, dialogs, background, Runnable::run);
        background.runAll();
        model.choose("mnist");
        background.runAll();

        model.choose("slow");
        assertThat(model.loadingProperty().get()).isTrue();
        assertThat(model.progressProperty().get()).isEqualTo(-1.0);
        assertThat(model.progressTextProperty().get()).isEqualTo("Loading CIFAR-10 binary…");

        midLoad.add(
                () -> {
                    assertThat(model.progressProperty().get()).isEqualTo(0.25);
                    assertThat(model.progressTextProperty().get())
                            .isEqualTo("Downloading cifar-10-binary.tar.gz — 25 %");
                    model.cancel();
                    assertThat(model.loadingProperty().get()).isFalse();
                });
        background.runAll();

        assertThat(cancelSeen).containsExactly(true);
        assertThat(model.getLoaded()).isSameAs(MNIST_LIKE);
        assertThat(model.chosenProperty().get().id()).isEqualTo("mnist");
        assertThat(model.failureProperty().get().shown()).isFalse();
        assertThat(model.noticeTextProperty().get())
                .isEqualTo("Loading CIFAR-10 binary cancelled. Still using MNIST.");
    }

    @Test
    void aResultThatArrivesAfterCancelIsIgnored() {
        Queue background = new Queue();
        DataViewModel model = new DataViewModel(source, dialogs, background, Runnable::run);
        background.runAll();

        model.choose("cifar10");
        model.cancel();
        background.runAll();

        assertThat(source.cancelFlags.get(0).getAsBoolean()).isTrue();
        assertThat(model.getLoaded()).isNull();
        assertThat(model.tiles()).isEmpty();
    }

    @Test
    void onlyTheLastChoiceShowsWhateverOrderTheLoadsFinishIn() {
        Queue background = new Queue();
        DataViewModel model = new DataViewModel(source, dialogs, background, Runnable::run);
        background.runAll();

        model.choose("mnist");
        model.choose("cifar10");
        assertThat(background.tasks).hasSize(2);
        Runnable mnist = background.tasks.poll();
        Runnable cifar = background.tasks.poll();
        cifar.run();
        mnist.run();

        // The flags were handed out in the order the loads ran: CIFAR-10 first, then MNIST.
        assertThat(source.calls).containsSubsequence("load cifar10", "load mnist");
        assertThat(source.cancelFlags.get(0).getAsBoolean()).isFalse();
        assertThat(source.cancelFlags.get(1).getAsBoolean()).isTrue();
        assertThat(model.getLoaded()).isSameAs(CIFAR_LIKE);
        assertThat(model.chosenProperty().get().id()).isEqualTo("cifar10");
    }

    @Test
    void manyProgressReportsMakeOneUiUpdateShowingTheLatest() {
        Queue ui = new Queue();
        List<Integer> queuedAfterReports = new ArrayList<>();
        source.add(
                new DatasetChoice("big", "Big", "found", true),
                (progress, cancelled) -> {
                    for (int i = 1; i <= 50; i++) {
                        progress.report("Reading big.csv", i, 100);
                    }
                    queuedAfterReports.add(ui.tasks.size());
                    return MNIST_LIKE;
                });
        DataViewModel model = new DataViewModel(source, dialogs, Runnable::run, ui);
        ui.runAll();

        model.choose("big");
        // The load ran at once; its one progress update and its result wait for the UI thread.
        assertThat(queuedAfterReports).containsExactly(1);
        ui.tasks.poll().run();
        assertThat(model.progressTextProperty().get()).isEqualTo("Reading big.csv — 50 %");
        ui.runAll();
        assertThat(model.getLoaded()).isSameAs(MNIST_LIKE);
    }

    @Test
    void shuffleShowsOtherRandomSamplesAndByClassGoesBack() {
        DataViewModel model = sameThread();
        model.choose("mnist");
        List<Integer> byClass = indices(model);

        model.shuffle();
        List<Integer> first = indices(model);
        model.shuffle();
        List<Integer> second = indices(model);

        assertThat(model.shuffledProperty().get()).isTrue();
        assertThat(first).hasSize(24).doesNotHaveDuplicates();
        assertThat(second).hasSize(24).doesNotHaveDuplicates().isNotEqualTo(first);
        assertThat(first).allSatisfy(i -> assertThat(i).isBetween(0, 599));
        assertThat(model.samplesCaptionProperty().get())
                .isEqualTo("24 random samples of the training data");
        for (SampleTile t : model.tiles()) {
            assertThat(t.label()).isEqualTo(TRAIN.labels()[t.sampleIndex()]);
        }

        model.showByClass();
        assertThat(indices(model)).isEqualTo(byClass);
        assertThat(model.shuffledProperty().get()).isFalse();
    }

    @Test
    void aTableShowsItsFirstRowsPerClassAndItsFeatureNamesInsteadOfImages() {
        TableSamples train = SyntheticData.table(150, 5);
        TableSamples test = SyntheticData.table(30, 6);
        source.add(
                new DatasetChoice("wheat", "Wheat seeds (UCI)", "found", true),
                (p, c) -> new DatasetPreview("Wheat seeds (UCI)", "", train, null, test, Map.of()));
        DataViewModel model = sameThread();

        model.choose("wheat");

        assertThat(model.tiles()).isEmpty();
        List<String> columns = new ArrayList<>();
        columns.add("#");
        columns.addAll(SyntheticData.WHEAT_FEATURES);
        columns.add("class");
        assertThat(model.tableColumns()).containsExactlyElementsOf(columns);
        assertThat(model.tableRows()).hasSize(12);
        // 4 rows of each class, in class order; labels cycle 0, 1, 2 in the fixture.
        List<String> first = model.tableRows().get(0);
        assertThat(first.get(0)).isEqualTo("1");
        assertThat(first.get(1)).isEqualTo(SamplesPreview.number(train.values()[0]));
        assertThat(first.get(8)).isEqualTo("Kama");
        assertThat(model.tableRows().get(4).get(0)).isEqualTo("2");
        assertThat(model.tableRows().get(4).get(8)).isEqualTo("Rosa");
        assertThat(model.tableRows().get(11).get(8)).isEqualTo("Canadian");
        assertThat(model.summaryTextProperty().get())
                .isEqualTo("180 rows · 7 features · 3 classes");
        assertThat(model.getLoaded().featureNames()).isEqualTo(SyntheticData.WHEAT_FEATURES);
        assertThat(model.classCounts())
                .extracting(ClassCountRow::train)
                .containsExactly(50, 50, 50);
    }

    @Test
    void openingAFileGoesToTheSourceAndClearsTheBuiltInChoice() {
        Path archive = Path.of("/home/me/photos.zip");
        source.folders.put(archive, (p, c) -> CIFAR_LIKE);
        dialogs.filesToOpen.add(archive);
        DataViewModel model = sameThread();
        model.choose("mnist");

        model.openFile();

        assertThat(source.calls).contains("open " + archive);
        assertThat(model.chosenProperty().get()).isNull();
        assertThat(model.getLoaded()).isSameAs(CIFAR_LIKE);
    }

    @Test
    void aFileTheSourceCannotReadIsASentenceWithoutTheFolderButton() {
        Path junk = Path.of("/home/me/notes");
        dialogs.foldersToChoose.add(junk);
        DataViewModel model = sameThread();

        model.openFolder();

        assertThat(model.failureProperty().get().error())
                .isEqualTo("notes: is not a data set I can read.");
        assertThat(model.failureProperty().get().folderChoiceOffered()).isFalse();
    }

    @Test
    void anUnknownChoiceIdIsAProgrammingError() {
        DataViewModel model = sameThread();
        assertThatThrownBy(() -> model.choose("nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope");
    }

    @Test
    void byClassTakesTheFirstOfEachClassAndCapsTheStrip() {
        int[] labels = {2, 0, 0, 1, 2, 0, 1, 1, 2};
        assertThat(SamplesPreview.byClass(labels, 3, 6)).containsExactly(1, 2, 3, 6, 0, 4);
        assertThat(SamplesPreview.byClass(labels, 3, 2)).containsExactly(1, 3, 0);

        int[] many = new int[1_000];
        for (int i = 0; i < many.length; i++) {
            many[i] = i % 100;
        }
        assertThat(SamplesPreview.byClass(many, 100, 24)).hasSize(SamplesPreview.MAX_STRIP);
    }

    @Test
    void randomIndicesAreDistinctAndCoverSmallSets() {
        assertThat(SamplesPreview.randomIndices(10, 24, 1)).hasSize(10).doesNotHaveDuplicates();
        Set<Integer> seen = new HashSet<>();
        for (int i : SamplesPreview.randomIndices(10, 24, 1)) {
            seen.add(i);
        }
        assertThat(seen).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(SamplesPreview.randomIndices(60_000, 24, 5)).hasSize(24).doesNotHaveDuplicates();
    }

    @Test
    void tableNumbersShowFourSignificantDigits() {
        assertThat(SamplesPreview.number(14.88f)).isEqualTo("14.88");
        assertThat(SamplesPreview.number(0.8712f)).isEqualTo("0.8712");
        assertThat(SamplesPreview.number(5.2219f)).isEqualTo("5.222");
        assertThat(SamplesPreview.number(3.0f)).isEqualTo("3");
        assertThat(SamplesPreview.number(0f)).isEqualTo("0");
        assertThat(SamplesPreview.number(-12345.6f)).isEqualTo("-12350");
    }

    private static List<Integer> indices(DataViewModel model) {
        return model.tiles().stream().map(SampleTile::sampleIndex).toList();
    }

    private static int[] count(int[] labels, int classes) {
        int[] out = new int[classes];
        for (int l : labels) {
            out[l]++;
        }
        return out;
    }

    private static int[] firstIndicesOf(int[] labels, int label, int n) {
        int[] out = new int[n];
        int found = 0;
        for (int i = 0; i < labels.length && found < n; i++) {
            if (labels[i] == label) {
                out[found++] = i;
            }
        }
        return out;
    }
}
