package org.dnw.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dnw.data.BuiltInDataset;
import org.dnw.data.DatasetCatalog;
import org.dnw.data.DatasetEntry;
import org.dnw.store.DatasetInfo;
import org.dnw.store.RunRecipe;

/**
 * Where the exported scripts find the run's data, as the workbench resolves it at export time: the
 * absolute path recorded in the manifest when the data was opened from a path; for a built-in set,
 * where the catalog finds it now ({@code WORKBENCH_DATA}, the user's data folder, DJL's cache, the
 * MNIST sample under {@code assets/}); else the recipe's path when it exists. Files are only looked
 * at, never read. Immutable.
 *
 * @param path the absolute path, or null when the data is not on this computer now (the scripts
 *     then ask for {@code --data PATH})
 * @param labelColumn a table's label column as the workbench recorded it (a header name or a number
 *     counting from 1), null to let the scripts guess as the workbench does
 * @param tableClasses the class names a built-in table's sorted labels get (the wheat seeds), null
 *     for the labels themselves
 * @param description the data set as a person names it, e.g. "MNIST (sample)"
 */
record ScriptData(String path, String labelColumn, List<String> tableClasses, String description) {

    /** Resolves the data of {@code run} with the catalog of this process's environment. */
    static ScriptData of(ExportedRun run) {
        return of(run, DatasetCatalog.Locations.fromEnvironment());
    }

    /** Resolves the data of {@code run} with the catalog looking in {@code locations}. */
    static ScriptData of(ExportedRun run, DatasetCatalog.Locations locations) {
        DatasetInfo info = run.run().manifest().dataset();
        RunRecipe.DataReference ref = run.recipe().map(RunRecipe::data).orElse(null);
        String name = info != null ? info.name() : ref != null ? ref.dataset() : "the data";
        if (info != null && info.path() != null) {
            return new ScriptData(info.path(), info.labelColumn(), null, name);
        }
        BuiltInDataset builtIn = BuiltInDataset.byName(name);
        if (builtIn == null && ref != null) {
            builtIn = BuiltInDataset.byName(ref.dataset());
        }
        String labelColumn = ref == null ? null : ref.labelColumn();
        if (builtIn != null) {
            DatasetEntry entry = new DatasetCatalog(locations, null).entry(builtIn);
            List<String> classes = builtIn.isImages() ? null : List.copyOf(builtIn.classNames());
            String path =
                    entry.isLocal() && entry.location() != null
                            ? entry.location().toAbsolutePath().normalize().toString()
                            : null;
            return new ScriptData(path, null, classes, builtIn.displayName());
        }
        if (ref != null && ref.dataset() != null) {
            Path p = Path.of(ref.dataset()).toAbsolutePath().normalize();
            return new ScriptData(Files.exists(p) ? p.toString() : null, labelColumn, null, name);
        }
        return new ScriptData(null, labelColumn, null, name);
    }
}
