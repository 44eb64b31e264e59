package org.dnw.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.dnw.cli.WorkbenchCommand;
import org.dnw.data.DatasetCatalog;
import org.dnw.data.ProgressListener;
import org.dnw.data.Samples;
import org.dnw.engine.BatchFiller;
import org.dnw.engine.DjlDatasetDownloader;
import org.dnw.store.RunData;
import org.dnw.store.RunStore;
import org.dnw.store.SavedRun;
import org.dnw.train.TrainingEvent.TestEvaluation;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each run of {@link ExportFixtures} exported with {@code workbench export RUN --onnx FILE.onnx}
 * (the real command line), then run by ONNX Runtime on the JVM on every test image of the run's
 * data (read again as the workbench reads it, images as byte / 255): the top-1 class is the one in
 * the run's {@code predictions.csv} for every image and every probability is within 1e-4 of the
 * recorded one; and Debian's python3 onnx checker ({@code check_model(full_check=True)}) accepts
 * the file. CI installs python3-onnx; without it (or without WORKBENCH_DATA for CIFAR-10) the test
 * skips and says so.
 */
class OnnxExportIT {

    private static final String CHECK =
            """
            import sys
            import onnx
            m = onnx.load(sys.argv[1])
            onnx.checker.check_model(m, full_check=True)
            print("onnx", onnx.__version__, "accepts IR", m.ir_version, "opset", m.opset_import[0].version)
            """;

    @TempDir Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"mlp", "seed-cnn", "scratch", "cifar-cnn"})
    void onnxRuntimeGivesTheRunsPredictionsOnEveryTestImage(String key) throws Exception {
        String python = PythonProcess.require("onnx");
        Path folder = ExportFixtures.run(key);
        Path file = dir.resolve(key + ".onnx");

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code =
                WorkbenchCommand.execute(
                        new String[] {
                            "export",
                            folder.toString(),
                            "--onnx",
                            file.toString(),
                            "--runs-dir",
                            folder.getParent().toString()
                        },
                        new PrintWriter(out, true),
                        new PrintWriter(err, true));
        System.out.print(out);
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("as ONNX (opset 13) to " + file);

        PythonProcess.Result checked =
                PythonProcess.run(null, 300, python, "-c", CHECK, file.toString());
        assertThat(checked.exitCode()).as(checked.output()).isZero();
        System.out.println(key + ": " + checked.output());

        SavedRun saved = new RunStore(folder.getParent()).load(folder);
        TestEvaluation recorded = saved.test();
        Samples test =
                RunData.load(
                                DatasetCatalog.fromEnvironment(new DjlDatasetDownloader()),
                                saved.manifest().dataset(),
                                ProgressListener.NONE)
                        .test();
        int n = test.size();
        int classes = saved.classNames().size();
        assertThat(recorded.predicted()).hasSize(n);
        assertThat(recorded.probabilities()).hasSize(n * classes);

        int size = BatchFiller.sampleSize(test);
        long[] sample = test.inputShape().dims().stream().mapToLong(Integer::longValue).toArray();
        int batch = 500;
        float[] x = new float[batch * size];
        long[] labels = new long[batch];
        int agree = 0;
        double largest = 0;
        try (OnnxRuntimeRunner ort = new OnnxRuntimeRunner(file)) {
            for (int from = 0; from < n; from += batch) {
                int count = Math.min(batch, n - from);
                BatchFiller.fill(test, null, from, count, x, labels);
                float[] input = count == batch ? x : java.util.Arrays.copyOf(x, count * size);
                float[] p = ort.probabilities(input, count, sample);
                for (int i = 0; i < count; i++) {
                    int best = 0;
                    for (int k = 0; k < classes; k++) {
                        float got = p[i * classes + k];
                        largest =
                                Math.max(
                                        largest,
                                        Math.abs(
                                                got
                                                        - recorded.probabilities()[
                                                                (from + i) * classes + k]));
                        if (got > p[i * classes + best]) {
                            best = k;
                        }
                    }
                    assertThat(labels[i]).isEqualTo(recorded.actual()[from + i]);
                    agree += best == recorded.predicted()[from + i] ? 1 : 0;
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%s: ONNX Runtime agrees with predictions.csv on %d of %d test images; largest"
                        + " probability difference %.3g%n",
                key,
                agree,
                n,
                largest);
        assertThat(agree).as("top-1 agreement").isEqualTo(n);
        assertThat(largest).as("largest probability difference").isLessThanOrEqualTo(1e-4);
        assertThat(Files.size(file)).isPositive();
    }
}
