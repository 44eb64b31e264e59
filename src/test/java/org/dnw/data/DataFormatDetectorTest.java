package org.dnw.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dnw.data.DataFormatDetector.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A path a user hands over is judged by its content and its damage reported in the terms of the
 * format it holds; malformed fixtures written to a temporary folder.
 */
class DataFormatDetectorTest {

    @TempDir Path dir;

    private DatasetCatalog catalog() {
        return new DatasetCatalog(
                new DatasetCatalog.Locations(null, null, null, null, List.of(), null), null);
    }

    @Test
    void aFolderWithOneIdxPairIsReadAsIdxNotAsAnImageFolder() throws Exception {
        Path folder = dir.resolve("t10k");
        Fixtures.writeIdxPair(
                folder, "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz", 20, 2, true);
        assertThat(DataFormatDetector.detect(folder).format()).isEqualTo(Format.IDX);
        LoadedDataset d = catalog().open(folder, ProgressListener.NONE);
        assertThat(d.size()).isEqualTo(20);
        assertThat(d.testSplitDrawn()).isTrue();
        assertThat(d.train().classNames()).containsExactly("0", "1");
        assertThat(d.origin().path()).isEqualTo(folder.toAbsolutePath());
    }

    @Test
    void aMissingLabelsFileIsNamed() throws Exception {
        Path folder = dir.resolve("half");
        Fixtures.writeIdxPair(
                folder, "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz", 4, 2, true);
        Files.delete(folder.resolve("t10k-labels-idx1-ubyte.gz"));
        assertThatThrownBy(() -> catalog().open(folder, ProgressListener.NONE))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(
                        "half: this folder holds MNIST-style IDX files but the labels file"
                                + " t10k-labels-idx1-ubyte is missing");
    }

    @Test
    void aMissingImagesFileOfTheTestPairIsNamed() throws Exception {
        Path folder = dir.resolve("mnist-ish");
        Fixtures.idxSet(folder, 6, 4, 2, false);
        Files.delete(folder.resolve("t10k-images-idx3-ubyte"));
        assertThatThrownBy(() -> catalog().open(folder, ProgressListener.NONE))
                .hasMessage(
                        "mnist-ish: this folder holds MNIST-style IDX files but the images file"
                                + " t10k-images-idx3-ubyte is missing");
    }

    @Test
    void aTruncatedImagesFileSaysHowManyImagesItHolds() throws Exception {
        Path folder = dir.resolve("cut");
        Fixtures.writeIdxPair(
                folder, "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte", 10, 2, false);
        Path images = folder.resolve("t10k-images-idx3-ubyte");
        Fixtures.truncated(images, images, 16 + 3 * 12);
        assertThatThrownBy(() -> catalog().open(folder, ProgressListener.NONE))
                .hasMessage(
                        "t10k-images-idx3-ubyte: truncated — the header announces 10 images of"
                                + " 4×3 but the file ends after 3 of them");
    }

    @Test
    void idxFilesAreKnownByTheirMagicNumbersWhateverTheirNames() throws Exception {
        Path folder = dir.resolve("odd-names");
        Fixtures.writeIdxPair(folder, "pictures.bin", "answers.bin", 10, 2, true);
        assertThat(DataFormatDetector.sniff(folder.resolve("pictures.bin")))
                .isEqualTo(DataFormatDetector.FileKind.IDX_IMAGES);
        assertThat(DataFormatDetector.sniff(folder.resolve("answers.bin")))
                .isEqualTo(DataFormatDetector.FileKind.IDX_LABELS);
        assertThat(catalog().open(folder, ProgressListener.NONE).size()).isEqualTo(10);
    }

    @Test
    void aCifarFolderWithoutItsTestBatchSaysSo() throws Exception {
        Path folder = CifarBinaryReaderTest.officialFolder(dir.resolve("cifar10"));
        Files.delete(folder.resolve("test_batch.bin"));
        assertThat(DataFormatDetector.detect(folder).format())
                .isEqualTo(Format.CIFAR_BINARY_FOLDER);
        assertThatThrownBy(() -> catalog().open(folder, ProgressListener.NONE))
                .hasMessageStartingWith(
                        "cifar-10-batches-bin: this CIFAR-10 binary folder lacks test_batch.bin");
        // the folder above it, as well as one batch picked on its own
        assertThatThrownBy(() -> catalog().open(dir.resolve("cifar10"), ProgressListener.NONE))
                .hasMessageContaining("CIFAR-10 binary folder lacks test_batch.bin");
        assertThatThrownBy(
                        () ->
                                catalog()
                                        .open(
                                                folder.resolve("data_batch_1.bin"),
                                                ProgressListener.NONE))
                .hasMessageContaining("CIFAR-10 binary folder lacks test_batch.bin");
    }

