package org.dnw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dnw.data.BuiltInDataset;
import org.dnw.data.DatasetCatalog;
import org.dnw.data.ImageSamples;
import org.dnw.data.LoadedDataset;
import org.dnw.data.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run trained on a data set given by its path is evaluated again without the path, and evaluating
 * on changed files says so. Uses a small cut of the MNIST sample in assets/, written as IDX files
 * to a temporary folder (no WORKBENCH_DATA needed); one epoch of the mlp.
 */
class DataPathCliIT {

    @TempDir Path dir;

    private WorkbenchCommandTest.Result run(String... args) {
        WorkbenchCommandTest.Result r = WorkbenchCommandTest.run(args);
        System.out.println("$ workbench " + String.join(" ", args) + "\n" + r.out() + r.err());
        return r;
    }

    @Test
    void evaluateFindsThePathTheRunWasTrainedOnAndNotesChangedFiles() throws Exception {
        LoadedDataset sample =
                DatasetCatalog.fromEnvironment(null)
                        .load(BuiltInDataset.MNIST_SAMPLE, ProgressListener.NONE);
        ImageSamples train = (ImageSamples) sample.train();
        ImageSamples test = (ImageSamples) sample.test();
        Path digits = dir.resolve("digits");
        Files.createDirectories(digits);
        writeIdx(digits, "train", train, 0, 1000);
        writeIdx(digits, "t10k", test, 0, 200);
        String runs = dir.resolve("runs").toString();

        WorkbenchCommandTest.Result trained =
                run(
                        "train",
                        "--preset",
                        "mlp",
                        "--dataset",
                        digits.toString(),
                        "--epochs",
                        "1",
                        "--name",
                        "path-run",
                        "--runs-dir",
                        runs);
        assertThat(trained.code()).isZero();
        Matcher accuracy = Pattern.compile("Test accuracy (\\d+\\.\\d+)%").matcher(trained.out());
        assertThat(accuracy.find()).isTrue();

        // from another working folder, without the path: the run remembers it
        WorkbenchCommandTest.Result again = run("evaluate", "path-run", "--runs-dir", runs);
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out())
                .contains("Data: digits from " + digits.toAbsolutePath())
                .contains("accuracy " + accuracy.group(1) + "%")
                .doesNotContain("Note:");

        // robustness and report read the same recorded path
        WorkbenchCommandTest.Result robust =
                run(
                        "robustness",
                        "path-run",
                        "--kind",
                        "gaussian",
                        "--strengths",
                        "0",
                        "--runs-dir",
                        runs);
        assertThat(robust.code()).as(robust.err()).isZero();
        assertThat(robust.out())
                .containsPattern("clean\\s+" + Pattern.quote(accuracy.group(1)) + "%");

        // other test images under the same names: the checksums differ and evaluate says so
        writeIdx(digits, "t10k", test, 200, 200);
        WorkbenchCommandTest.Result changed = run("evaluate", "path-run", "--runs-dir", runs);
        assertThat(changed.code()).isZero();
        assertThat(changed.out())
                .contains("is not the data the run was trained on (digits): the SHA-256 of its")
                .containsPattern(
                        "t10k-images-idx3-ubyte: trained on [0-9a-f]{12}…, now [0-9a-f]{12}…")
                .doesNotContain("train-images-idx3-ubyte: trained on");

        // the data gone: the message names the path and the way out
        for (String f : new String[] {"train", "t10k"}) {
            Files.delete(digits.resolve(f + "-images-idx3-ubyte"));
            Files.delete(digits.resolve(f + "-labels-idx1-ubyte"));
        }
        Files.delete(digits);
        WorkbenchCommandTest.Result gone = run("evaluate", "path-run", "--runs-dir", runs);
        assertThat(gone.code()).isNotZero();
        assertThat(gone.err())
                .contains("the run was trained on " + digits.toAbsolutePath())
                .contains("--dataset PATH");
    }

    /** Images {@code from}…{@code from + count − 1} of {@code s} as an IDX pair {@code prefix}. */
    private static void writeIdx(Path folder, String prefix, ImageSamples s, int from, int count)
            throws IOException {
        ByteArrayOutputStream images = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(images);
        out.writeInt(0x803);
        out.writeInt(count);
        out.writeInt(s.height());
        out.writeInt(s.width());
        out.write(s.pixels(), from * s.imageBytes(), count * s.imageBytes());
        ByteArrayOutputStream labels = new ByteArrayOutputStream();
        DataOutputStream l = new DataOutputStream(labels);
        l.writeInt(0x801);
        l.writeInt(count);
        for (int i = from; i < from + count; i++) {
            l.writeByte(s.labels()[i]);
        }
        Files.write(folder.resolve(prefix + "-images-idx3-ubyte"), images.toByteArray());
        Files.write(folder.resolve(prefix + "-labels-idx1-ubyte"), labels.toByteArray());
    }
}
