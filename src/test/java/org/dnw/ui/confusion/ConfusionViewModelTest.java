package org.dnw.ui.confusion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.dnw.eval.ClassificationReport;
import org.dnw.eval.ConfusionMatrix;
import org.dnw.train.TrainingEvent.TestEvaluation;
import org.dnw.ui.training.SyntheticRun;
import org.junit.jupiter.api.Test;

class ConfusionViewModelTest {

    private final ConfusionViewModel model = new ConfusionViewModel();

    /** Three classes; samples 1–3 are class 0 taken for 1, sample 0 and 4 are correct. */
    private static TestEvaluation small() {
        int[] actual = {0, 0, 0, 0, 1, 2};
        int[] predicted = {0, 1, 1, 1, 1, 2};
        float[] probabilities = {
            0.55f, 0.40f, 0.05f, // 0: correct, unsure
            0.30f, 0.60f, 0.10f, // 1: mistake at 60 %
            0.05f, 0.90f, 0.05f, // 2: mistake at 90 %
            0.20f, 0.70f, 0.10f, // 3: mistake at 70 %
            0.01f, 0.98f, 0.01f, // 4: correct, sure
            0.10f, 0.10f, 0.80f // 5: correct
        };
        ClassificationReport report = ClassificationReport.of(actual, predicted, 3);
        return new TestEvaluation(report.accuracy(), 0.5, report, actual, predicted, probabilities);
    }

    @Test
    void theMatrixCountsAddUpToTheTestSetAndMetricsHaveAverageRows() {
        model.accept(SyntheticRun.started(2, 10));
        model.setTestSamples(SyntheticRun.DIGITS, SampleImages.of(SyntheticRun.images(1_000)));
        model.accept(SyntheticRun.finished(2, 1_000, 5));

        ConfusionMatrix m = model.getMatrix();
        assertThat(m.classCount()).isEqualTo(10);
        long sum = Arrays.stream(m.counts()).flatMapToLong(Arrays::stream).sum();
        assertThat(sum).isEqualTo(1_000);
        for (int r = 0; r < 10; r++) {
            assertThat(m.support(r)).isEqualTo(100);
        }
        assertThat(model.classNames()).containsExactlyElementsOf(SyntheticRun.DIGITS);
        assertThat(model.metrics()).hasSize(12);
        assertThat(model.metrics().get(10).label()).isEqualTo("macro avg");
        assertThat(model.metrics().get(11).label()).isEqualTo("weighted avg");
        assertThat(model.metrics().get(11).support()).isEqualTo(1_000);
        assertThat(model.summaryProperty().get())
                .startsWith("Test accuracy ")
                .contains("1,000 samples");
    }

    @Test
    void aCellOfMistakesListsTheMostConfidentFirst() {
        model.show(small(), List.of("cat", "dog", "bird"), SampleImages.none());
        model.select(0, 1);
        assertThat(model.gallery()).extracting(GalleryItem::sampleIndex).containsExactly(2, 3, 1);
        assertThat(model.gallery().get(0).predictedProbability()).isCloseTo(0.9, within());
        assertThat(model.gallery().get(0).actualProbability()).isCloseTo(0.05, within());
        assertThat(model.galleryTitleProperty().get())
                .isEqualTo("3 samples of 'cat' predicted as 'dog' — most confident mistakes first");
        assertThat(model.selectedCellProperty().get()).isEqualTo(new MatrixCell(0, 1));
    }

    @Test
    void aDiagonalCellListsTheLeastConfidentCorrectAnswersFirst() {
        TestEvaluation test = small();
        List<GalleryItem> items = ConfusionViewModel.galleryOf(test, 1, 1, 10, SampleImages.none());
        assertThat(items).extracting(GalleryItem::sampleIndex).containsExactly(4);
        int[] actual = {2, 2, 2};
        int[] predicted = {2, 2, 2};
        float[] p = {0, 0, 0.9f, 0, 0, 0.5f, 0, 0, 0.7f};
        ClassificationReport report = ClassificationReport.of(actual, predicted, 3);
        List<GalleryItem> correct =
                ConfusionViewModel.galleryOf(
                        new TestEvaluation(1, 0, report, actual, predicted, p),
                        2,
                        2,
                        10,
                        SampleImages.none());
        assertThat(correct).extracting(GalleryItem::sampleIndex).containsExactly(1, 2, 0);
    }

    @Test
    void allMistakesAreListedByFallingConfidenceWithinTheLimit() {
        model.show(small(), List.of("cat", "dog", "bird"), SampleImages.none());
        model.selectMistakes();
        assertThat(model.gallery()).extracting(GalleryItem::sampleIndex).containsExactly(2, 3, 1);
        assertThat(model.selectedCellProperty().get()).isNull();
        assertThat(ConfusionViewModel.galleryOf(small(), -1, -1, 2, SampleImages.none()))
                .extracting(GalleryItem::sampleIndex)
                .containsExactly(2, 3);
    }

    @Test
    void cellsShowCountsOrRowShares() {
        model.show(small(), List.of("cat", "dog", "bird"), SampleImages.none());
        assertThat(model.cellText(0, 1)).isEqualTo("3");
        model.rowSharesProperty().set(true);
        assertThat(model.cellText(0, 1)).isEqualTo("75%");
        assertThat(model.cellText(0, 0)).isEqualTo("25%");
        assertThat(model.cellText(1, 0)).isEqualTo("0");
    }

    @Test
    void theGalleryCarriesTheSampleImagesAndWrongNamesFallBackToNumbers() {
        SampleImages images = SampleImages.of(SyntheticRun.images(6));
        model.show(small(), List.of("only", "two"), images);
        assertThat(model.classNames()).containsExactly("0", "1", "2");
        model.select(0, 1);
        SampleImage first = model.gallery().get(0).image();
        assertThat(first.width()).isEqualTo(28);
        assertThat(first.pixels()).isEqualTo(images.image(2).pixels());
    }

    @Test
    void showInsideHandsOnTheTestIndexOfAGalleryImageOnly() {
        List<Integer> shown = new java.util.ArrayList<>();
        model.setOnShowInside(shown::add);
        model.show(small(), List.of("cat", "dog", "bird"), SampleImages.of(SyntheticRun.images(6)));
        model.select(0, 1);
        GalleryItem item = model.gallery().get(0);
        model.showInside(item);
        assertThat(shown).containsExactly(item.sampleIndex());
        model.showInside(
                new GalleryItem(4, 0, 1, Double.NaN, Double.NaN, null)); // no image: nothing
        assertThat(shown).hasSize(1);
    }

    @Test
    void aNewRunClearsTheMatrix() {
        model.show(small(), List.of("cat", "dog", "bird"), SampleImages.none());
        model.select(0, 1);
        model.accept(SyntheticRun.started(1, 1));
        assertThat(model.getMatrix()).isNull();
        assertThat(model.gallery()).isEmpty();
        assertThat(model.metrics()).isEmpty();
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-6);
    }
}