    @Test
    void theCifarBinaryArchiveOpensWithoutUnpackingAndNamesItsClasses() throws Exception {
        Path folder = CifarBinaryReaderTest.officialFolder(dir.resolve("unpacked"));
        List<String> names =
                List.of(
                        "plane", "car", "bird", "cat", "deer", "dog", "frog", "horse", "ship",
                        "lorry");
        Files.writeString(folder.resolve("batches.meta.txt"), String.join("\n", names) + "\n\n");
        Path archive =
                Fixtures.tarGz(
                        folder, dir.resolve("cifar-10-binary.tar.gz"), "cifar-10-batches-bin/");
        assertThat(DataFormatDetector.detect(archive).format())
                .isEqualTo(Format.CIFAR_BINARY_ARCHIVE);
        LoadedDataset d = catalog().open(archive, ProgressListener.NONE);
        assertThat(d.train().size()).isEqualTo(10);
        assertThat(d.test().size()).isEqualTo(3);
        assertThat(d.train().classNames()).containsExactlyElementsOf(names);
        assertThat(d.testSplitDrawn()).isFalse();
        // batch 2, record 1 is training image 3: label 3, R plane 1, G 101, B 201
        ImageSamples train = (ImageSamples) d.train();
        assertThat(train.labels()[3]).isEqualTo(3);
        assertThat(train.pixel(3, 1, 0, 0)).isEqualTo(101);
        assertThat(d.fileSha256()).containsOnlyKeys("cifar-10-binary.tar.gz");
        // the same data read from the folder gives the same pixels
        ImageSamples fromFolder =
                (ImageSamples) CifarBinaryReader.readFolder(folder, ProgressListener.NONE).train();
        assertThat(train.pixels()).isEqualTo(fromFolder.pixels());
        assertThat(fromFolder.classNames()).containsExactlyElementsOf(names);
    }

    @Test
    void aCifarArchiveWithoutItsTestBatchSaysSo() throws Exception {
        Path folder = CifarBinaryReaderTest.officialFolder(dir.resolve("unpacked"));
        Files.delete(folder.resolve("test_batch.bin"));
        Path archive =
                Fixtures.tarGz(
                        folder, dir.resolve("cifar-10-binary.tar.gz"), "cifar-10-batches-bin/");
        assertThatThrownBy(() -> catalog().open(archive, ProgressListener.NONE))
                .hasMessageStartingWith(
                        "cifar-10-binary.tar.gz: this CIFAR-10 binary archive lacks"
                                + " test_batch.bin");
    }

    @Test
    void aDamagedBatchInsideTheArchiveIsNamed() throws Exception {
        Path folder = CifarBinaryReaderTest.officialFolder(dir.resolve("unpacked"));
        Path batch = folder.resolve("data_batch_2.bin");
        Fixtures.truncated(batch, batch, CifarBinaryReader.RECORD_BYTES + 5);
        Path archive = Fixtures.tarGz(folder, dir.resolve("c.tar.gz"), "cifar-10-batches-bin/");
        assertThatThrownBy(() -> catalog().open(archive, ProgressListener.NONE))
                .hasMessageStartingWith(
                        "c.tar.gz: cifar-10-batches-bin/data_batch_2.bin holds 3078 bytes");
    }

    @Test
    void imagesArchivesAndTablesAreToldApartByContent() throws Exception {
        Path png = Fixtures.png(dir.resolve("one.dat"), Fixtures.grey(4, 4, 0));
        assertThat(DataFormatDetector.sniff(png)).isEqualTo(DataFormatDetector.FileKind.IMAGE);
        assertThatThrownBy(() -> DataFormatDetector.detect(png))
                .hasMessageStartingWith("one.dat: is a single image");
        Path table = Files.writeString(dir.resolve("rows.bin"), "1 2 0\n3 4 1\n");
        assertThat(DataFormatDetector.detect(table).format()).isEqualTo(Format.TABLE);
        Path images = dir.resolve("imgs");
        Fixtures.png(images.resolve("a").resolve("1.png"), Fixtures.grey(4, 4, 0));
        Path tgz = Fixtures.tarGz(images, dir.resolve("images.data"), "");
        assertThat(DataFormatDetector.detect(tgz).format()).isEqualTo(Format.IMAGE_ARCHIVE);
        assertThat(DataFormatDetector.detect(images).format()).isEqualTo(Format.IMAGE_FOLDER);
        Path junk = Fixtures.write(dir.resolve("junk"), new byte[] {0, 1, 2, (byte) 200, 0, 7});
        assertThatThrownBy(() -> DataFormatDetector.detect(junk))
                .hasMessageContaining("none of the formats the workbench reads");
    }

    @Test
    void aFolderHoldingOneTableOpensTheTable() throws Exception {
        Path folder = dir.resolve("wheat-seeds");
        Files.createDirectories(folder);
        Path table =
                Files.writeString(
                        folder.resolve("seeds_dataset.txt"), "15.26\t14.84\t1\n14.88 14.57 2\n");
        assertThat(DataFormatDetector.detect(folder))
                .isEqualTo(new DataFormatDetector.Detection(Format.TABLE, table));
        assertThat(catalog().open(folder, ProgressListener.NONE).size()).isEqualTo(2);
    }
}
