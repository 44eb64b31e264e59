package org.dnw.store;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dnw.eval.ClassMetrics;
import org.dnw.eval.ClassificationReport;
import org.dnw.eval.ConfusionMatrix;
import org.dnw.figures.KernelGridImage;
import org.dnw.figures.Png;
import org.dnw.train.ParameterValues;
import org.dnw.train.TrainingEvent.TestEvaluation;

/** Writes every file of a run, except the engine's params, into a (draft) folder. */
final class RunWriter {

    static final List<String> METRICS_HEADER =
            List.of(
                    "epoch",
                    "train_loss",
                    "train_accuracy",
                    "validation_loss",
                    "validation_accuracy",
                    "learning_rate",
                    "seconds");

    static final List<String> CLASS_METRICS_HEADER =
            List.of("index", "class", "precision", "recall", "f1", "support");

    /** Corner cell of {@code confusion.csv}: rows are true classes, columns predictions. */
    static final String CONFUSION_CORNER = "actual\\predicted";

    private RunWriter() {}

    /**
     * Writes the run's files into {@code folder}; the manifest last.
     *
     * @return the manifest as written (with {@code modelFiles} filled in)
     */
    static RunManifest writeAll(Path folder, CompletedRun run) throws IOException {
        TestEvaluation test = run.test();
        ClassificationReport report =
                test.report() != null
                        ? test.report()
                        : ClassificationReport.of(
                                test.actual(),
                                test.predicted(),
                                run.manifest().dataset().classNames().size());
        List<String> names = classNames(run.manifest(), report.matrix().classCount());

        writeMetrics(folder.resolve(RunFiles.METRICS), run.epochs());
        writeConfusion(folder.resolve(RunFiles.CONFUSION), report.matrix(), names);
        writeClassMetrics(folder.resolve(RunFiles.CLASS_METRICS), report, names);
        writePredictions(folder.resolve(RunFiles.PREDICTIONS), test, names.size());
        if (!run.parameters().isEmpty()) {
            ParameterValues first = run.parameters().get(0);
            RunFiles.write(
                    folder.resolve(RunFiles.FIRST_LAYER_NPY),
                    out -> NpyWriter.write(out, first.shape(), first.values()));
            if (first.values().length > 0 && first.shape().length > 0) {
                java.awt.image.BufferedImage image =
                        KernelGridImage.render(
                                first.shape(), first.values(), run.manifest().spec().input());
                RunFiles.write(
                        folder.resolve(RunFiles.FIRST_LAYER_PNG), out -> Png.write(image, out));
            }
        }
        RunFiles.write(
                folder.resolve(RunFiles.WEIGHTS_NPZ),
                out -> NpyWriter.writeNpz(out, run.parameters()));
        RunManifest manifest = run.manifest().withModelFiles(RunFiles.paramsFiles(folder));
        RunFiles.write(folder.resolve(RunFiles.MANIFEST), ManifestJson.write(manifest));
        return manifest;
    }

    /** The data set's class names when they fit the matrix, else "0", "1", ... */
    static List<String> classNames(RunManifest manifest, int classCount) {
        List<String> names =
                manifest.dataset() == null ? List.of() : manifest.dataset().classNames();
        if (names.size() == classCount) {
            return names;
        }
        List<String> indices = new ArrayList<>(classCount);
        for (int i = 0; i < classCount; i++) {
            indices.add(Integer.toString(i));
        }
        return indices;
    }

    static void writeMetrics(Path file, List<EpochMetrics> epochs) throws IOException {
        RunFiles.write(
                file,
                out -> {
                    Writer w = writer(out);
                    w.write(Csv.line(METRICS_HEADER));
                    for (EpochMetrics e : epochs) {
                        w.write(
                                Csv.line(
                                        List.of(
                                                Integer.toString(e.epoch()),
                                                Double.toString(e.trainLoss()),
                                                Double.toString(e.trainAccuracy()),
                                                Double.toString(e.validationLoss()),
                                                Double.toString(e.validationAccuracy()),
                                                Double.toString(e.learningRate()),
                                                Double.toString(e.seconds()))));
                    }
                    w.flush();
                });
    }

    static void writeConfusion(Path file, ConfusionMatrix m, List<String> names)
            throws IOException {
        RunFiles.write(
                file,
                out -> {
                    Writer w = writer(out);
                    List<String> header = new ArrayList<>();
                    header.add(CONFUSION_CORNER);
                    header.addAll(names);
                    w.write(Csv.line(header));
                    for (int a = 0; a < m.classCount(); a++) {
                        List<String> row = new ArrayList<>();
                        row.add(names.get(a));
                        for (int p = 0; p < m.classCount(); p++) {
                            row.add(Long.toString(m.count(a, p)));
                        }
                        w.write(Csv.line(row));
                    }
                    w.flush();
                });
    }

    static void writeClassMetrics(Path file, ClassificationReport r, List<String> names)
            throws IOException {
        RunFiles.write(
                file,
                out -> {
                    Writer w = writer(out);
                    w.write(Csv.line(CLASS_METRICS_HEADER));
                    for (ClassMetrics c : r.perClass()) {
                        w.write(
                                metricsLine(
                                        Integer.toString(c.classIndex()),
                                        names.get(c.classIndex()),
                                        c));
                    }
                    w.write(metricsLine("", "macro avg", r.macro()));
                    w.write(metricsLine("", "weighted avg", r.weighted()));
                    w.flush();
                });
    }

    private static String metricsLine(String index, String name, ClassMetrics c) {
        return Csv.line(
                List.of(
                        index,
                        name,
                        Double.toString(c.precision()),
                        Double.toString(c.recall()),
                        Double.toString(c.f1()),
                        Long.toString(c.support())));
    }

    /**
     * {@code index,actual,predicted,p0..p(K-1)}; the probability columns only when the evaluation
     * holds {@code size × K} of them.
     */
    static void writePredictions(Path file, TestEvaluation test, int classCount)
            throws IOException {
        int[] actual = test.actual();
        int[] predicted = test.predicted();
        float[] probs = test.probabilities();
        boolean withProbs =
                probs != null
                        && classCount > 0
                        && probs.length == (long) actual.length * classCount;
        RunFiles.write(
                file,
                out -> {
                    Writer w = writer(out);
                    StringBuilder b = new StringBuilder("index,actual,predicted");
                    if (withProbs) {
                        for (int k = 0; k < classCount; k++) {
                            b.append(",p").append(k);
                        }
                    }
                    w.write(b.append('\n').toString());
                    for (int i = 0; i < actual.length; i++) {
                        b.setLength(0);
                        b.append(i).append(',').append(actual[i]).append(',').append(predicted[i]);
                        if (withProbs) {
                            for (int k = 0; k < classCount; k++) {
                                b.append(',').append(probs[i * classCount + k]);
                            }
                        }
                        w.write(b.append('\n').toString());
                    }
                    w.flush();
                });
    }

    private static Writer writer(java.io.OutputStream out) {
        return new OutputStreamWriter(out, StandardCharsets.UTF_8);
    }
}
