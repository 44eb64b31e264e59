package org.dnw.ui.data;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.dnw.data.DatasetCatalog;
import org.dnw.data.LoadedDataset;
import org.dnw.data.TableLayout;

/**
 * The real data catalog behind the Data tab's port, as the application wires it (without its
 * preferences or built-in sets): for view-model tests and showcases on real files.
 */
final class CatalogDatasetPort implements DatasetSource {
    final DatasetCatalog catalog =
            new DatasetCatalog(
                    new DatasetCatalog.Locations(null, null, null, null, List.of(), null), null);

    @Override
    public List<DatasetChoice> choices() {
        return List.of();
    }

    @Override
    public DatasetPreview load(String id, ProgressSink p, BooleanSupplier c) {
        throw new UnsupportedOperationException();
    }

    @Override
    public DatasetPreview loadFrom(String id, Path f, ProgressSink p, BooleanSupplier c) {
        throw new UnsupportedOperationException();
    }

    @Override
    public DatasetPreview open(Path path, ProgressSink p, BooleanSupplier c) throws Exception {
        return open(path, null, p, c);
    }

    @Override
    public DatasetPreview open(Path path, String column, ProgressSink p, BooleanSupplier c)
            throws Exception {
        LoadedDataset d = catalog.open(path, column, (stage, done, total) -> {});
        return new DatasetPreview(
                d.name(), d.source(), d.train(), null, d.test(), d.fileSha256(), d.origin());
    }

    @Override
    public TableLayout tableLayout(Path path) {
        return catalog.tableLayout(path);
    }
}
