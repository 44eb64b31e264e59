package org.dnw.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dnw.store.RunStatus;
import org.dnw.store.RunStore;
import org.dnw.store.RunSummary;

/** Finds the saved runs a command names, and the folder they are saved in. */
final class Runs {

    private static final String MANIFEST = "manifest.json";

    private Runs() {}

    /**
     * The store at {@code runsDir}, which may not exist yet (nothing saved) but must not be a file.
     *
     * @throws IllegalArgumentException when {@code runsDir}, or the nearest existing folder above
     *     it, is a file
     */
    static RunStore store(Path runsDir) {
        CliPaths.requireFolderOrCreatable("--runs-dir", runsDir, "the folder where runs are saved");
        return new RunStore(runsDir);
    }

    /**
     * The folder of {@code name}: a path to a run folder, a folder name under the store, or the
     * start of one (when only one run matches).
     *
     * @throws IllegalArgumentException when nothing or several runs match, or {@code name} is a
     *     folder or file that is not a run
     */
    static Path resolve(String name, RunStore store) throws IOException {
        Path direct = Path.of(name);
        if (Files.isDirectory(direct) && Files.exists(direct.resolve(MANIFEST))) {
            return direct;
        }
        Path inStore = store.root().resolve(name);
        if (Files.isDirectory(inStore) && store.root().equals(inStore.getParent())) {
            // a folder of the store: a run, perhaps a damaged one, which loading then reports
            return inStore;
        }
        if (Files.isDirectory(direct)) {
            throw notARun(name);
        }
        if (Files.isRegularFile(direct)) {
            throw new IllegalArgumentException(
                    name + " is a file, not a saved run's folder — 'workbench runs' lists them");
        }
        List<RunSummary> runs = store.list();
        List<RunSummary> matching =
                runs.stream()
                        .filter(r -> r.folderName().startsWith(name) || r.runName().equals(name))
                        .toList();
        if (matching.size() == 1) {
            RunSummary run = matching.get(0);
            if (run.isLive()) {
                throw notComplete(run);
            }
            return run.folder();
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

    /** A running or interrupted run has no test results or saved network yet. */
    private static IllegalArgumentException notComplete(RunSummary run) {
        String epochs = run.epochsCompleted() + (run.epochsCompleted() == 1 ? " epoch" : " epochs");
        return new IllegalArgumentException(
                run.status() == RunStatus.RUNNING
                        ? run.runName()
                                + " is still training ("
                                + epochs
                                + " done): it has no test results or saved network until it"
                                + " completes — 'workbench runs --watch' follows it"
                        : run.runName()
                                + " was interrupted after "
                                + epochs
                                + ": it has no test results or saved network — 'workbench runs'"
                                + " shows its figures so far");
    }

    private static IllegalArgumentException notARun(String name) {
        return new IllegalArgumentException(
                name
                        + " is a folder but not a saved run (it has no "
                        + MANIFEST
                        + ") — name a run folder; 'workbench runs' lists them");
    }
}
