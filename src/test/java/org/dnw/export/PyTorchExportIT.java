package org.dnw.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.dnw.cli.WorkbenchCommand;
import org.dnw.data.AugmentationSpec;
import org.dnw.data.Augmenter;
import org.dnw.data.DataSplitter;
import org.dnw.data.DatasetCatalog;
import org.dnw.data.IdxReader;
import org.dnw.data.ImageSamples;
import org.dnw.data.LoadedDataset;
import org.dnw.data.ProgressListener;
import org.dnw.data.TableSamples;
import org.dnw.store.RunManifest;
import org.dnw.store.RunStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports runs of the real workbench ({@link ExportFixtures}: mlp, seed CNN and the from-scratch
 * mlp on the MNIST sample; the CIFAR CNN with batch norm and dropout on 5,000 CIFAR-10 JPEG images)
 * with the real command line and runs the exported Python with Debian's PyTorch: {@code
 * evaluate.py} must give the run's test accuracy within 0.1 point and the run's top-1 class on at
 * least 99.9 % of the test images; {@code train.py --epochs 1} must train and report a test
 * accuracy. Also checks data.py's ports of the workbench's splits (java.util.Random included)
 * against {@link DataSplitter} on real labels. Skips, saying so, without a python3 with torch and
 * numpy (and Pillow for the JPEG images), or without WORKBENCH_DATA for CIFAR-10.
 */
class PyTorchExportIT {

    private static final Pattern ACCURACY = Pattern.compile("test accuracy (\\d+\\.\\d+)%");

    @TempDir Path dir;

    @Test
    void mlpReproducesItsRun() throws Exception {
        check("mlp", false);
    }

    @Test
    void seedCnnReproducesItsRun() throws Exception {
        check("seed-cnn", false);
    }

    @Test
    void fromScratchEngineRunReproducesItsRun() throws Exception {
        check("scratch", false);
    }

    @Test
    void cifarCnnWithBatchNormAndDropoutReproducesItsRun() throws Exception {
        check("cifar-cnn", true);
    }

