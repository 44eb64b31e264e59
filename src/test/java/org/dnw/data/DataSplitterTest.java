package org.dnw.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DataSplitterTest {

    /** n tiny images; image i has every pixel = i % 256 and label labels[i]. */
    private static ImageSamples images(int[] labels, int classes) {
        byte[] pixels = new byte[labels.length * 4];
        for (int i = 0; i < labels.length; i++) {
            Arrays.fill(pixels, i * 4, i * 4 + 4, (byte) i);
        }
        List<String> names = new java.util.ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add("c" + c);
        }
        return new ImageSamples(1, 2, 2, pixels, labels, names);
    }

    private static int[] labels(int... perClass) {
        int n = Arrays.stream(perClass).sum();
        int[] out = new int[n];
        int k = 0;
        // interleave classes so that order carries no class information
        int[] left = perClass.clone();
        while (k < n) {
            for (int c = 0; c < perClass.length; c++) {
                if (left[c]-- > 0) {
                    out[k++] = c;
                }
            }
        }
        return out;
    }

    @Test
    void holdsOutAStratifiedShareAndLeavesTheTestAlone() {
        ImageSamples train = images(labels(500, 300, 200), 3);
        ImageSamples test = images(labels(5, 5, 5), 3);
        LoadedDataset data = new LoadedDataset("x", train, test, Map.of("f", "00"), "src", false);
        DataSplits splits = new DataSplitter(0.1, 7).split(data);
        assertThat(splits.validation().size()).isEqualTo(100);
        assertThat(splits.train().size()).isEqualTo(900);
        assertThat(splits.validation().classCounts()).containsExactly(50, 30, 20);
        assertThat(splits.train().classCounts()).containsExactly(450, 270, 180);
        assertThat(splits.test()).isSameAs(test);
        assertThat(splits.datasetName()).isEqualTo("x");
        assertThat(splits.fileSha256()).containsEntry("f", "00");
    }

    @Test
    void partsAreDisjointCompleteSortedAndFollowTheSeed() {
        int[] l = labels(37, 21, 9, 1);
        int[][] a = DataSplitter.stratified(l, 4, 0.25, 3);
        int[][] b = DataSplitter.stratified(l, 4, 0.25, 3);
        int[][] c = DataSplitter.stratified(l, 4, 0.25, 4);
        assertThat(a[0]).isEqualTo(b[0]);
        assertThat(a[1]).isEqualTo(b[1]);
        assertThat(a[1]).isNotEqualTo(c[1]);
        assertThat(a[1].length).isEqualTo(Math.round(l.length * 0.25));
        Set<Integer> all = new HashSet<>();
        for (int[] part : a) {
            assertThat(part).isSorted();
            for (int i : part) {
                assertThat(all.add(i)).as("index %d appears twice", i).isTrue();
            }
        }
        assertThat(all).hasSize(l.length);
        // the single sample of class 3 stays in the kept part
        int only = indexOf(l, 3);
        assertThat(a[0]).contains(only);
    }

    @Test
    void subsetsCarryTheRightImages() {
        ImageSamples train = images(labels(10, 10), 2);
        LoadedDataset data =
                new LoadedDataset("x", train, images(labels(1, 1), 2), Map.of(), "", false);
        DataSplits s = new DataSplitter(0.3, 1).split(data);
        ImageSamples v = (ImageSamples) s.validation();
        for (int i = 0; i < v.size(); i++) {
            int original = v.pixel(i, 0, 0, 0);
            assertThat(v.labels()[i]).isEqualTo(train.labels()[original]);
        }
    }

    @Test
    void zeroShareGivesAnEmptyValidationSplit() {
        ImageSamples train = images(labels(3, 3), 2);
        DataSplits s =
                new DataSplitter(0, 1)
                        .split(
                                new LoadedDataset(
                                        "x", train, images(labels(1, 1), 2), Map.of(), "", false));
        assertThat(s.validation().size()).isZero();
        assertThat(s.train().size()).isEqualTo(6);
    }

    @Test
    void impossibleSharesAreRefused() {
        assertThatThrownBy(() -> new DataSplitter(1.0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DataSplitter(-0.1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DataSplitter(Double.NaN, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void allJoinsTrainAndTest() {
        TableSamples a =
                new TableSamples(
                        1, new float[] {1, 2}, new int[] {0, 1}, List.of("p", "q"), List.of("f"));
        TableSamples b =
                new TableSamples(
                        1, new float[] {3}, new int[] {1}, List.of("p", "q"), List.of("f"));
        TableSamples all = (TableSamples) new LoadedDataset("t", a, b, Map.of(), "", true).all();
        assertThat(all.values()).containsExactly(1, 2, 3);
        assertThat(all.labels()).containsExactly(0, 1, 1);
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return -1;
    }
}
