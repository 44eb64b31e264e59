package org.dnw.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderReaderTest {

    @TempDir Path dir;

    private final ImageFolderReader reader = new ImageFolderReader(0.2, 42, 2, null);

    /** train/ and test/ with grey 4×3 PNGs; image k of class c has base value 10·c + k. */
    private Path splitFolder(Path root) throws IOException {
        String[] classes = {"dog", "cat", "bird"};
        for (int c = 0; c < classes.length; c++) {
            for (int k = 0; k < 4; k++) {
                Fixtures.png(
                        root.resolve("train/" + classes[c] + "/" + k + ".png"),
                        Fixtures.grey(4, 3, 10 * c + k));
            }
            if (c != 2) {
                Fixtures.png(
                        root.resolve("test/" + classes[c] + "/t.png"),
                        Fixtures.grey(4, 3, 100 + c));
            }
        }
        return root;
    }

    @Test
    void readsTrainAndTestFoldersWithSortedClassesAndExactGreyPixels() throws Exception {
        LoadedDataset d = reader.read(splitFolder(dir.resolve("pets")), ProgressListener.NONE);
        ImageSamples train = (ImageSamples) d.train();
        ImageSamples test = (ImageSamples) d.test();
        assertThat(d.testSplitDrawn()).isFalse();
        assertThat(d.name()).isEqualTo("pets");
        assertThat(train.classNames()).containsExactly("bird", "cat", "dog");
        assertThat(train.inputShape()).isEqualTo(org.dnw.spec.Shape.image(1, 3, 4));
        assertThat(train.size()).isEqualTo(12);
        assertThat(train.classCounts()).containsExactly(4, 4, 4);
        // bird (class 0) was written with c = 2: image 1 has base 21; pixel (x=3, y=2) = 21 + 3 + 8
        int bird1 = 1;
        assertThat(train.labels()[bird1]).isZero();
        assertThat(train.pixel(bird1, 0, 2, 3)).isEqualTo(21 + 3 + 8);
        // no bird in test is fine; the classes are still the training ones
        assertThat(test.classNames()).containsExactly("bird", "cat", "dog");
        assertThat(test.classCounts()).containsExactly(0, 1, 1);
        assertThat(test.pixel(0, 0, 0, 0)).isEqualTo(101);
        assertThat(d.fileSha256()).containsOnlyKeys("pets/");
        assertThat(d.fileSha256().get("pets/")).hasSize(64);
    }

    @Test
    void colourImagesGiveChannelFirstRgbAndGreyOnesAreWidened() throws Exception {
        Path root = dir.resolve("colours");
        Fixtures.png(root.resolve("red/a.png"), Fixtures.rgb(2, 2, 200, 10, 30));
        Fixtures.png(root.resolve("red/b.png"), Fixtures.rgb(2, 2, 180, 0, 0));
        Fixtures.png(root.resolve("grey/a.png"), Fixtures.grey(2, 2, 50));
        Fixtures.png(root.resolve("grey/b.png"), Fixtures.grey(2, 2, 60));
        Fixtures.image(root.resolve("grey/c.bmp"), Fixtures.rgb(2, 2, 77, 77, 77), "bmp");
        Fixtures.image(root.resolve("grey/d.gif"), Fixtures.rgb(2, 2, 0, 0, 0), "gif");
        Fixtures.image(root.resolve("red/e.jpg"), Fixtures.rgb(2, 2, 255, 0, 0), "jpg");
        ImageFolderReader all = new ImageFolderReader(0.2, 42, 1, null);
        LoadedDataset d = all.read(root, ProgressListener.NONE);
        ImageSamples s = (ImageSamples) LoadedDataset.concat(d.train(), d.test());
        assertThat(s.channels()).isEqualTo(3);
        assertThat(s.classNames()).containsExactly("grey", "red");
        assertThat(s.size()).isEqualTo(7);
        boolean sawRed = false;
        boolean sawGrey50 = false;
        for (int i = 0; i < s.size(); i++) {
            if (s.pixel(i, 0, 0, 0) == 200) {
                assertThat(s.pixel(i, 1, 1, 1)).isEqualTo(10);
                assertThat(s.pixel(i, 2, 0, 1)).isEqualTo(30);
                sawRed = true;
            }
            if (s.labels()[i] == 0 && s.pixel(i, 0, 0, 0) == 50) {
                assertThat(s.pixel(i, 1, 0, 0)).isEqualTo(50);
                assertThat(s.pixel(i, 2, 0, 0)).isEqualTo(50);
                assertThat(s.pixel(i, 2, 1, 1)).isEqualTo(53);
                sawGrey50 = true;
            }
        }
        assertThat(sawRed).isTrue();
        assertThat(sawGrey50).isTrue();
    }

    @Test
    void rgbFilesWithEqualChannelsCountAsGrey() throws Exception {
        Path root = dir.resolve("g");
        Fixtures.png(root.resolve("a/1.png"), Fixtures.rgb(3, 3, 9, 9, 9));
        Fixtures.png(root.resolve("a/2.png"), Fixtures.rgb(3, 3, 8, 8, 8));
        Fixtures.png(root.resolve("b/1.png"), Fixtures.grey(3, 3, 0));
        Fixtures.png(root.resolve("b/2.png"), Fixtures.grey(3, 3, 1));
        LoadedDataset d = reader.read(root, ProgressListener.NONE);
        assertThat(((ImageSamples) d.train()).channels()).isEqualTo(1);
    }

    @Test
    void withoutATestFolderAStratifiedSeededShareIsDrawn() throws Exception {
        Path root = dir.resolve("flat");
        for (int k = 0; k < 10; k++) {
            Fixtures.png(root.resolve("a/" + k + ".png"), Fixtures.grey(2, 2, k));
            Fixtures.png(root.resolve("b/" + k + ".png"), Fixtures.grey(2, 2, 100 + k));
        }
        Fixtures.png(root.resolve("c/0.png"), Fixtures.grey(2, 2, 200));
        LoadedDataset one = reader.read(root, ProgressListener.NONE);
        LoadedDataset two = reader.read(root, ProgressListener.NONE);
        LoadedDataset other =
                new ImageFolderReader(0.2, 7, 2, null).read(root, ProgressListener.NONE);
        assertThat(one.testSplitDrawn()).isTrue();
        assertThat(one.test().classCounts()).containsExactly(2, 2, 0);
        assertThat(one.train().classCounts()).containsExactly(8, 8, 1);
        assertThat(((ImageSamples) one.test()).pixels())
                .isEqualTo(((ImageSamples) two.test()).pixels());
        assertThat(((ImageSamples) one.test()).pixels())
                .isNotEqualTo(((ImageSamples) other.test()).pixels());
    }

    @Test
    void zipAndTarGzWithATopFolderReadLikeTheFolder() throws Exception {
        Path root = splitFolder(dir.resolve("src"));
        Files.writeString(root.resolve("README.md"), "about these pets");
        Files.write(root.resolve("train/cat/.DS_Store"), new byte[] {0, 1, 2});
        Files.createDirectories(root.resolve("__MACOSX/train/cat"));
        Files.write(root.resolve("__MACOSX/train/cat/._0.png"), new byte[] {9, 9});
        LoadedDataset folder = reader.read(root, ProgressListener.NONE);
        Path zip = Fixtures.zip(root, dir.resolve("pets.zip"), "pets/");
        Path tgz = Fixtures.tarGz(root, dir.resolve("pets.tar.gz"), "./pets/");
        for (Path archive : List.of(zip, tgz)) {
            long[] lastDone = {-1};
            LoadedDataset d = reader.read(archive, (stage, done, total) -> lastDone[0] = done);
            assertThat(d.name()).isEqualTo("pets");
            assertThat(d.testSplitDrawn()).isFalse();
            assertThat(d.train().classNames()).isEqualTo(folder.train().classNames());
            assertThat(((ImageSamples) d.train()).pixels())
                    .isEqualTo(((ImageSamples) folder.train()).pixels());
            assertThat(d.train().labels()).isEqualTo(folder.train().labels());
            assertThat(((ImageSamples) d.test()).pixels())
                    .isEqualTo(((ImageSamples) folder.test()).pixels());
            assertThat(d.fileSha256())
                    .containsEntry(archive.getFileName().toString(), Checksums.sha256(archive));
            assertThat(lastDone[0]).isPositive();
        }
    }

    @Test
    void imagesOfUnequalSizeNameOneOfEach() throws Exception {
        Path root = dir.resolve("sizes");
        Fixtures.png(root.resolve("a/small.png"), Fixtures.grey(2, 2, 0));
        Fixtures.png(root.resolve("b/big.png"), Fixtures.grey(5, 4, 0));
        assertThatThrownBy(() -> reader.read(root, ProgressListener.NONE))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(
                        "sizes: images differ in size: a/small.png is 2×2 but b/big.png is 5×4;"
                                + " every image of a data set must have the same size");
    }

    @Test
    void nonImageInAClassFolderIsNamed() throws Exception {
        Path root = dir.resolve("junk");
        Fixtures.png(root.resolve("a/1.png"), Fixtures.grey(2, 2, 0));
        Fixtures.png(root.resolve("b/1.png"), Fixtures.grey(2, 2, 0));
        Files.writeString(root.resolve("b/notes.txt"), "not a picture", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> reader.read(root, ProgressListener.NONE))
                .hasMessage("junk: b/notes.txt is not an image (PNG, JPEG, BMP or GIF)");
    }

    @Test
    void damagedImageIsNamed() throws Exception {
        Path root = dir.resolve("broken");
        Fixtures.png(root.resolve("a/1.png"), Fixtures.grey(8, 8, 0));
        Path good = Fixtures.png(root.resolve("b/1.png"), Fixtures.grey(8, 8, 0));
        byte[] bytes = Files.readAllBytes(good);
        Files.write(root.resolve("b/2.png"), Arrays.copyOf(bytes, 30));
        assertThatThrownBy(() -> reader.read(root, ProgressListener.NONE))
                .hasMessageStartingWith("broken: b/2.png is a damaged image and cannot be decoded");
    }

    @Test
    void looseImageBesideTheClassFoldersIsReported() throws Exception {
        Path root = dir.resolve("loose");
        Fixtures.png(root.resolve("a/1.png"), Fixtures.grey(2, 2, 0));
        Fixtures.png(root.resolve("b/1.png"), Fixtures.grey(2, 2, 0));
        Fixtures.png(root.resolve("stray.png"), Fixtures.grey(2, 2, 0));
        assertThatThrownBy(() -> reader.read(root, ProgressListener.NONE))
                .hasMessageStartingWith("loose: stray.png sits beside the class folders");
    }

    @Test
    void emptyClassFolderIsNamed() throws Exception {
        Path root = dir.resolve("hollow");
        Fixtures.png(root.resolve("a/1.png"), Fixtures.grey(2, 2, 0));
        Fixtures.png(root.resolve("b/1.png"), Fixtures.grey(2, 2, 0));
        Files.createDirectories(root.resolve("c"));
        Files.write(root.resolve("c/.DS_Store"), new byte[] {1});
        assertThatThrownBy(() -> reader.read(root, ProgressListener.NONE))
                .hasMessage("hollow: the class folder c holds no images");
        Path tgz = Fixtures.tarGz(root, dir.resolve("hollow.tgz"), "");
        assertThatThrownBy(() -> reader.read(tgz, ProgressListener.NONE))
                .hasMessage("hollow.tgz: the class folder c holds no images");
    }

    @Test
    void folderWithoutClassSubfoldersOrWithOneClassIsReported() throws Exception {
        Path flat = dir.resolve("flat");
        Fixtures.png(flat.resolve("1.png"), Fixtures.grey(2, 2, 0));
        assertThatThrownBy(() -> reader.read(flat, ProgressListener.NONE))
                .hasMessageStartingWith("flat: 1.png sits beside the class folders");
        Path docs = dir.resolve("docs");
        Files.createDirectories(docs);
        Files.writeString(docs.resolve("README.txt"), "nothing here");
        assertThatThrownBy(() -> reader.read(docs, ProgressListener.NONE))
                .hasMessageStartingWith("docs: has no class subfolders");
        Path single = dir.resolve("single");
        Fixtures.png(single.resolve("cats/1.png"), Fixtures.grey(2, 2, 0));
        assertThatThrownBy(() -> reader.read(single, ProgressListener.NONE))
                .hasMessageStartingWith("single: has only one class folder (cats)");
    }

    @Test
    void testClassUnknownToTrainIsReported() throws Exception {
        Path root = splitFolder(dir.resolve("pets"));
        Fixtures.png(root.resolve("test/zebra/z.png"), Fixtures.grey(4, 3, 0));
        assertThatThrownBy(() -> reader.read(root, ProgressListener.NONE))
                .hasMessage(
                        "pets: test/zebra is a test class with no folder in train (the training"
                                + " classes are bird, cat, dog)");
    }

    @Test
    void archivesThatAreNotOneOrAreTruncatedAreReported() throws Exception {
        Path fakeZip =
                Fixtures.write(
                        dir.resolve("fake.zip"), "just text".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> reader.read(fakeZip, ProgressListener.NONE))
                .hasMessage("fake.zip: is not a zip archive (it does not start like one)");
        Path fakeTgz =
                Fixtures.write(
                        dir.resolve("fake.tar.gz"), "just text".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> reader.read(fakeTgz, ProgressListener.NONE))
                .hasMessage(
                        "fake.tar.gz: is not a gzip-compressed tar archive (it does not start like one)");
        Path unknown = Fixtures.write(dir.resolve("what.dat"), new byte[600]);
        assertThatThrownBy(() -> reader.read(unknown, ProgressListener.NONE))
                .hasMessageStartingWith("what.dat: is neither an image folder nor an archive");

        Path root = dir.resolve("big");
        java.util.Random random = new java.util.Random(3);
        for (int k = 0; k < 30; k++) {
            java.awt.image.BufferedImage noise =
                    new java.awt.image.BufferedImage(
                            16, 16, java.awt.image.BufferedImage.TYPE_INT_RGB);
            for (int p = 0; p < 256; p++) {
                noise.setRGB(p % 16, p / 16, random.nextInt());
            }
            Fixtures.png(root.resolve((k % 2 == 0 ? "a/" : "b/") + k + ".png"), noise);
        }
        Path tgz = Fixtures.tarGz(root, dir.resolve("big.tar.gz"), "");
        Path cutTgz = Fixtures.truncated(tgz, dir.resolve("cut.tar.gz"), (int) Files.size(tgz) / 2);
        assertThatThrownBy(() -> reader.read(cutTgz, ProgressListener.NONE))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("cut.tar.gz: ")
                .hasMessageContaining("truncated");
        Path zip = Fixtures.zip(root, dir.resolve("big.zip"), "");
        Path cutZip = Fixtures.truncated(zip, dir.resolve("cut.zip"), (int) Files.size(zip) / 2);
        assertThatThrownBy(() -> reader.read(cutZip, ProgressListener.NONE))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("cut.zip: is damaged or not an archive");
        Path gzNotTar = Fixtures.write(dir.resolve("notar.tgz"), Fixtures.gzip(new byte[2000]));
        assertThatThrownBy(() -> reader.read(gzNotTar, ProgressListener.NONE))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("notar.tgz: ");
    }

    @Test
    void cacheServesTheSecondReadAndIsRebuiltWhenDamaged() throws Exception {
        Path root = splitFolder(dir.resolve("pets"));
        Path tgz = Fixtures.tarGz(root, dir.resolve("pets.tgz"), "pets/");
        Path cacheDir = dir.resolve("cache");
        ImageFolderReader cached = new ImageFolderReader(0.2, 42, 2, cacheDir);
        LoadedDataset first = cached.read(tgz, ProgressListener.NONE);
        Path entry = cacheDir.resolve(Checksums.sha256(tgz) + ".images");
        assertThat(entry).isRegularFile();
        try (Stream<Path> files = Files.list(cacheDir)) {
            assertThat(files).as("no temporary file is left behind").hasSize(1);
        }
        String[] stages = {null};
        LoadedDataset second = cached.read(tgz, (stage, done, total) -> stages[0] = stage);
        assertThat(stages[0]).contains("cache");
        assertSame(first, second);

        byte[] bytes = Files.readAllBytes(entry);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(entry, bytes);
        String[] after = {null};
        LoadedDataset third = cached.read(tgz, (stage, done, total) -> after[0] = stage);
        assertThat(after[0]).doesNotContain("cache");
        assertSame(first, third);
        assertThat(Files.readAllBytes(entry))
                .as("the damaged entry was rewritten")
                .isNotEqualTo(bytes);

        Files.write(entry, Arrays.copyOf(bytes, 40));
        assertSame(first, cached.read(tgz, ProgressListener.NONE));
    }

    @Test
    void decodedCacheRejectsAnEntryForAnotherArchive() throws Exception {
        Path root = splitFolder(dir.resolve("pets"));
        Path tgz = Fixtures.tarGz(root, dir.resolve("pets.tgz"), "");
        Path cacheDir = dir.resolve("cache");
        new ImageFolderReader(0.2, 42, 1, cacheDir).read(tgz, ProgressListener.NONE);
        String sha = Checksums.sha256(tgz);
        String other = "0".repeat(64);
        Files.copy(cacheDir.resolve(sha + ".images"), cacheDir.resolve(other + ".images"));
        assertThat(new DecodedImageCache(cacheDir).load(other)).isNull();
        assertThat(new DecodedImageCache(cacheDir).load(sha)).isNotNull();
    }

    @Test
    void relativeNamesDropHiddenEntriesAndDotSegments() {
        assertThat(ImageFolderReader.relative("./a//b/c.png")).isEqualTo("a/b/c.png");
        assertThat(ImageFolderReader.relative("__MACOSX/a/._c.png")).isNull();
        assertThat(ImageFolderReader.relative("a/.DS_Store")).isNull();
        assertThat(ImageFolderReader.relative("a/Thumbs.db")).isNull();
    }

    private static void assertSame(LoadedDataset a, LoadedDataset b) {
        assertThat(b.train().classNames()).isEqualTo(a.train().classNames());
        assertThat(b.train().labels()).isEqualTo(a.train().labels());
        assertThat(((ImageSamples) b.train()).pixels())
                .isEqualTo(((ImageSamples) a.train()).pixels());
        assertThat(((ImageSamples) b.test()).pixels())
                .isEqualTo(((ImageSamples) a.test()).pixels());
        assertThat(b.fileSha256()).isEqualTo(a.fileSha256());
    }
}
