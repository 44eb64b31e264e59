package org.dnw.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KFoldTest {

    private static TableSamples table(int[] labels) {
        float[] values = new float[labels.length];
        for (int i = 0; i < labels.length; i++) {
            values[i] = i;
        }
        return new TableSamples(1, values, labels, List.of("a", "b", "c"), List.of("x"));
    }

    /** 210 rows of 3 classes of 70, as the wheat table. */
    private static int[] wheatLabels() {
        int[] labels = new int[210];
        for (int i = 0; i < 210; i++) {
            labels[i] = i / 70;
        }
        return labels;
    }

    @ParameterizedTest(name = "{0} rows, k = {1}, stratified {2}")
    @CsvSource({
        "210, 5, true",
        "210, 5, false",
        "23, 4, true",
        "23, 4, false",
        "7, 7, true",
        "10, 2, false"
    })
    void everyRowIsInExactlyOneTestFoldAndTrainIsTheRest(int size, int k, boolean stratified) {
        int[] labels = new int[size];
        Random r = new Random(size);
        for (int i = 0; i < size; i++) {
            labels[i] = r.nextInt(3);
        }
        List<KFold.Fold> folds = KFold.split(table(labels), k, 17, stratified);

        assertThat(folds).hasSize(k);
        int[] timesInTest = new int[size];
        for (KFold.Fold f : folds) {
            assertThat(f.index()).isEqualTo(folds.indexOf(f));
            for (int i : f.testIndices()) {
                timesInTest[i]++;
            }
            // train = all rows not in this fold's test, each once, ascending
            int[] expectedTrain =
                    java.util.stream.IntStream.range(0, size)
                            .filter(i -> Arrays.binarySearch(f.testIndices(), i) < 0)
                            .toArray();
            assertThat(f.trainIndices()).containsExactly(expectedTrain);
            assertThat(f.testIndices()).isSorted();
            // sizes within one of each other
            assertThat(f.testIndices().length).isBetween(size / k, (size + k - 1) / k);
        }
        assertThat(timesInTest).containsOnly(1);
    }

    @Test
    void stratifiedFoldsKeepTheClassShares() {
        List<KFold.Fold> folds = KFold.stratified(wheatLabels(), 5, 3);

        for (KFold.Fold f : folds) {
            int[] perClass = new int[3];
            for (int i : f.testIndices()) {
                perClass[i / 70]++;
            }
            assertThat(perClass).containsExactly(14, 14, 14);
        }
    }

    @Test
    void plainFoldsAreShuffledNotCutInOrder() {
        List<KFold.Fold> folds = KFold.plain(210, 5, 3);
        int[] first = folds.get(0).testIndices();
        // a cut in order would be 0..41
        assertThat(first[first.length - 1] - first[0]).isGreaterThan(100);
        int[] perClass = new int[3];
        for (int i : first) {
            perClass[i / 70]++;
        }
        assertThat(perClass).doesNotContain(42);
    }

    @Test
    void theSameSeedGivesTheSameFoldsAndAnotherSeedOthers() {
        TableSamples t = table(wheatLabels());
        List<KFold.Fold> a = KFold.split(t, 9);
        List<KFold.Fold> b = KFold.split(t, 9);
        List<KFold.Fold> c = KFold.split(t, 10);

        assertThat(a).hasSize(KFold.DEFAULT_FOLDS);
        List<Boolean> same = new ArrayList<>();
        for (int f = 0; f < 5; f++) {
            assertThat(b.get(f).testIndices()).containsExactly(a.get(f).testIndices());
            same.add(Arrays.equals(a.get(f).testIndices(), c.get(f).testIndices()));
        }
        assertThat(same).contains(false);
    }

    @Test
    void foldsCannotBeChangedFromOutside() {
        KFold.Fold f = KFold.plain(10, 2, 1).get(0);
        int first = f.testIndices()[0];
        f.testIndices()[0] = -1;
        assertThat(f.testIndices()[0]).isEqualTo(first);
    }

    @Test
    void refusesImpossibleFoldCounts() {
        assertThatThrownBy(() -> KFold.plain(4, 5, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("k-fold cross-validation needs from 2 to 4 folds for 4 samples, not 5");
        assertThatThrownBy(() -> KFold.stratified(new int[] {0, 1, 0}, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