    @Test
    void missingDataGetsOneSentenceAndExitCode2() throws Exception {
        String python = PythonProcess.require("torch", "numpy");
        Path out = export("mlp");

        PythonProcess.Result r =
                PythonProcess.run(
                        out, 300, python, "evaluate.py", "--data", dir.resolve("gone").toString());

        System.out.println("evaluate.py --data gone: exit " + r.exitCode() + ": " + r.output());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.output()).contains("is not at").contains("--data PATH");
        assertThat(r.output()).doesNotContain("Traceback");
    }

    @Test
    void pythonSplitsPickTheSamplesDataSplitterPicks() throws Exception {
        String python = PythonProcess.require("numpy");
        Path sample = Path.of("assets", "mnist-sample").toAbsolutePath();
        List<Path> sets = new java.util.ArrayList<>(List.of(sample));
        String root = System.getenv("WORKBENCH_DATA");
        if (root != null && Files.isDirectory(Path.of(root, "mnist"))) {
            sets.add(Path.of(root, "mnist")); // 60,000 labels: the rejection branch of nextInt too
        } else {
            System.out.println(
                    "note: the full-MNIST split check skips: WORKBENCH_DATA has no mnist/");
        }
        Files.writeString(dir.resolve("data.py"), PythonScripts.resource("data.py"));
        for (Path set : sets) {
            Path labels = set.resolve("train-labels-idx1-ubyte.gz");
            int[] y = IdxReader.readLabels(labels);
            for (double share : new double[] {0.1, 0.25}) {
                for (long seed : new long[] {42, 7, -3_000_000_000L}) {
                    int[][] java = DataSplitter.stratified(y, 10, share, seed);
                    PythonProcess.Result r =
                            PythonProcess.run(
                                    dir,
                                    300,
                                    python,
                                    "-c",
                                    "import data, sys\n"
                                            + "d = data.load(sys.argv[1])\n"
                                            + "k, h = data.stratified(d.train_y, 10, float(sys.argv[2]),"
                                            + " int(sys.argv[3]))\n"
                                            + "print(','.join(map(str, h)))\n"
                                            + "print(','.join(map(str, data.train_subset(len(d.train_y),"
                                            + " 777))))",
                                    set.toString(),
                                    Double.toString(share),
                                    Long.toString(seed));
                    assertThat(r.exitCode()).as(r.output()).isZero();
                    String[] lines = r.output().lines().toArray(String[]::new);
                    assertThat(lines[lines.length - 2])
                            .as("held-out indices of %s, share %s, seed %d", set, share, seed)
                            .isEqualTo(join(java[1]));
                    int[] spread = new int[777];
                    for (int i = 0; i < spread.length; i++) {
                        spread[i] = (int) ((long) i * y.length / spread.length);
                    }
                    assertThat(lines[lines.length - 1]).isEqualTo(join(spread));
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "data.py splits %,d labels of %s as DataSplitter does (6 share/seed pairs)%n",
                    y.length,
                    set);
        }
    }

    @Test
    void pythonReadsTablesAsTheWorkbench() throws Exception {
        String python = PythonProcess.require("numpy");
        Path csv = dir.resolve("flowers.csv");
        StringBuilder rows = new StringBuilder("petal;width;species\n# a comment\n\n");
        java.util.Random random = new java.util.Random(5);
        String[] kinds = {"setosa", "virginica", "versicolor"};
        for (int i = 0; i < 60; i++) {
            rows.append(
                    String.format(
                            Locale.ROOT,
                            "%d,%d;%.3f;%s%n",
                            i,
                            random.nextInt(10),
                            random.nextGaussian(),
                            kinds[i % 3]));
        }
        Files.writeString(csv, rows);
        List<Path> tables = new java.util.ArrayList<>(List.of(csv));
        String root = System.getenv("WORKBENCH_DATA");
        Path wheat = root == null ? null : Path.of(root, "wheat-seeds", "seeds_dataset.txt");
        if (wheat != null && Files.isRegularFile(wheat)) {
            tables.add(wheat);
        } else {
            System.out.println("note: the wheat-seeds table check skips: no WORKBENCH_DATA");
        }
        Files.writeString(dir.resolve("data.py"), PythonScripts.resource("data.py"));
        DatasetCatalog catalog =
                new DatasetCatalog(DatasetCatalog.Locations.fromEnvironment(), null);
        for (Path table : tables) {
            LoadedDataset java = catalog.open(table, ProgressListener.NONE);
            String[] lines = pythonDump(python, table);
            TableSamples train = (TableSamples) java.train();
            TableSamples test = (TableSamples) java.test();
            assertThat(lines[0]).isEqualTo(String.join("|", train.classNames()));
            assertThat(lines[1]).isEqualTo(join(train.labels()));
            assertThat(lines[2]).isEqualTo(join(test.labels()));
            assertThat(floats(lines[3])).containsExactly(train.values());
            assertThat(floats(lines[4])).containsExactly(test.values());
            System.out.printf(
                    Locale.ROOT,
                    "data.py reads %s as the workbench: %d + %d rows, classes %s%n",
                    table.getFileName(),
                    train.size(),
                    test.size(),
                    train.classNames());
        }
    }

    @Test
    void pythonReadsImageFoldersAndArchivesAsTheWorkbench() throws Exception {
        String python = PythonProcess.require("numpy", "PIL");
        // colour with grey images among them (made 3-channel); all grey without a test folder
        // (the workbench draws a test split, one channel)
        Path folder = imageFolder(dir.resolve("shapes"), true, true);
        Path greys = imageFolder(dir.resolve("greys"), false, false);
        Files.writeString(folder.resolve("README.txt"), "shapes");
        Path zip = dir.resolve("shapes.zip");
        try (java.util.zip.ZipOutputStream out =
                        new java.util.zip.ZipOutputStream(Files.newOutputStream(zip));
                java.util.stream.Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new java.util.zip.ZipEntry(dir.relativize(f).toString()));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
        }
        Files.writeString(dir.resolve("data.py"), PythonScripts.resource("data.py"));
        DatasetCatalog catalog =
                new DatasetCatalog(
                        DatasetCatalog.Locations.fromEnvironment().withDecodedCache(null), null);
        for (Path source : List.of(folder, zip, greys)) {
            LoadedDataset java = catalog.open(source, ProgressListener.NONE);
            String[] lines = pythonDump(python, source);
            ImageSamples train = (ImageSamples) java.train();
            ImageSamples test = (ImageSamples) java.test();
            assertThat(lines[0]).isEqualTo(String.join("|", train.classNames()));
            assertThat(lines[1]).isEqualTo(join(train.labels()));
            assertThat(lines[2]).isEqualTo(join(test.labels()));
            assertThat(lines[3]).isEqualTo(hex(train.pixels()));
            assertThat(lines[4]).isEqualTo(hex(test.pixels()));
            System.out.printf(
                    Locale.ROOT,
                    "data.py reads %s as the workbench: %d + %d images of %dx%dx%d%n",
                    source.getFileName(),
                    train.size(),
                    test.size(),
                    train.channels(),
                    train.height(),
                    train.width());
        }
    }

    /** PNGs of 3 classes, 6 × 5 pixels, random; colour only where {@code colour} says. */
    private static Path imageFolder(Path root, boolean trainAndTest, boolean colour)
            throws IOException {
        java.util.Random random = new java.util.Random(3);
        for (String split : trainAndTest ? new String[] {"train", "test"} : new String[] {""}) {
            for (String kind : new String[] {"circle", "square", "star"}) {
                Path classFolder = Files.createDirectories(root.resolve(split).resolve(kind));
                for (int i = 0; i < 5; i++) {
                    java.awt.image.BufferedImage image =
                            new java.awt.image.BufferedImage(
                                    6, 5, java.awt.image.BufferedImage.TYPE_INT_RGB);
                    for (int y = 0; y < 5; y++) {
                        for (int x = 0; x < 6; x++) {
                            int v = random.nextInt(1 << 24);
                            boolean grey = !colour || (i > 0 && !kind.equals("star"));
                            image.setRGB(x, y, grey ? (v & 0xFF) * 0x010101 : v);
                        }
                    }
                    javax.imageio.ImageIO.write(
                            image, "png", classFolder.resolve("img" + i + ".png").toFile());
                }
            }
        }
        return root;
    }

    @Test
    void augmentPyMovesAndTurnsAsTheWorkbench() throws Exception {
        String python = PythonProcess.require("torch");
        Files.writeString(dir.resolve("augment.py"), PythonScripts.resource("augment.py"));
        PythonProcess.Result r =
                PythonProcess.run(
                        dir,
                        120,
                        python,
                        "-c",
                        """
                        import torch, augment
                        x = torch.zeros(1, 5, 5); x[0, 0, 2] = 1  # top middle
                        print(augment.shift_rotate(x, 1, 0, 0)[0].nonzero().tolist())
                        print(augment.shift_rotate(x, 0, 0, 90)[0].round().nonzero().tolist())
                        spec = dict(probability=1.0, max_shift_pixels=2, max_rotation_degrees=15.0,
                                    contrast_delta=0.2, brightness_delta=0.1, blur_sigma=1.0,
                                    gaussian_noise_sigma=0.1, salt_pepper_share=0.05,
                                    erasing_probability=0.5, flip_probability=0.5)
                        y = augment.Augmenter(spec, 17)(torch.rand(8, 3, 32, 32))
                        print(list(y.shape), float(y.min()) >= 0, float(y.max()) <= 1)
                        none = {k: 0.0 for k in spec}; none["max_shift_pixels"] = 0
                        flip = dict(none, probability=1.0, flip_probability=1.0)
                        x = torch.arange(2 * 3 * 4, dtype=torch.float32).view(1, 2, 3, 4) / 23
                        print(",".join(repr(float(v)) for v in augment.Augmenter(flip, 3)(x).view(-1)))
                        half = dict(flip, flip_probability=0.5)
                        x = torch.zeros(1000, 1, 2, 3); x[:, 0, 0, 0] = 1
                        print(int((augment.Augmenter(half, 5)(x)[:, 0, 0, 2] == 1).sum()))
                        """);
        assertThat(r.exitCode()).as(r.output()).isZero();
        List<String> lines = r.output().lines().toList();
        // as the workbench's PixelOps: +x moves right, a positive angle turns anticlockwise
        assertThat(lines).hasSize(5);
        assertThat(lines.subList(0, 3))
                .containsExactly("[[0, 3]]", "[[2, 0]]", "[8, 3, 32, 32] True True");
        // the mirror is the workbench's: the same image flipped by its Augmenter, value for value
        float[] image = new float[2 * 3 * 4];
        for (int i = 0; i < image.length; i++) {
            image[i] = i / 23f;
        }
        new Augmenter(AugmentationSpec.NONE.withFlipProbability(1), 2, 3, 4)
                .apply(image, new SplittableRandom(3));
        assertThat(floats(lines.get(3))).isEqualTo(image);
        assertThat(Integer.parseInt(lines.get(4))).isBetween(450, 550);
    }

    /** Class names, train labels, test labels, train values, test values as data.py reads them. */
    private String[] pythonDump(String python, Path source) throws IOException {
        PythonProcess.Result r =
                PythonProcess.run(
                        dir,
                        300,
                        python,
                        "-c",
                        """
                        import sys, data
                        d = data.load(sys.argv[1])
                        print("|".join(d.classes))
                        print(",".join(map(str, d.train_y)))
                        print(",".join(map(str, d.test_y)))
                        for x in (d.train_x, d.test_x):
                            print(x.tobytes().hex() if x.dtype.name == "uint8"
                                  else ",".join(repr(float(v)) for v in x.ravel()))
                        """,
                        source.toString());
        assertThat(r.exitCode()).as(r.output()).isZero();
        String[] lines = r.output().lines().toArray(String[]::new);
        assertThat(lines).hasSize(5);
        return lines;
    }

    private static float[] floats(String line) {
        String[] parts = line.split(",");
        float[] out = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = (float) Double.parseDouble(parts[i]);
        }
        return out;
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }

    private void check(String key, boolean images) throws Exception {
        String python =
                images
                        ? PythonProcess.require("torch", "numpy", "PIL")
                        : PythonProcess.require("torch", "numpy");
        Path run = ExportFixtures.run(key);
        Path out = export(key);
        RunManifest manifest = new RunStore(run.getParent()).load(run).manifest();
        double recorded = 100 * manifest.results().testAccuracy();

        long start = System.nanoTime();
        PythonProcess.Result eval =
                PythonProcess.run(out, 600, python, "evaluate.py", "--predictions", "p.csv");
        assertThat(eval.exitCode()).as(eval.output()).isZero();
        double accuracy = accuracy(eval.output());
        long[] agreement = agreement(run.resolve("predictions.csv"), out.resolve("p.csv"));
        double agreed = 100.0 * agreement[0] / agreement[1];
        System.out.printf(
                Locale.ROOT,
                "%s: evaluate.py %.2f%%, the run %.2f%%; same top-1 class on %d of %d test"
                        + " images (%.3f%%); %.0f s%n",
                key,
                accuracy,
                recorded,
                agreement[0],
                agreement[1],
                agreed,
                (System.nanoTime() - start) / 1e9);
        assertThat(accuracy).isCloseTo(recorded, org.assertj.core.data.Offset.offset(0.1));
        assertThat(agreed).isGreaterThanOrEqualTo(99.9);

        start = System.nanoTime();
        PythonProcess.Result train =
                PythonProcess.run(out, 600, python, "train.py", "--epochs", "1");
        System.out.printf(
                Locale.ROOT,
                "%s: train.py --epochs 1 (%.0f s):%n%s%n",
                key,
                (System.nanoTime() - start) / 1e9,
                train.output());
        assertThat(train.exitCode()).as(train.output()).isZero();
        assertThat(train.output()).contains("epoch 1/1: loss ");
        assertThat(accuracy(train.output())).isBetween(0.0, 100.0);
        assertThat(out.resolve("trained.pt")).isRegularFile();
        String sizes = manifest.dataset().trainSize() + " training, ";
        assertThat(train.output()).contains(sizes).doesNotContain("is this the same data?");
    }

    private Path export(String key) throws IOException {
        Path run = ExportFixtures.run(key);
        Path out = dir.resolve("export-" + key);
        StringWriter text = new StringWriter();
        int code =
                WorkbenchCommand.execute(
                        new String[] {"export", run.toString(), "--pytorch", out.toString()},
                        new PrintWriter(text, true),
                        new PrintWriter(text, true));
        assertThat(code).as(text.toString()).isZero();
        return out;
    }

    private static double accuracy(String output) {
        Matcher m = ACCURACY.matcher(output);
        assertThat(m.find()).as(output).isTrue();
        return Double.parseDouble(m.group(1));
    }

    /** {same predicted class, rows} of two predictions.csv files, which must list the same rows. */
    private static long[] agreement(Path workbench, Path python) throws IOException {
        List<String[]> a = rows(workbench);
        List<String[]> b = rows(python);
        assertThat(b).hasSameSizeAs(a);
        long same = 0;
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i)[1]).as("actual class of test sample %d", i).isEqualTo(a.get(i)[1]);
            if (a.get(i)[2].equals(b.get(i)[2])) {
                same++;
            }
        }
        return new long[] {same, a.size()};
    }

    private static List<String[]> rows(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).startsWith("index,actual,predicted,p0");
        return lines.subList(1, lines.size()).stream().map(l -> l.split(",")).toList();
    }

    private static String join(int[] values) {
        return Arrays.stream(values).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }
}
