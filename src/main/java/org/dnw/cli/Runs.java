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

    /**
     * The draft folder of the run {@code name} names, for {@code --resume}: a draft folder, or a
     * run listed by 'runs' (its listed name, the start of it, or its run name); it must be
     * interrupted.
     */
    static Path resolveInterrupted(String name, RunStore store) throws IOException {
        Path direct = Path.of(name);
        if (Files.isDirectory(direct)) {
            if (Files.exists(direct.resolve(MANIFEST))) {
                throw complete(name);
            }
            if (direct.getFileName().toString().startsWith(".tmp-")) {
                return statusChecked(direct.toAbsolutePath().normalize(), store);
            }
        }
        List<RunSummary> matching =
                store.list().stream()
                        .filter(
                                r ->
                                        r.folderName().startsWith(name)
                                                || name.equals(r.runName())
                                                || r.folder().equals(store.root().resolve(name)))
                        .toList();
        List<RunSummary> live = matching.stream().filter(RunSummary::isLive).toList();
        if (live.isEmpty()) {
            if (!matching.isEmpty()) {
                throw complete(matching.get(0).folderName());
            }
            throw new IllegalArgumentException(
                    "no run '" + name + "' in " + store.root() + " — 'workbench runs' lists them");
        }
        List<RunSummary> interrupted =
                live.stream().filter(r -> r.status() == RunStatus.INTERRUPTED).toList();
        if (interrupted.size() == 1) {
            return interrupted.get(0).folder();
        }
        if (interrupted.isEmpty()) {
            throw new CliFailure.Exit(
                    ExitCodes.RUN_STILL_TRAINING,
                    live.get(0).folderName()
                            + " is still training in another process: it cannot be resumed"
                            + " — 'workbench runs --watch' follows it");
        }
        throw new IllegalArgumentException(
                "'"
                        + name
                        + "' matches "
                        + interrupted.size()
                        + " interrupted runs ("
                        + String.join(
                                ", ", interrupted.stream().map(RunSummary::folderName).toList())
                        + ") — give more of the name");
    }

    private static Path statusChecked(Path draft, RunStore store) throws IOException {
        for (RunSummary r : store.list()) {
            if (r.folder().toAbsolutePath().normalize().equals(draft)
                    && r.status() == RunStatus.RUNNING) {
                throw new CliFailure.Exit(
                        ExitCodes.RUN_STILL_TRAINING,
                        r.folderName()
                                + " is still training in another process: it cannot be resumed"
                                + " — 'workbench runs --watch' follows it");
            }
        }
        return draft;
    }

    private static CliFailure.Exit complete(String name) {
        return new CliFailure.Exit(
                ExitCodes.RUN_COMPLETE,
                name
                        + " is a complete run: there is nothing to resume — 'workbench runs' lists it");
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
