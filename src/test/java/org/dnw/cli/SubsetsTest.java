package org.dnw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.dnw.data.LoadedDataset;
import org.dnw.data.TableSamples;
import org.junit.jupiter.api.Test;

class SubsetsTest {

    /** 100 rows stored class by class, as the CIFAR-10 JPEG folders are: 0 × 50, then 1 × 50. */
    private static LoadedDataset sortedByClass() {
        int n = 100;
        float[] x = new float[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = i < 50 ? 0 : 1;
        }
        TableSamples rows = new TableSamples(1, x, y, List.of("a", "b"), List.of("x"));
        return new LoadedDataset("sorted", rows, rows, Map.of(), "", true);
    }

    @Test
    void aSubsetOfASplitStoredClassByClassHoldsEveryClassEvenlySpaced() {
        LoadedDataset subset = Subsets.trainingSubset(sortedByClass(), 10);

        assertThat(subset.train().size()).isEqualTo(10);
        assertThat(Arrays.stream(subset.train().labels()).filter(c -> c == 1).count()).isEqualTo(5);
        assertThat(subset.test().size()).isEqualTo(100);
    }

    @Test
    void aSubsetAsLargeAsTheSplitIsTheSplit() {
        LoadedDataset data = sortedByClass();
        assertThat(Subsets.trainingSubset(data, 100)).isSameAs(data);
    }
}
