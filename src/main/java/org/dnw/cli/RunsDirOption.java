package org.dnw.cli;

import java.nio.file.Path;
import org.dnw.store.RunStore;
import picocli.CommandLine.Option;

/** The {@code --runs-dir} option of every command that reads or saves runs. */
final class RunsDirOption {

    @Option(
            names = "--runs-dir",
            defaultValue = "saved-models",
            description = "where runs are saved (default: ${DEFAULT-VALUE})")
    Path runsDir;

    /** The folder as given. */
    Path path() {
        return runsDir;
    }

    /** The store there; see {@link Runs#store}. */
    RunStore store() {
        return Runs.store(runsDir);
    }
}
