package org.dnw.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.prefs.Preferences;
import org.dnw.data.BuiltInDataset;
import org.dnw.data.DataNotFoundException;
import org.dnw.data.DatasetCatalog;
import org.dnw.data.DatasetEntry;
import org.dnw.data.LoadedDataset;
import org.dnw.data.ProgressListener;
import org.dnw.data.TableLayout;
import org.dnw.ui.data.DatasetChoice;
import org.dnw.ui.data.DatasetNotFoundException;
import org.dnw.ui.data.DatasetPreview;
import org.dnw.ui.data.DatasetSource;
import org.dnw.ui.data.ProgressSink;

/**
 * The Data tab's port implemented with the data catalog. A folder the user picks for a missing
 * built-in data set is remembered (Java preferences) and searched first next time. Called on
 * background threads only.
 */
final class CatalogDatasetSource implements DatasetSource {

    private static final String FOLDER_KEY = "dataset-folder.";

    private final DatasetCatalog catalog;
    private final Preferences preferences;

    CatalogDatasetSource(DatasetCatalog catalog, Preferences preferences) {
        this.catalog = catalog;
        this.preferences = preferences;
    }

    /** The choice id of a built-in data set, e.g. "fashion-mnist". */
    static String id(BuiltInDataset dataset) {
        return dataset.folderName();
    }

    @Override
    public List<DatasetChoice> choices() {
        List<DatasetChoice> out = new ArrayList<>();
        for (BuiltInDataset d : BuiltInDataset.values()) {
            DatasetEntry entry = catalog.entry(d);
            Path remembered = remembered(d);
            String availability =
                    switch (entry.availability()) {
                        case LOCAL -> "found at " + entry.location();
                        case DOWNLOADABLE -> "will download on first use";
                        case MISSING ->
                                remembered != null
                                        ? "found at " + remembered
                                        : "missing — choose the folder that holds it";
                    };
            out.add(
                    new DatasetChoice(
                            id(d),
                            d.displayName(),
                            availability,
                            entry.availability() != DatasetEntry.Availability.MISSING
                                    || remembered != null));
        }
        return out;
    }

    @Override
    public DatasetPreview load(String choiceId, ProgressSink progress, BooleanSupplier cancelled)
            throws Exception {
        BuiltInDataset dataset = builtIn(choiceId);
        try {
            return preview(catalog.load(dataset, listener(progress, cancelled)));
        } catch (DataNotFoundException e) {
            Path remembered = remembered(dataset);
            if (remembered != null) {
                return loadFrom(choiceId, remembered, progress, cancelled);
            }
            throw new DatasetNotFoundException(e.getMessage(), e);
        }
    }

    @Override
    public DatasetPreview loadFrom(
            String choiceId, Path folder, ProgressSink progress, BooleanSupplier cancelled)
            throws Exception {
        BuiltInDataset dataset = builtIn(choiceId);
        ProgressListener listener = listener(progress, cancelled);
        // The folder may be the data root (holding mnist/, cifar10/ …) or the data set's own one.
        for (Path root : roots(folder, dataset)) {
            DatasetCatalog here =
                    new DatasetCatalog(catalog.locations().withWorkbenchData(root), null);
            if (here.entry(dataset).isLocal()) {
                LoadedDataset data = here.load(dataset, listener);
                preferences.put(FOLDER_KEY + dataset.name(), root.toString());
                return preview(data);
            }
        }
        throw new DatasetNotFoundException(
                folder
                        + " does not hold "
                        + dataset.displayName()
                        + ": expected "
                        + String.join(", ", dataset.expectedFiles())
                        + " in it or in its "
                        + dataset.folderName()
                        + "/ folder");
    }

    @Override
    public DatasetPreview open(Path path, ProgressSink progress, BooleanSupplier cancelled)
            throws Exception {
        return open(path, null, progress, cancelled);
    }

    @Override
    public DatasetPreview open(
            Path path, String labelColumn, ProgressSink progress, BooleanSupplier cancelled)
            throws Exception {
        return preview(catalog.open(path, labelColumn, listener(progress, cancelled)));
    }

    @Override
    public TableLayout tableLayout(Path path) {
        return catalog.tableLayout(path);
    }

    private static List<Path> roots(Path folder, BuiltInDataset dataset) {
        List<Path> roots = new ArrayList<>();
        roots.add(folder);
        Path parent = folder.toAbsolutePath().getParent();
        if (parent != null
                && folder.getFileName() != null
                && folder.getFileName().toString().equalsIgnoreCase(dataset.folderName())) {
            roots.add(0, parent);
        }
        return roots;
    }

    private Path remembered(BuiltInDataset dataset) {
        String value = preferences.get(FOLDER_KEY + dataset.name(), null);
        if (value == null) {
            return null;
        }
        Path root = Path.of(value);
        return Files.isDirectory(root) ? root : null;
    }

    private static BuiltInDataset builtIn(String id) {
        BuiltInDataset dataset = BuiltInDataset.byName(id);
        if (dataset == null) {
            throw new IllegalArgumentException("no built-in data set '" + id + "'");
        }
        return dataset;
    }

    private static DatasetPreview preview(LoadedDataset data) {
        return new DatasetPreview(
                data.name(),
                data.source().isEmpty() ? "" : "read from " + data.source(),
                data.train(),
                null,
                data.test(),
                data.fileSha256(),
                data.origin());
    }

    private static ProgressListener listener(ProgressSink sink, BooleanSupplier cancelled) {
        return (stage, done, total) -> {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("cancelled");
            }
            sink.report(stage, done, total);
        };
    }
}
