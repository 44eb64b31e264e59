package org.dnw.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    private static final List<String> THREE = List.of("a", "b", "c");

    @TempDir Path dir;

    private Path images(String name, byte[] bytes) throws IOException {
        return Fixtures.write(dir.resolve(name), bytes);
    }

    @Test
    void readsRawAndGzipFilesAlike() throws Exception {
        byte[] pixels = new byte[2 * 2 * 3];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (250 + i);
        }
        byte[] img = Fixtures.idxImages(2, 2, 3, pixels);
        byte[] lab = Fixtures.idxLabels(2, 0);
        ImageSamples raw = IdxReader.read(images("i", img), images("l", lab), THREE);
        ImageSamples gz =
                IdxReader.read(
                        images("i.gz", Fixtures.gzip(img)),
                        images("l.gz", Fixtures.gzip(lab)),
                        THREE);
        for (ImageSamples s : List.of(raw, gz)) {
            assertThat(s.size()).isEqualTo(2);
            assertThat(s.channels()).isEqualTo(1);
            assertThat(s.height()).isEqualTo(2);
            assertThat(s.width()).isEqualTo(3);
            assertThat(s.labels()).containsExactly(2, 0);
            assertThat(s.pixel(1, 0, 1, 2)).isEqualTo((250 + 11) & 0xFF);
            assertThat(s.pixel(0, 0, 0, 0)).isEqualTo(250);
        }
    }

    @Test
    void reportsProgressUpToTheImageCount() throws Exception {
        List<Long> done = new ArrayList<>();
        IdxReader.read(
                images("i", Fixtures.idxImages(3, 1, 1, new byte[3])),
                images("l", Fixtures.idxLabels(0, 1, 2)),
                THREE,
                (stage, d, total) -> {
                    assertThat(stage).contains("i");
                    assertThat(total).isEqualTo(3);
                    done.add(d);
                });
        assertThat(done).isNotEmpty().endsWith(3L);
    }

    @Test
    void wrongMagicNumberIsNamed() throws Exception {
        Path labels = images("l", Fixtures.idxLabels(0));
        Path swapped = images("swapped", Fixtures.idxLabels(0));
        assertThatThrownBy(() -> IdxReader.read(swapped, labels, THREE))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("swapped: not an IDX image file")
                .hasMessageContaining("0x00000801");
        Path img = images("img", Fixtures.idxImages(1, 1, 1, new byte[1]));
        assertThatThrownBy(() -> IdxReader.readLabels(img))
                .hasMessageStartingWith("img: not an IDX label file");
    }

    @Test
    void countsThatDisagreeAreReported() throws Exception {
        Path img = images("img", Fixtures.idxImages(2, 1, 1, new byte[2]));
        Path lab = images("lab", Fixtures.idxLabels(0, 1, 2));
        assertThatThrownBy(() -> IdxReader.read(img, lab, THREE))
                .hasMessage("img: holds 2 images but lab holds 3 labels");
    }

    @Test
    void truncatedPixelsSayHowManyImagesArePresent() throws Exception {
        byte[] full = Fixtures.idxImages(4, 2, 2, new byte[16]);
        byte[] cut = Arrays.copyOf(full, 16 + 9);
        Path lab = images("lab", Fixtures.idxLabels(0, 0, 0, 0));
        assertThatThrownBy(() -> IdxReader.read(images("raw", cut), lab, THREE))
                .hasMessageContaining("raw: truncated")
                .hasMessageContaining("4 images of 2×2")
                .hasMessageContaining("after 2 of them");
        assertThatThrownBy(() -> IdxReader.read(images("gz", Fixtures.gzip(cut)), lab, THREE))
                .hasMessageContaining("gz: truncated")
                .hasMessageContaining("after 2 of them");
    }

    @Test
    void truncatedHeaderAndLabelsAreReported() throws Exception {
        Path lab = images("lab", Fixtures.idxLabels(0));
        assertThatThrownBy(
                        () ->
                                IdxReader.read(
                                        images("short", new byte[] {0, 0, 8, 3, 0}), lab, THREE))
                .hasMessage("short: truncated — the file ends inside its header");
        byte[] labels = Fixtures.idxLabels(0, 1, 2);
        Path cut = images("cut", Arrays.copyOf(labels, labels.length - 1));
        assertThatThrownBy(() -> IdxReader.readLabels(cut))
                .hasMessage("cut: truncated — the header announces 3 labels but the file holds 2");
    }

    @Test
    void truncatedGzipIsReportedAsTruncated() throws Exception {
        byte[] gz = Fixtures.gzip(Fixtures.idxImages(50, 10, 10, randomBytes(5000)));
        Path cut = images("cut.gz", Arrays.copyOf(gz, gz.length / 2));
        Path lab = images("lab", Fixtures.idxLabels(new int[50]));
        assertThatThrownBy(() -> IdxReader.read(cut, lab, THREE))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("cut.gz: ")
                .hasMessageContaining("truncated");
    }

    @Test
    void damagedGzipIsReported() throws Exception {
        byte[] gz = Fixtures.gzip(Fixtures.idxLabels(0, 1));
        for (int i = 12; i < gz.length - 8; i++) {
            gz[i] = (byte) 0xFF;
        }
        Path bad = images("bad.gz", gz);
        assertThatThrownBy(() -> IdxReader.readLabels(bad))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("bad.gz: ");
    }

    @Test
    void absurdHeaderIsRefusedBeforeAllocating() throws Exception {
        // 10 images of 20000×10000 would need 2 GB; the compressed file is a few hundred bytes.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x803);
        out.writeInt(10);
        out.writeInt(20000);
        out.writeInt(10000);
        out.write(new byte[100]);
        Path lab = images("lab", Fixtures.idxLabels(new int[10]));
        Path gz = images("huge.gz", Fixtures.gzip(bytes.toByteArray()));
        assertThatThrownBy(() -> IdxReader.read(gz, lab, THREE))
                .hasMessageStartingWith("huge.gz: impossible header");
        Path raw = images("huge", bytes.toByteArray());
        assertThatThrownBy(() -> IdxReader.read(raw, lab, THREE))
                .hasMessageStartingWith("huge: truncated")
                .hasMessageContaining("after 0 of them");
    }

    @Test
    void labelsOutsideTheClassesAreReported() throws Exception {
        Path img = images("img", Fixtures.idxImages(2, 1, 1, new byte[2]));
        Path lab = images("lab", Fixtures.idxLabels(1, 7));
        assertThatThrownBy(() -> IdxReader.read(img, lab, THREE))
                .hasMessageStartingWith("lab: label 7 at position 1 is outside the 3 classes");
    }

    @Test
    void missingFileIsNamed() {
        assertThatThrownBy(() -> IdxReader.readLabels(dir.resolve("nope.gz")))
                .hasMessageStartingWith("nope.gz: not found at ");
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new java.util.Random(1).nextBytes(b);
        return b;
    }
}
