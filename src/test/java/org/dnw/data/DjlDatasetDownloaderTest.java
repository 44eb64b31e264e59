package org.dnw.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.dnw.engine.DjlDatasetDownloader;
import org.junit.jupiter.api.Test;

/** The DJL downloader's cheap parts; nothing here touches the network. */
class DjlDatasetDownloaderTest {

    private final DjlDatasetDownloader downloader = new DjlDatasetDownloader();

    @Test
    void supportsTheSetsInDjlsRepositoryOnly() {
        assertThat(downloader.supports(BuiltInDataset.MNIST)).isTrue();
        assertThat(downloader.supports(BuiltInDataset.FASHION_MNIST)).isTrue();
        assertThat(downloader.supports(BuiltInDataset.CIFAR10)).isTrue();
        assertThat(downloader.supports(BuiltInDataset.WHEAT_SEEDS)).isFalse();
        assertThat(downloader.supports(BuiltInDataset.MNIST_SAMPLE)).isFalse();
        assertThatThrownBy(
                        () ->
                                downloader.download(
                                        BuiltInDataset.WHEAT_SEEDS, ProgressListener.NONE))
                .isInstanceOf(IOException.class);
    }

    @Test
    void offlineModeDisablesItWithoutProbing() {
        String before = System.getProperty("ai.djl.offline");
        try {
            System.setProperty("ai.djl.offline", "true");
            assertThat(downloader.disabledReason()).contains("offline");
            assertThat(downloader.reachable()).isFalse();
        } finally {
            if (before == null) {
                System.clearProperty("ai.djl.offline");
            } else {
                System.setProperty("ai.djl.offline", before);
            }
        }
    }

    @Test
    void downloadsGoWhereTheCatalogLooks() {
        Path destination = downloader.destination(BuiltInDataset.FASHION_MNIST);
        assertThat(
                        destination.endsWith(
                                Path.of("cache/repo/dataset/cv/ai/djl/basicdataset/fashmnist/1.0")))
                .isTrue();
    }
}
