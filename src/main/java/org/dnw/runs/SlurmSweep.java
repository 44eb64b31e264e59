package org.dnw.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dnw.runs.SlurmStates.TaskState;
import org.dnw.store.RunStatus;
import org.dnw.store.RunStore;
import org.dnw.store.RunSummary;

/**
 * A sweep sent to Slurm, on disk: the folder {@code <runs>/.sweeps/<time>-<name>/} holds the sweep
 * file's copy, one network file per point ({@code points/point-<i>.json}), the job script {@code
 * job.sbatch}, the tasks' logs ({@code logs/slurm-<job>_<task>.out}) and {@code sweep-slurm.json}
 * (points, run names, the job id once submitted). The runs themselves are ordinary runs in the runs
 * folder. The folder is hidden, so {@code runs} does not list it as a damaged run.
 */
public final class SlurmSweep {

    /** The hidden folder of the runs folder that holds the sweeps sent to a cluster. */
    public static final String SWEEPS_FOLDER = ".sweeps";

    public static final String RECORD_FILE = "sweep-slurm.json";
    public static final String SCRIPT_FILE = "job.sbatch";

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /**
     * One point of the sweep.
     *
     * @param index the point's index, also its array task id
     * @param label e.g. "lr=0.001 batch=32"
     * @param runName the name its run is saved under
     * @param problem why the point cannot run (it is left out of the array), or null
     */
    public record PointRecord(int index, String label, String runName, String problem) {}

    /**
     * What {@code sweep --status} needs.
     *
     * @param name the sweep's name
     * @param createdAt when the folder was made (ISO-8601, UTC)
     * @param runsDir the absolute runs folder the tasks save into
     * @param jobId Slurm's job id, or null before submission
     * @param points every point, runnable or not
     */
    public record Record(
            String name, String createdAt, String runsDir, String jobId, List<PointRecord> points) {
        public Record {
            points = List.copyOf(points);
        }

        public Record withJobId(String id) {
            return new Record(name, createdAt, runsDir, id, points);
        }
    }

    /**
     * One line of {@code sweep --status}.
     *
     * @param point the point
     * @param state merged from Slurm and the run folders: a saved run is DONE whatever Slurm says
     * @param slurmState Slurm's own state name, or "" when Slurm no longer knows the task
     * @param run the saved run, or null
     */
    public record StatusRow(
            PointRecord point, TaskState state, String slurmState, RunSummary run) {}

    private SlurmSweep() {}

    /**
     * Makes a new, empty sweep folder under {@code runsDir}, named after the time and the sweep.
     */
    public static Path createFolder(Path runsDir, String name, Instant now) throws IOException {
        Path folder = folderFor(runsDir, name, now);
        Files.createDirectories(folder.resolve("points"));
        Files.createDirectories(folder.resolve("logs"));
        return folder;
    }

    /**
     * The folder {@link #createFolder} would make now, {@code <runs>/.sweeps/<time>-<name>[-n]},
     * without making it: what a dry run shows. Another sweep started in the same second may take it
     * first; {@code createFolder} then picks the next free name.
     */
    public static Path folderFor(Path runsDir, String name, Instant now) {
        Path parent = runsDir.resolve(SWEEPS_FOLDER);
        String base = STAMP.format(now) + "-" + RunStore.sanitiseName(name);
        for (int n = 1; ; n++) {
            Path folder = parent.resolve(n == 1 ? base : base + "-" + n);
            if (!Files.exists(folder)) {
                return folder;
            }
        }
    }

    /** Removes a sweep folder whose submission was refused, so nothing looks submitted. */
    public static void discard(Path folder) throws IOException {
        // store.RunFiles' deleteTree is private to the store; a sweep folder holds no run
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * Merges Slurm's task states with the runs saved in the runs folder.
     *
     * @param slurm task index → Slurm state name (from {@link SlurmCluster#states})
     * @param runs every run of the runs folder
     * @param logs the sweep's log folder: a task Slurm forgot that never wrote a log never started
     */
    public static List<StatusRow> status(
            Record record, Map<Integer, String> slurm, List<RunSummary> runs, Path logs) {
        Instant created = Instant.parse(record.createdAt()).minus(Duration.ofMinutes(1));
        List<StatusRow> out = new ArrayList<>();
        for (PointRecord p : record.points()) {
            if (p.problem() != null) {
                out.add(new StatusRow(p, TaskState.SKIPPED, "", null));
                continue;
            }
            RunSummary run = null;
            String wanted = RunStore.sanitiseName(p.runName());
            for (RunSummary r : runs) {
                if (r.status() == RunStatus.OK
                        && r.runName() != null
                        && RunStore.sanitiseName(r.runName()).equals(wanted)
                        && (r.startedAt() == null || !r.startedAt().isBefore(created))
                        && (run == null || r.folderName().compareTo(run.folderName()) > 0)) {
                    run = r;
                }
            }
            String slurmState = slurm.getOrDefault(p.index(), "");
            TaskState state;
            if (run != null) {
                state = TaskState.DONE;
            } else if (!slurmState.isEmpty()) {
                state = SlurmStates.of(slurmState);
                if (state == TaskState.DONE) {
                    state = TaskState.FAILED; // Slurm says it ended well, yet no run was saved
                }
            } else if (record.jobId() != null && !hasLog(logs, record.jobId(), p.index())) {
                // Slurm drops a task cancelled while pending at once, and it never wrote a log
                state = TaskState.CANCELLED;
            } else {
                state = TaskState.UNKNOWN;
            }
            out.add(new StatusRow(p, state, slurmState, run));
        }
        return out;
    }

    private static boolean hasLog(Path logs, String jobId, int index) {
        return logs != null && Files.exists(logs.resolve("slurm-" + jobId + "_" + index + ".out"));
    }
}
