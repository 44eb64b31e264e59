package org.dnw.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dnw.runs.SlurmCluster;
import org.dnw.runs.SlurmJobScript;
import org.dnw.runs.SlurmStates.TaskState;
import org.dnw.runs.SlurmSweep;

/** {@code sweep --status SWEEP}: Slurm's task states merged with the runs saved so far. */
final class SlurmSweepStatus {

    private SlurmSweepStatus() {}

    static int print(PrintWriter out, Path sweep, Path runsDir)
            throws IOException, InterruptedException {
        SlurmSweep.Status status =
                SlurmSweep.status(
                        SlurmSweep.find(sweep, runsDir), SlurmCluster.find(System.getenv("PATH")));
        SlurmSweep.Record record = status.record();
        if (!status.slurmAsked()) {
            out.println("(no Slurm here: the states come from the run folders only)");
        }
        List<SlurmSweep.StatusRow> rows = status.rows();
        Map<TaskState, Integer> counts = new EnumMap<>(TaskState.class);
        rows.forEach(r -> counts.merge(r.state(), 1, Integer::sum));
        StringBuilder summary = new StringBuilder();
        counts.forEach(
                (k, v) ->
                        summary.append(summary.length() == 0 ? "" : ", ")
                                .append(v)
                                .append(' ')
                                .append(k.label()));
        out.printf(
                Locale.ROOT,
                "Sweep %s: job %s, %d points: %s%n",
                record.name(),
                record.jobId() == null ? "(not submitted)" : record.jobId(),
                rows.size(),
                summary);
        String head = "%-5s %-28s %-9s %-12s %9s  %s%n";
        out.printf(Locale.ROOT, head, "point", "settings", "state", "slurm", "test acc", "run");
        for (SlurmSweep.StatusRow r : rows) {
            out.printf(
                    Locale.ROOT,
                    head,
                    r.point().index(),
                    r.point().label(),
                    r.state().label(),
                    r.slurmState().isEmpty() ? "-" : r.slurmState(),
                    r.run() == null ? "" : Tables.pct(r.run().testAccuracy()),
                    r.run() == null
                            ? (r.point().problem() == null ? "" : r.point().problem())
                            : r.run().folderName());
        }
        String interrupted =
                rows.stream()
                        .filter(r -> r.state() == TaskState.INTERRUPTED)
                        .map(r -> String.valueOf(r.point().index()))
                        .collect(java.util.stream.Collectors.joining(","));
        if (!interrupted.isEmpty()) {
            // Slurm's own resubmission; each task resumes its run from its last checkpoint
            out.println(
                    "Resubmit the interrupted points (they go on from their checkpoints): sbatch"
                            + " --array="
                            + interrupted
                            + " "
                            + SlurmJobScript.shellWord(
                                    status.folder().resolve(SlurmSweep.SCRIPT_FILE).toString()));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
