package org.dnw.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dnw.data.DataNotFoundException;
import org.dnw.data.DatasetCatalog;
import org.dnw.data.LoadedDataset;
import org.dnw.data.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's data read again from its manifest: the recorded path and label column, or the name. */
class RunDataTest {

    @TempDir Path dir;

    private final DatasetCatalog catalog =
            new DatasetCatalog(
                    new DatasetCatalog.Locations(null, null, null, null, List.of(), null), null);

    private static DatasetInfo info(String name, String path, String labelColumn) {
        return new DatasetInfo(name, List.of(), Map.of(), 0, 0, 0, path, labelColumn);
    }

    @Test
    void aRecordedPathIsReadWithItsRecordedLabelColumn() throws Exception {
        Path table =
                Files.writeString(dir.resolve("t.csv"), "1,0.5,0\n2,0.7,1\n1,0.1,1\n2,0.3,0\n");
        LoadedDataset d =
                RunData.load(catalog, info("t", table.toString(), "3"), ProgressListener.NONE);
        assertThat(d.train().classNames()).containsExactly("0", "1");
        assertThat(d.origin().labelColumn()).isEqualTo("3");
        assertThat(RunData.key(info("t", table.toString(), "3"))).isEqualTo(table + "#3");
    }

    @Test
    void aGonePathAndAnUnknownNameSayToGiveThePath() {
        assertThatThrownBy(
                        () ->
                                RunData.load(
                                        catalog,
                                        info("t", dir.resolve("gone.csv").toString(), null),
                                        ProgressListener.NONE))
                .isInstanceOf(DataNotFoundException.class)
                .hasMessageContaining("gone.csv, which is no longer there")
                .hasMessageContaining("--dataset PATH");
        assertThatThrownBy(
                        () ->
                                RunData.load(
                                        catalog,
                                        info("my-photos", null, null),
                                        ProgressListener.NONE))
                .isInstanceOf(DataNotFoundException.class)
                .hasMessageContaining("'my-photos', which is not a built-in data set");
    }
}
