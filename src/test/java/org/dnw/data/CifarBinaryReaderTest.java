package org.dnw.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarBinaryReaderTest {

    @TempDir Path dir;

    /**
     * {@code count} records; record i has label (first + i) % 10, R = i, G = 100 + i, B = 200 + i.
     */
    static byte[] batch(int count, int first) {
        byte[] out = new byte[count * CifarBinaryReader.RECORD_BYTES];
        for (int i = 0; i < count; i++) {
            int off = i * CifarBinaryReader.RECORD_BYTES;
            out[off] = (byte) ((first + i) % 10);
            for (int p = 0; p < 1024; p++) {
                out[off + 1 + p] = (byte) i;
                out[off + 1 + 1024 + p] = (byte) (100 + i);
                out[off + 1 + 2048 + p] = (byte) (200 + i);
            }
        }
        return out;
    }

    static Path officialFolder(Path parent) throws IOException {
        Path folder = parent.resolve("cifar-10-batches-bin");
        for (int b = 1; b <= 5; b++) {
            Fixtures.write(folder.resolve("data_batch_" + b + ".bin"), batch(2, b));
        }
        Fixtures.write(folder.resolve("test_batch.bin"), batch(3, 0));
        return folder;
    }

    @Test
    void readsTheOfficialFolderWithPlanesInOrder() throws Exception {
        LoadedDataset d = CifarBinaryReader.readFolder(officialFolder(dir), ProgressListener.NONE);
        ImageSamples train = (ImageSamples) d.train();
        ImageSamples test = (ImageSamples) d.test();
        assertThat(train.size()).isEqualTo(10);
        assertThat(test.size()).isEqualTo(3);
        assertThat(train.inputShape()).isEqualTo(org.dnw.spec.Shape.image(3, 32, 32));
        assertThat(train.classNames()).containsExactlyElementsOf(CifarBinaryReader.CLASS_NAMES);
        // batch 2, record 1 is image 3: label (2 + 1) % 10, R plane = 1, G = 101, B = 201
        assertThat(train.labels()[3]).isEqualTo(3);
        assertThat(train.pixel(3, 0, 31, 31)).isEqualTo(1);
        assertThat(train.pixel(3, 1, 0, 0)).isEqualTo(101);
        assertThat(train.pixel(3, 2, 5, 7)).isEqualTo(201);
        assertThat(test.labels()).containsExactly(0, 1, 2);
        assertThat(d.fileSha256())
                .containsOnlyKeys(
                        "data_batch_1.bin",
                        "data_batch_2.bin",
                        "data_batch_3.bin",
                        "data_batch_4.bin",
                        "data_batch_5.bin",
                        "test_batch.bin");
        assertThat(d.testSplitDrawn()).isFalse();
    }

    @Test
    void readsDjlsJoinedTrainingFile() throws Exception {
        Path folder = dir.resolve("djl");
        Fixtures.write(folder.resolve("data_batch.bin"), batch(4, 0));
        Fixtures.write(folder.resolve("test_batch.bin"), batch(1, 5));
        assertThat(CifarBinaryReader.isCifarFolder(folder)).isTrue();
        LoadedDataset d = CifarBinaryReader.readFolder(folder, ProgressListener.NONE);
        assertThat(d.train().size()).isEqualTo(4);
        assertThat(d.test().labels()).containsExactly(5);
    }

    @Test
    void missingBatchesAreNamed() throws Exception {
        Path folder = officialFolder(dir);
        Files.delete(folder.resolve("data_batch_3.bin"));
        Files.delete(folder.resolve("test_batch.bin"));
        assertThat(CifarBinaryReader.isCifarFolder(folder)).isFalse();
        assertThatThrownBy(() -> CifarBinaryReader.readFolder(folder, ProgressListener.NONE))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(
                        "cifar-10-batches-bin: this CIFAR-10 binary folder lacks data_batch_3.bin,"
                                + " test_batch.bin");
    }

    @Test
    void sizeThatIsNotWholeRecordsIsReported() throws Exception {
        byte[] good = batch(2, 0);
        Path cut =
                Fixtures.write(
                        dir.resolve("cut.bin"), java.util.Arrays.copyOf(good, good.length - 100));
        assertThatThrownBy(() -> CifarBinaryReader.read(List.of(cut), ProgressListener.NONE))
                .hasMessageStartingWith(
                        "cut.bin: holds 6046 bytes, which is not a whole number of 3073-byte records");
    }

    @Test
    void labelAboveNineIsReportedWithItsRecord() throws Exception {
        byte[] bytes = batch(3, 0);
        bytes[2 * CifarBinaryReader.RECORD_BYTES] = 42;
        Path bad = Fixtures.write(dir.resolve("bad.bin"), bytes);
        assertThatThrownBy(() -> CifarBinaryReader.read(List.of(bad), ProgressListener.NONE))
                .hasMessageStartingWith(
                        "bad.bin: record 3 has label 42, but CIFAR-10 labels are 0 to 9");
    }

    @Test
    void emptyAndMissingFilesAreReported() throws Exception {
        Path empty = Fixtures.write(dir.resolve("empty.bin"), new byte[0]);
        assertThatThrownBy(() -> CifarBinaryReader.read(List.of(empty), ProgressListener.NONE))
                .hasMessage("empty.bin: is empty");
        assertThatThrownBy(
                        () ->
                                CifarBinaryReader.read(
                                        List.of(dir.resolve("gone.bin")), ProgressListener.NONE))
                .hasMessageStartingWith("gone.bin: not found");
    }
}
