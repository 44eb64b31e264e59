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
import org.dnw.engine.DjlDatasetDownloader;

/** Finds the data set a command names: a built-in one by name, or a file or folder. */
final class DataSets {

    private DataSets() {}

    /** Names a user may type for the built-in data sets. */
    static final String NAMES =
            "mnist, mnist-sample, fashion-mnist, cifar10, wheat-seeds, or a path";

    static DatasetCatalog catalog() {
        return DatasetCatalog.fromEnvironment(new DjlDatasetDownloader());
    }

    /**
     * Loads {@code name}, printing where it was found and a line of progress every few seconds.
     *
     * @throws DataFormatException when it cannot be found or read
     */
    static LoadedDataset load(String name, PrintWriter out) throws DataFormatException {
        ProgressListener progress = new ThrottledProgress(out);
        BuiltInDataset builtIn = BuiltInDataset.byName(name);
        DatasetCatalog catalog = catalog();
        LoadedDataset data;
        if (builtIn != null) {
            data = catalog.load(builtIn, progress);
        } else {
            Path path = Path.of(name);
            if (!Files.exists(path)) {
                throw new DataFormatException(
                        null, "no data set named '" + name + "' and no such file — use " + NAMES);
            }
            data = catalog.open(path, progress);
        }
        out.printf(
                Locale.ROOT,
                "Data: %s from %s — %,d training and %,d test samples of %s, %d classes%n",
                data.name(),
                data.source(),
                data.train().size(),
                data.test().size(),
                data.train().inputShape(),
                data.train().classCount());
        return data;
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
