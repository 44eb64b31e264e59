package org.dnw.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.dnw.runs.SlurmCluster;
import org.dnw.runs.SlurmJobScript;
import org.dnw.runs.SlurmOptions;
import org.dnw.runs.SlurmSubmitter;
import org.dnw.runs.SlurmSweep;

/**
 * {@code sweep FILE --slurm}: sends the sweep with {@link SlurmSubmitter} (the window's way too)
 * and prints what was submitted and how to follow it. A refused submission leaves no folder behind.
 */
final class SlurmSubmission {

    private final SlurmSweepOptions slurm;
    private final Path runsDir;
    private final PrintWriter out;
    private final PrintWriter err;

    SlurmSubmission(SlurmSweepOptions slurm, Path runsDir, PrintWriter out, PrintWriter err) {
        this.slurm = slurm;
        this.runsDir = runsDir.toAbsolutePath().normalize();
        this.out = out;
        this.err = err;
    }

    int submit(Path sweepFile, SweepCommand.SweepFile sweep) throws Exception {
        SlurmOptions options = slurm.options();
        Path launcher = slurm.launcher();
        slurm.checkLauncher(launcher);
        SlurmCluster cluster = slurm.cluster();
        SlurmSubmitter.notSharedWarning(runsDir, "use --runs-dir")
                .ifPresent(
                        w -> {
                            err.println("Warning: " + w);
                            err.flush();
                        });
        SlurmSubmitter.Request request =
                new SlurmSubmitter.Request(
                        sweep.name(),
                        sweep.dataset(),
                        sweep.trainSubset(),
                        sweep.plan(),
                        options,
                        launcher,
                        runsDir,
                        sweepFile);
        if (slurm.dryRun) {
            // a dry run shows the folder a real submission would make now, time stamp and all
            Path folder = SlurmSweep.folderFor(runsDir, sweep.name(), java.time.Instant.now());
            SlurmJobScript script =
                    SlurmSubmitter.script(request, folder, SlurmSubmitter.points(request));
            out.print(script.text());
            out.println(
                    "# dry run: nothing was written or submitted; the sweep folder would be "
                            + folder);
            out.flush();
            return ExitCodes.OK;
        }
        SlurmSubmitter.Submitted submitted;
        try {
            submitted = SlurmSubmitter.submit(cluster, request);
        } catch (SlurmCluster.SubmissionRefused e) {
            throw new CliFailure.Exit(
                    ExitCodes.SUBMISSION_REFUSED,
                    "Slurm refused the sweep: " + e.getMessage() + ". Nothing was submitted.");
        }
        List<SlurmSweep.PointRecord> records = submitted.record().points();
        for (SlurmSweep.PointRecord r : records) {
            if (r.problem() != null) {
                out.printf(
                        Locale.ROOT,
                        "  point %d (%s) is left out: %s%n",
                        r.index(),
                        r.label(),
                        r.problem());
            }
        }
        String jobId = submitted.jobId();
        Path folder = submitted.folder();
        out.printf(
                Locale.ROOT,
                "Submitted job %s: array %s, %d task(s) of %d CPU(s) each, into %s%n",
                jobId,
                submitted.script().arraySpec(),
                submitted.script().tasks().size(),
                options.cpusPerTask(),
                runsDir);
        out.println("Sweep folder: " + folder);
        out.println(
                "Follow it:    workbench sweep --status "
                        + SlurmJobScript.shellWord(folder.toString()));
        out.println(
                "              squeue -j " + jobId + "   (logs: " + folder.resolve("logs") + ")");
        out.println("Cancel it:    scancel " + jobId);
        out.flush();
        return ExitCodes.OK;
    }
}
