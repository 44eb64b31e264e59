package org.dnw.ui.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.dnw.runs.ResumeProcess;

/** How the Runs tab's Resume continues an interrupted run: in a process of its own. */
@FunctionalInterface
public interface RunResumer {

    /**
     * Starts resuming the interrupted run in {@code folder}.
     *
     * @return completes when the resuming process has ended
     * @throws IOException when it cannot be started
     */
    CompletableFuture<ResumeProcess.Ended> resume(Path folder) throws IOException;
}
