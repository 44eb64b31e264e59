package org.dnw.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuiltInDatasetTest {

    @Test
    void namesFromManifestsFoldersAndUsersAllFindTheirDataSet() {
        for (BuiltInDataset d : BuiltInDataset.values()) {
            assertThat(BuiltInDataset.byName(d.displayName())).isEqualTo(d);
            assertThat(BuiltInDataset.byName(d.folderName())).isEqualTo(d);
            assertThat(BuiltInDataset.byName(d.name())).isEqualTo(d);
        }
        assertThat(BuiltInDataset.byName("MNIST (sample)")).isEqualTo(BuiltInDataset.MNIST_SAMPLE);
        assertThat(BuiltInDataset.byName("cifar")).isEqualTo(BuiltInDataset.CIFAR10);
        assertThat(BuiltInDataset.byName("Wheat seeds (UCI)"))
                .isEqualTo(BuiltInDataset.WHEAT_SEEDS);
        assertThat(BuiltInDataset.byName("my-photos.zip")).isNull();
        assertThat(BuiltInDataset.byName(null)).isNull();
    }
}
