package org.dnw.runs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An interrupted run continued in a process of its own, {@code workbench train --resume RUN}: the
 * one way to resume (the command line's), started for the window's Resume. The run then trains
 * whether or not the window stays open, and every window follows it through the runs folder like
 * any other process's run. The child's output goes to a log file of its own, whose last line is the
 * command line's sentence when it could not resume.
 */
public final class ResumeProcess {

    /**
     * How the child ended.
     *
     * @param exitCode its exit status (0: the run completed and was published)
     * @param lastLine the last non-blank line of its output (the sentence of a failure), or ""
     * @param log the file holding all its output
     */
    public record Ended(int exitCode, String lastLine, Path log) {}

    private ResumeProcess() {}

    /**
     * Starts {@code workbench train --resume FOLDER --runs-dir ROOT} and returns when it has
     * started.
     *
     * @param workbench the command that runs the workbench's command line (e.g. {@code
     *     [bin/workbench]} or {@code [java, -cp, ..., org.dnw.cli.WorkbenchCommand]})
     * @param runFolder the interrupted run's draft folder
     * @param runsRoot the runs folder it lies in
     * @return completes, on a thread of the process API, when the child has ended
     * @throws IOException when the process cannot be started
     */
    public static CompletableFuture<Ended> start(
            List<String> workbench, Path runFolder, Path runsRoot) throws IOException {
        List<String> command = new ArrayList<>(workbench);
        command.addAll(
                List.of(
                        "train",
                        "--resume",
                        runFolder.toAbsolutePath().toString(),
                        "--runs-dir",
                        runsRoot.toAbsolutePath().toString()));
        Path log = Files.createTempFile("workbench-resume-", ".log");
        Process process =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        process.getOutputStream().close(); // nothing to type: its standard input ends at once
        return process.onExit().thenApply(p -> new Ended(p.exitValue(), lastLine(log), log));
    }

    /** The last non-blank line of {@code log}; "" when none or unreadable. */
    static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).isBlank()) {
                    return lines.get(i).strip();
                }
            }
        } catch (IOException e) {
            // unreadable: no sentence to show
        }
        return "";
    }
}
