package org.dnw.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dnw.store.RunStore;
import picocli.CommandLine.Parameters;

/** The {@code RUN...} arguments of the commands that take one or more saved runs. */
final class RunsArgument {

    @Parameters(
            paramLabel = "RUN",
            arity = "1..*",
            description = "run folders, names under saved-models/, or their starts")
    List<String> runs;

    /** The runs' folders, in the order given; see {@link Runs#resolve}. */
    List<Path> folders(RunStore store) throws IOException {
        List<Path> folders = new ArrayList<>();
        for (String r : runs) {
            folders.add(Runs.resolve(r, store));
        }
        return folders;
    }
}
