package org.dnw.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dnw.eval.ClassificationReport;
import org.dnw.eval.ConfusionMatrix;
import org.dnw.train.ParameterValues;
import org.dnw.train.TrainingEvent.TestEvaluation;

/** Reads a run folder's files back; every failure names the file and what is wrong. */
final class RunReader {

    private RunReader() {}

    /** The summary of one folder: OK, or DAMAGED with the first problem found. */
    static RunSummary summarise(Path folder) {
        RunManifest manifest;
        try {
            manifest = ManifestJson.read(folder.resolve(RunFiles.MANIFEST));
        } catch (IOException | RuntimeException e) {
            // listing must never fail on one bad folder, whatever is wrong with it
            return RunSummary.damaged(folder, problem(e), null);
        }
        try {
            readMetrics(folder.resolve(RunFiles.METRICS), manifest);
            checkModelFiles(folder, manifest);
        } catch (IOException | RuntimeException e) {
            return RunSummary.damaged(folder, problem(e), manifest);
        }
        return RunSummary.ok(folder, manifest);
    }

    static SavedRun load(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new RunFormatException(folder, "is not a run folder (it does not exist)");
        }
        RunManifest m = ManifestJson.read(folder.resolve(RunFiles.MANIFEST));
        List<EpochMetrics> epochs = readMetrics(folder.resolve(RunFiles.METRICS), m);
        List<String> names = m.dataset().classNames();
        ConfusionMatrix matrix = readConfusion(folder.resolve(RunFiles.CONFUSION), names);
        TestEvaluation predictions =
                readPredictions(folder.resolve(RunFiles.PREDICTIONS), matrix.classCount());
        TestEvaluation test =
                new TestEvaluation(
                        m.results().testAccuracy(),
                        m.results().testLoss(),
                        ClassificationReport.of(matrix),
                        predictions.actual(),
                        predictions.predicted(),
                        predictions.probabilities());
        ParameterValues firstLayer = null;
        if (m.firstLayerParameter() != null) {
            Path npy = folder.resolve(RunFiles.FIRST_LAYER_NPY);
            try {
                firstLayer = NpyReader.read(npy, m.firstLayerParameter());
            } catch (NoSuchFileException e) {
                throw new RunFormatException(npy, "is missing", e);
            }
        }
        List<Path> modelFiles = new ArrayList<>();
        for (String name : m.modelFiles()) {
            Path f = folder.resolve(name);
            if (Files.isRegularFile(f)) {
                modelFiles.add(f);
            }
        }
        return new SavedRun(folder, m, epochs, test, firstLayer, modelFiles);
    }

    /** The manifest's model files, which must be listed and present. */
    static void checkModelFiles(Path folder, RunManifest m) throws RunFormatException {
        if (m.modelFiles().isEmpty()) {
            throw new RunFormatException(
                    folder.resolve(RunFiles.MANIFEST),
                    "lists no model params file: the trained model was not saved");
        }
        for (String name : m.modelFiles()) {
            if (!Files.isRegularFile(folder.resolve(name))) {
                throw new RunFormatException(
                        folder.resolve(name),
                        "is missing: the trained model's params cannot be loaded");
            }
        }
    }

    static List<EpochMetrics> readMetrics(Path file, RunManifest m) throws IOException {
        List<List<String>> rows = readCsv(file, RunWriter.METRICS_HEADER.size());
        if (!rows.get(0).equals(RunWriter.METRICS_HEADER)) {
            throw new RunFormatException(
                    file,
                    "does not start with the header " + String.join(",", RunWriter.METRICS_HEADER));
        }
        List<EpochMetrics> out = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            try {
                out.add(
                        new EpochMetrics(
                                Integer.parseInt(r.get(0)),
                                Double.parseDouble(r.get(1)),
                                Double.parseDouble(r.get(2)),
                                Double.parseDouble(r.get(3)),
                                Double.parseDouble(r.get(4)),
                                Double.parseDouble(r.get(5)),
                                Double.parseDouble(r.get(6))));
            } catch (NumberFormatException e) {
                throw new RunFormatException(
                        file, "line " + (i + 1) + " holds a value that is not a number", e);
            }
        }
        int expected = m.results().epochsCompleted();
        if (out.size() != expected) {
            throw new RunFormatException(
                    file,
                    "holds "
                            + out.size()
                            + " epochs but the manifest records "
                            + expected
                            + " (the file looks truncated)");
        }
        return out;
    }

    static ConfusionMatrix readConfusion(Path file, List<String> names) throws IOException {
        List<List<String>> rows = readCsv(file, -1);
        int n = rows.get(0).size() - 1;
        if (n < 1 || rows.size() != n + 1) {
            throw new RunFormatException(
                    file,
                    "is not a square matrix: "
                            + n
                            + " class columns but "
                            + (rows.size() - 1)
                            + " rows");
        }
        if (names.size() == n && !rows.get(0).subList(1, n + 1).equals(names)) {
            throw new RunFormatException(
                    file,
                    "names other classes than the manifest: " + rows.get(0).subList(1, n + 1));
        }
        long[][] counts = new long[n][n];
        for (int a = 0; a < n; a++) {
            List<String> r = rows.get(a + 1);
            if (r.size() != n + 1) {
                throw new RunFormatException(
                        file,
                        "line " + (a + 2) + " has " + r.size() + " values, expected " + (n + 1));
            }
            try {
                for (int p = 0; p < n; p++) {
                    counts[a][p] = Long.parseLong(r.get(p + 1));
                }
            } catch (NumberFormatException e) {
                throw new RunFormatException(
                        file, "line " + (a + 2) + " holds a count that is not a whole number", e);
            }
        }
        try {
            return ConfusionMatrix.fromCounts(counts);
        } catch (IllegalArgumentException e) {
            throw new RunFormatException(file, e.getMessage(), e);
        }
    }

    /** Actual, predicted and (when present) probabilities; accuracy, loss and report unset. */
    static TestEvaluation readPredictions(Path file, int classCount) throws IOException {
        List<List<String>> rows = readCsv(file, -1);
        List<String> header = rows.get(0);
        int columns = header.size();
        boolean withProbs = columns == 3 + classCount;
        if (!header.subList(0, Math.min(3, columns)).equals(List.of("index", "actual", "predicted"))
                || (columns != 3 && !withProbs)) {
            throw new RunFormatException(
                    file,
                    "does not start with the header index,actual,predicted[,p0..p"
                            + (classCount - 1)
                            + "]");
        }
        int n = rows.size() - 1;
        int[] actual = new int[n];
        int[] predicted = new int[n];
        float[] probs = withProbs ? new float[n * classCount] : new float[0];
        for (int i = 0; i < n; i++) {
            List<String> r = rows.get(i + 1);
            if (r.size() != columns) {
                throw new RunFormatException(
                        file,
                        "line "
                                + (i + 2)
                                + " has "
                                + r.size()
                                + " values, expected "
                                + columns
                                + " (the file looks truncated)");
            }
            try {
                actual[i] = Integer.parseInt(r.get(1));
                predicted[i] = Integer.parseInt(r.get(2));
                for (int k = 0; withProbs && k < classCount; k++) {
                    probs[i * classCount + k] = Float.parseFloat(r.get(3 + k));
                }
            } catch (NumberFormatException e) {
                throw new RunFormatException(
                        file, "line " + (i + 2) + " holds a value that is not a number", e);
            }
            if (actual[i] < 0
                    || actual[i] >= classCount
                    || predicted[i] < 0
                    || predicted[i] >= classCount) {
                throw new RunFormatException(
                        file, "line " + (i + 2) + " names a class outside 0.." + (classCount - 1));
            }
        }
        return new TestEvaluation(Double.NaN, Double.NaN, null, actual, predicted, probs);
    }

    /**
     * The records of a CSV file, header first.
     *
     * @param columns the number of values every line must have; -1 for any
     */
    static List<List<String>> readCsv(Path file, int columns) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isEmpty()) {
                    continue;
                }
                List<String> fields;
                try {
                    fields = Csv.parse(line);
                } catch (IllegalArgumentException e) {
                    throw new RunFormatException(file, "line " + number + ": " + e.getMessage(), e);
                }
                if (columns > 0 && fields.size() != columns) {
                    throw new RunFormatException(
                            file,
                            "line "
                                    + number
                                    + " has "
                                    + fields.size()
                                    + " values, expected "
                                    + columns
                                    + " (the file looks truncated)");
                }
                rows.add(fields);
            }
        } catch (NoSuchFileException e) {
            throw new RunFormatException(file, "is missing", e);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new RunFormatException(file, "is not UTF-8 text", e);
        }
        if (rows.isEmpty()) {
            throw new RunFormatException(file, "is empty");
        }
        return rows;
    }

    /** The exception's sentence, for a damaged run's reason. */
    static String problem(Exception e) {
        if (e instanceof RunFormatException) {
            return e.getMessage();
        }
        return "the run's files cannot be read ("
                + (e.getMessage() == null ? e.toString() : e.getMessage())
                + ")";
    }
}
