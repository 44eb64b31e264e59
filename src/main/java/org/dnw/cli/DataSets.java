package org.dnw.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.dnw.data.BuiltInDataset;
import org.dnw.data.DataFormatException;
import org.dnw.data.DatasetCatalog;
import org.dnw.data.LoadedDataset;
import org.dnw.data.ProgressListener;
import org.dnw.data.TableLayout;
import org.dnw.engine.DjlDatasetDownloader;
import org.dnw.store.DatasetInfo;
import org.dnw.store.RunData;

/** Finds the data set a command names: a built-in one by name, or a file or folder. */
final class DataSets {

    private DataSets() {}

    /** Names a user may type for the built-in data sets. */
    static final String NAMES =
            "mnist, mnist-sample, fashion-mnist, cifar10, wheat-seeds, or a path";

    static DatasetCatalog catalog() {
        return DatasetCatalog.fromEnvironment(new DjlDatasetDownloader());
    }

    /** Description of the {@code --label-column} option, the same on every command. */
    static final String LABEL_COLUMN_HELP =
            "for a table given by its path: the label column, by its header name or its number"
                    + " counting from 1 (-1 = the last); default: a header cell named class, label,"
                    + " target, species, type or y, else the last column";

    /** As {@link #load(String, String, PrintWriter)}, the label column of a table guessed. */
    static LoadedDataset load(String name, PrintWriter out) throws DataFormatException {
        return load(name, null, out);
    }

    /**
     * Loads {@code name}, printing where it was found, a table's label column and a line of
     * progress every few seconds.
     *
     * @param labelColumn a table's label column (name or number from 1), null to guess it
     * @throws DataFormatException when it cannot be found or read
     */
    static LoadedDataset load(String name, String labelColumn, PrintWriter out)
            throws DataFormatException {
        ProgressListener progress = new ThrottledProgress(out);
        BuiltInDataset builtIn = BuiltInDataset.byName(name);
        DatasetCatalog catalog = catalog();
        LoadedDataset data;
        if (builtIn != null) {
            if (labelColumn != null) {
                throw new IllegalArgumentException(
                        "--label-column is for a table given by its path; "
                                + builtIn.displayName()
                                + " has its label column already");
            }
            data = catalog.load(builtIn, progress);
        } else {
            Path path = Path.of(name);
            if (!Files.exists(path)) {
                throw new DataFormatException(
                        null, "no data set named '" + name + "' and no such file — use " + NAMES);
            }
            data = catalog.open(path, labelColumn, progress);
        }
        describe(data, out);
        return data;
    }

    /**
     * Reads the data a saved run was trained on again (its recorded path, else its built-in name)
     * and prints it as {@link #load} does.
     */
    static LoadedDataset loadRun(DatasetInfo trainedOn, PrintWriter out)
            throws DataFormatException {
        LoadedDataset data = RunData.load(catalog(), trainedOn, new ThrottledProgress(out));
        describe(data, out);
        return data;
    }

    private static void describe(LoadedDataset data, PrintWriter out) {
        out.printf(
                Locale.ROOT,
                "Data: %s from %s — %,d training and %,d test samples of %s, %d classes%n",
                data.name(),
                data.source(),
                data.train().size(),
                data.test().size(),
                data.train().inputShape(),
                data.train().classCount());
        if (data.origin() != null && data.origin().table() != null) {
            TableLayout layout = data.origin().table();
            out.printf(
                    Locale.ROOT,
                    "Label: %s, %s%s%n",
                    layout.labelName(),
                    layout.reason(),
                    layout.guessed() ? " (choose another with --label-column)" : "");
        }
    }

    /** A data set's name for run names: "Fashion-MNIST" → "fashion-mnist". */
    static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return s.replaceAll("^-+|-+$", "");
    }

    /** Prints a progress line at most every 2 s (and at the end of each stage). */
    private static final class ThrottledProgress implements ProgressListener {
        private final PrintWriter out;
        private long last;
        private String lastStage = "";

        ThrottledProgress(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void progress(String stage, long done, long total) {
            long now = System.currentTimeMillis();
            boolean end = total > 0 && done >= total;
            if (!stage.equals(lastStage) || now - last > 2000 || end) {
                if (stage.equals(lastStage) && !end && now - last <= 2000) {
                    return;
                }
                last = now;
                lastStage = stage;
                out.println(
                        total > 0
                                ? String.format(
                                        Locale.ROOT, "  %s … %.0f%%", stage, 100.0 * done / total)
                                : "  " + stage + " …");
                out.flush();
            }
        }
    }
}
