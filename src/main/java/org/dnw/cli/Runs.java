package org.dnw.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dnw.store.RunStore;
import org.dnw.store.RunSummary;

/** Finds the saved run a command names. */
final class Runs {

    private Runs() {}

    /**
     * The folder of {@code name}: a path to a run folder, a folder name under the store, or the
     * start of one (when only one run matches).
     *
     * @throws IllegalArgumentException when nothing or several runs match
     */
    static Path resolve(String name, RunStore store) throws IOException {
        Path direct = Path.of(name);
        if (Files.isDirectory(direct) && Files.exists(direct.resolve("manifest.json"))) {
            return direct;
        }
        Path inStore = store.root().resolve(name);
        if (Files.isDirectory(inStore)) {
            return inStore;
        }
        List<RunSummary> runs = store.list();
        List<RunSummary> matching =
                runs.stream()
                        .filter(r -> r.folderName().startsWith(name) || r.runName().equals(name))
                        .toList();
        if (matching.size() == 1) {
            return matching.get(0).folder();
        }
        if (matching.isEmpty()) {
            throw new IllegalArgumentException(
                    "no saved run '"
                            + name
                            + "' in "
                            + store.root()
                            + " — 'workbench runs' lists them");
        }
        throw new IllegalArgumentException(
                "'"
                        + name
                        + "' matches "
                        + matching.size()
                        + " runs ("
                        + String.join(", ", matching.stream().map(RunSummary::folderName).toList())
                        + ") — give more of the folder name");
    }
}
