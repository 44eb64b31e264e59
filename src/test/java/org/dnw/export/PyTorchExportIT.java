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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.dnw.cli.WorkbenchCommand;
import org.dnw.data.DataSplitter;
import org.dnw.data.IdxReader;
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
