package org.dnw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.dnw.data.LoadedDataset;
import org.dnw.data.TableSamples;
import org.dnw.store.DatasetInfo;
import org.junit.jupiter.api.Test;

/** evaluate's note when the data's checksums are not those of the run's manifest. */
class EvaluateDifferencesTest {

    private static LoadedDataset cifar(Map<String, String> sums, String source) {
        TableSamples rows =
                new TableSamples(
                        1, new float[] {0, 1}, new int[] {0, 1}, List.of("a", "b"), List.of("x"));
        return new LoadedDataset("CIFAR-10", rows, rows, sums, source, false);
    }

    @Test
    void theBinaryReleaseAgainstTheJpegArchiveIsNamed() {
        DatasetInfo trained =
                new DatasetInfo(
                        "CIFAR-10",
                        List.of("a", "b"),
                        Map.of("cifar10-jpg.tar.gz", "aaaaaaaaaaaaaaaa"),
                        1,
                        0,
                        1);
        String note =
                EvaluateCommand.differences(
                        trained,
                        cifar(
                                Map.of("cifar-10-binary.tar.gz", "bbbbbbbbbbbbbbbb"),
                                "/d/bin.tar.gz"));
        assertThat(note)
                .startsWith(
                        "Note: CIFAR-10 from /d/bin.tar.gz is not the data the run was trained on"
                                + " (CIFAR-10): the SHA-256 of its files differ")
                .contains("cifar-10-binary.tar.gz: not in the run's data, now bbbbbbbbbbbb…")
                .contains("cifar10-jpg.tar.gz: trained on aaaaaaaaaaaa…, not in these data");
        assertThat(
                        EvaluateCommand.differences(
                                trained,
                                cifar(Map.of("cifar10-jpg.tar.gz", "aaaaaaaaaaaaaaaa"), "/d")))
                .isNull();
        DatasetInfo old = new DatasetInfo("CIFAR-10", List.of("a", "b"), Map.of(), 1, 0, 1);
        assertThat(EvaluateCommand.differences(old, cifar(Map.of("x", "y"), "/d"))).isNull();
    }
}
