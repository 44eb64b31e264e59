package org.dnw.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistSampleCutterTest {

    @TempDir Path dir;

    @Test
    void cutsAStratifiedReproducibleSampleOfRealImages() throws Exception {
        // 200 training and 50 test images over the 10 digits; image i's pixels all equal i % 256
        Path source = dir.resolve("mnist");
        Fixtures.idxSet(source, 200, 50, 10, true);
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        MnistSampleCutter.cut(source, a, 42, 6, 2);
        MnistSampleCutter.cut(source, b, 42, 6, 2);
        for (String f :
                List.of(
                        "train-images-idx3-ubyte.gz",
                        "train-labels-idx1-ubyte.gz",
                        "t10k-images-idx3-ubyte.gz",
                        "t10k-labels-idx1-ubyte.gz")) {
            assertThat(Files.readAllBytes(a.resolve(f)))
                    .as(f)
                    .isEqualTo(Files.readAllBytes(b.resolve(f)));
        }
        List<String> digits = BuiltInDataset.MNIST.classNames();
        ImageSamples train =
                IdxReader.read(
                        a.resolve("train-images-idx3-ubyte.gz"),
                        a.resolve("train-labels-idx1-ubyte.gz"),
                        digits);
        ImageSamples test =
                IdxReader.read(
                        a.resolve("t10k-images-idx3-ubyte.gz"),
                        a.resolve("t10k-labels-idx1-ubyte.gz"),
                        digits);
        assertThat(train.classCounts()).containsOnly(6);
        assertThat(test.classCounts()).containsOnly(2);
        Set<Integer> seen = new HashSet<>();
        int previous = -1;
        for (int i = 0; i < train.size(); i++) {
            int original = train.pixel(i, 0, 0, 0);
            assertThat(original % 10)
                    .as("label follows the source image")
                    .isEqualTo(train.labels()[i]);
            assertThat(original).as("kept in source order").isGreaterThan(previous);
            previous = original;
            assertThat(seen.add(original)).isTrue();
        }
        Path c = dir.resolve("c");
        MnistSampleCutter.cut(source, c, 7, 6, 2);
        ImageSamples otherSeed =
                IdxReader.read(
                        c.resolve("train-images-idx3-ubyte.gz"),
                        c.resolve("train-labels-idx1-ubyte.gz"),
                        digits);
        assertThat(otherSeed.classCounts()).containsOnly(6);
        assertThat(otherSeed.pixels())
                .as("another seed picks other images")
                .isNotEqualTo(train.pixels());
    }

    @Test
    void refusesToCutMoreThanAClassHas() throws Exception {
        Path source = dir.resolve("mnist");
        Fixtures.idxSet(source, 30, 30, 10, false);
        assertThatThrownBy(() -> MnistSampleCutter.cut(source, dir.resolve("out"), 1, 4, 1))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("holds only 3 images of class 0, fewer than 4");
    }
}
