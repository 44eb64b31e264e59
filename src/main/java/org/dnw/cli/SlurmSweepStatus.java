package org.dnw.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.dnw.runs.SlurmCluster;
import org.dnw.runs.SlurmStates.TaskState;
import org.dnw.runs.SlurmSweep;
import org.dnw.store.RunStore;

/** {@code sweep --status SWEEP}: Slurm's task states merged with the runs saved so far. */
final class SlurmSweepStatus {

    private SlurmSweepStatus() {}

    static int print(PrintWriter out, Path sweep, Path runsDir)
            throws IOException, InterruptedException {
        Path folder = find(sweep, runsDir);
        SlurmSweep.Record record = SlurmSweepRecords.read(folder);
        Map<Integer, String> slurm = Map.of();
        Optional<SlurmCluster> cluster = SlurmCluster.find(System.getenv("PATH"));
        if (record.jobId() != null && cluster.isPresent()) {
            slurm = cluster.get().states(record.jobId());
        } else if (record.jobId() != null) {
            out.println("(no Slurm here: the states come from the run folders only)");
        }
        List<SlurmSweep.StatusRow> rows =
                SlurmSweep.status(
                        record,
                        slurm,
                        new RunStore(Path.of(record.runsDir())).list(),
                        folder.resolve("logs"));
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
        out.flush();
        return ExitCodes.OK;
    }

    /** The folder itself, or the one sweep under {@code <runs>/.sweeps} whose name holds it. */
    private static Path find(Path sweep, Path runsDir) throws IOException {
        if (Files.isDirectory(sweep)) {
            return sweep;
        }
        Path sweeps = runsDir.resolve(SlurmSweep.SWEEPS_FOLDER);
        List<Path> matches = new ArrayList<>();
        if (Files.isDirectory(sweeps)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(sweeps)) {
                for (Path p : entries) {
                    if (p.getFileName().toString().contains(sweep.toString())) {
                        matches.add(p);
                    }
                }
            }
        }
        if (matches.size() != 1) {
            throw new IllegalArgumentException(
                    (matches.isEmpty()
                                    ? "no sweep sent to Slurm matches '"
                                    : "several sweeps match '")
                            + sweep
                            + "' — name its folder (printed at submission) or one of "
                            + sweeps);
        }
        return matches.get(0);
    }
}
