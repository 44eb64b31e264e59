package org.dnw.runs;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dnw.runs.SlurmStates.TaskState;
import org.dnw.spec.SpecJson;
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
     * @param live the point's run while it trains, or when it was interrupted (its epochs so far),
     *     when no run is saved; else null
     */
    public record StatusRow(
            PointRecord point,
            TaskState state,
            String slurmState,
            RunSummary run,
            RunSummary live) {}

    /**
     * A sweep's state now.
     *
     * @param folder the sweep's folder
     * @param record what was submitted
     * @param rows one per point, in order
     * @param slurmAsked false when the job was submitted but there is no Slurm here to ask: the
     *     states come from the run folders only
     */
    public record Status(Path folder, Record record, List<StatusRow> rows, boolean slurmAsked) {
        public Status {
            rows = List.copyOf(rows);
        }

        /** True when no point is pending or running any more. */
        public boolean ended() {
            return rows.stream()
                    .noneMatch(
                            r -> r.state() == TaskState.PENDING || r.state() == TaskState.RUNNING);
        }
    }

    private SlurmSweep() {}

    /**
     * Writes {@link #RECORD_FILE} into {@code folder} atomically (a temporary file, one rename).
     */
    public static void writeRecord(Path folder, Record record) throws IOException {
        Path tmp = folder.resolve(RECORD_FILE + ".tmp");
        Files.write(tmp, SpecJson.writeValue(record));
        Files.move(
                tmp,
                folder.resolve(RECORD_FILE),
                StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The record of the sweep in {@code folder}.
     *
     * @throws IllegalArgumentException with a sentence when the folder holds no sweep sent to Slurm
     */
    public static Record readRecord(Path folder) throws IOException {
        Path file = folder.resolve(RECORD_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(
                    folder + " is not a sweep sent to Slurm (it has no " + RECORD_FILE + ")");
        }
        return SpecJson.readValue(file, Record.class);
    }

    /**
     * The sweep a user named: {@code sweep} itself when it is a folder, else the one folder under
     * {@code <runsDir>/.sweeps} whose name holds it.
     *
     * @throws IllegalArgumentException with a sentence when none or several match
     */
    public static Path find(Path sweep, Path runsDir) throws IOException {
        if (Files.isDirectory(sweep)) {
            return sweep;
        }
        Path sweeps = runsDir.resolve(SWEEPS_FOLDER);
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

    /**
     * The sweep in {@code folder} now: its record, Slurm's task states (when {@code cluster} is
     * there) and the runs folder, merged by {@link #status(Record, Map, List, Path)}. Runs Slurm's
     * commands and lists the runs folder: call it off the FX thread.
     */
    public static Status status(Path folder, Optional<SlurmCluster> cluster)
            throws IOException, InterruptedException {
        Record record = readRecord(folder);
        Map<Integer, String> slurm = Map.of();
        if (record.jobId() != null && cluster.isPresent()) {
            slurm = cluster.get().states(record.jobId());
        }
        List<StatusRow> rows =
                status(
                        record,
                        slurm,
                        new RunStore(Path.of(record.runsDir())).list(),
                        folder.resolve("logs"));
        return new Status(folder, record, rows, record.jobId() == null || cluster.isPresent());
    }

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
                out.add(new StatusRow(p, TaskState.SKIPPED, "", null, null));
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
            RunSummary live = null;
            for (RunSummary r : runs) {
                if (run == null
                        && r.isLive()
                        && r.runName() != null
                        && RunStore.sanitiseName(r.runName()).equals(wanted)
                        && (r.startedAt() == null || !r.startedAt().isBefore(created))
                        && (live == null || r.folderName().compareTo(live.folderName()) > 0)) {
                    live = r;
                }
            }
            boolean interrupted = live != null && live.status() == RunStatus.INTERRUPTED;
            String slurmState = slurm.getOrDefault(p.index(), "");
            TaskState state;
            if (run != null) {
                state = TaskState.DONE;
            } else if (!slurmState.isEmpty()) {
                state = SlurmStates.of(slurmState);
                if (state == TaskState.DONE) {
                    state = TaskState.FAILED; // Slurm says it ended well, yet no run was saved
                }
                if ((state == TaskState.FAILED || state == TaskState.CANCELLED) && interrupted) {
                    // killed or cancelled mid-run: its epochs so far are kept, to be resumed
                    state = TaskState.INTERRUPTED;
                }
            } else if (interrupted) {
                state = TaskState.INTERRUPTED;
            } else if (record.jobId() != null && !hasLog(logs, record.jobId(), p.index())) {
                // Slurm drops a task cancelled while pending at once, and it never wrote a log
                state = TaskState.CANCELLED;
            } else {
                state = TaskState.UNKNOWN;
            }
            out.add(new StatusRow(p, state, slurmState, run, live));
        }
        return out;
    }

    private static boolean hasLog(Path logs, String jobId, int index) {
        return logs != null && Files.exists(logs.resolve("slurm-" + jobId + "_" + index + ".out"));
    }
}
