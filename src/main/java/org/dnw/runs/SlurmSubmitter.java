package org.dnw.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.dnw.spec.SpecJson;
import org.dnw.train.Hyperparameters;
import org.dnw.train.SweepPlan;

/**
 * Sends a sweep to a Slurm cluster, for the command line and the window alike: makes the sweep's
 * folder ({@link SlurmSweep}), writes one network file per point, the job-array script ({@link
 * SlurmJobScript}) and the record, and submits the script with {@code sbatch}. Anything that goes
 * wrong, a refusal by Slurm included, removes the folder again: nothing is left half-submitted.
 * Stateless; runs {@code sbatch}, so call it off the FX thread.
 */
public final class SlurmSubmitter {

    /** File systems that every node of a cluster usually sees alike. */
    private static final Set<String> SHARED_FILE_SYSTEMS =
            Set.of(
                    "nfs",
                    "nfs4",
                    "lustre",
                    "gpfs",
                    "beegfs",
                    "cifs",
                    "smb3",
                    "smbfs",
                    "ceph",
                    "cephfs",
                    "glusterfs",
                    "fuse.glusterfs",
                    "fuse.sshfs",
                    "panfs",
                    "wekafs",
                    "fuse.beegfs",
                    "fuse.cephfs",
                    "afs",
                    "ocfs2",
                    "gfs2");

    /**
     * What to submit.
     *
     * @param name the sweep's name; its runs are named {@code sweep-<name>-<point>}
     * @param dataset what each task's {@code train --dataset} reads: a built-in data set's name, or
     *     a file or folder (made absolute when it exists here)
     * @param trainSubset the first this many training images only, or null for all
     * @param plan the points; those with a problem are left out of the array
     * @param options the resources each task asks for
     * @param launcher the workbench launcher the tasks run, absolute
     * @param runsDir the runs folder the tasks save into (shared by the nodes)
     * @param sweepFile the sweep file to keep a copy of in the sweep's folder, or null
     */
    public record Request(
            String name,
            String dataset,
            Integer trainSubset,
            SweepPlan plan,
            SlurmOptions options,
            Path launcher,
            Path runsDir,
            Path sweepFile) {
        public Request {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(dataset, "dataset");
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(options, "options");
            Objects.requireNonNull(launcher, "launcher");
            runsDir = runsDir.toAbsolutePath().normalize();
        }

        /** The prefix of every run's name. */
        public String runPrefix() {
            return "sweep-" + name;
        }
    }

    /**
     * A sweep Slurm accepted.
     *
     * @param jobId Slurm's job id
     * @param folder the sweep's folder
     * @param script the script submitted
     * @param record what {@link SlurmSweep#readRecord} reads back
     */
    public record Submitted(
            String jobId, Path folder, SlurmJobScript script, SlurmSweep.Record record) {}

    private SlurmSubmitter() {}

    /** One record per point, runnable or not, with the name its run will be saved under. */
    public static List<SlurmSweep.PointRecord> points(Request r) {
        List<SlurmSweep.PointRecord> records = new ArrayList<>();
        // each point's run name is unique in its sweep and the same whenever its task (re)starts,
        // so that a requeued task finds its own interrupted run (train --resume-if-interrupted)
        Map<String, Long> uses =
                r.plan().points().stream()
                        .collect(
                                Collectors.groupingBy(
                                        p ->
                                                SweepRunner.runName(
                                                        r.runPrefix(), p.label(r.plan().axes())),
                                        Collectors.counting()));
        for (SweepPlan.Point p : r.plan().points()) {
            String label = p.label(r.plan().axes());
            String runName = SweepRunner.runName(r.runPrefix(), label);
            if (uses.get(runName) > 1) {
                runName = runName + "-p" + p.index();
            }
            records.add(new SlurmSweep.PointRecord(p.index(), label, runName, p.problem()));
        }
        return records;
    }

    /**
     * Writes the sweep's folder and submits it.
     *
     * @throws SlurmCluster.SubmissionRefused with Slurm's message; the folder is gone again
     * @throws IllegalArgumentException when no point can run; nothing is written
     */
    public static Submitted submit(SlurmCluster cluster, Request r)
            throws IOException, InterruptedException, SlurmCluster.SubmissionRefused {
        List<SlurmSweep.PointRecord> records = points(r);
        if (records.stream().allMatch(p -> p.problem() != null)) {
            throw new IllegalArgumentException(
                    "no point of the sweep can run: " + records.get(0).problem());
        }
        Instant now = Instant.now();
        Path folder = SlurmSweep.createFolder(r.runsDir(), r.name(), now);
        try {
            SlurmJobScript script = script(r, folder, records);
            writePoints(r, folder);
            Path scriptFile = folder.resolve(SlurmSweep.SCRIPT_FILE);
            Files.writeString(scriptFile, script.text());
            SlurmSweep.Record record =
                    new SlurmSweep.Record(
                            r.name(), now.toString(), r.runsDir().toString(), null, records);
            SlurmSweep.writeRecord(folder, record);
            String jobId = cluster.submit(scriptFile, folder);
            SlurmSweep.Record submitted = record.withJobId(jobId);
            SlurmSweep.writeRecord(folder, submitted);
            return new Submitted(jobId, folder, script, submitted);
        } catch (IOException
                | RuntimeException
                | InterruptedException
                | SlurmCluster.SubmissionRefused e) {
            SlurmSweep.discard(folder);
            throw e;
        }
    }

    /**
     * Fills a sweep folder with what every cluster's tasks read: the sweep file's copy and one
     * network file per runnable point ({@code points/point-<i>.json}). Slurm's and Kubernetes'
     * sweeps alike.
     */
    public static void writePoints(Request r, Path folder) throws IOException {
        Files.createDirectories(folder.resolve("points"));
        if (r.sweepFile() != null) {
            Files.copy(r.sweepFile(), folder.resolve("sweep.json"));
        }
        for (SweepPlan.Point p : r.plan().points()) {
            if (p.problem() == null) {
                SpecJson.write(p.variant().spec(), pointSpec(folder, p.index()));
            }
        }
    }

    /** The script; each task trains its point with every hyperparameter spelled out. */
    public static SlurmJobScript script(
            Request r, Path folder, List<SlurmSweep.PointRecord> records) {
        return new SlurmJobScript(
                "dnw-" + r.name(), folder, r.options(), tasks(r, folder, records));
    }

    /**
     * One task per runnable point, by point index: the {@code launcher train ...} command that
     * trains it into the runs folder. The one way a cluster task's command line is built, for Slurm
     * and Kubernetes alike.
     *
     * @throws IllegalArgumentException when no point can run
     */
    public static List<SlurmJobScript.Task> tasks(
            Request r, Path folder, List<SlurmSweep.PointRecord> records) {
        List<SlurmJobScript.Task> tasks = new ArrayList<>();
        List<SweepPlan.Point> points = r.plan().points();
        for (int i = 0; i < points.size(); i++) {
            SweepPlan.Point p = points.get(i);
            if (p.problem() != null) {
                continue;
            }
            tasks.add(
                    new SlurmJobScript.Task(
                            p.index(),
                            trainCommand(
                                    r.launcher(),
                                    pointSpec(folder, p.index()),
                                    dataset(r.dataset()),
                                    r.trainSubset(),
                                    p.variant().hyperparameters(),
                                    records.get(i).runName(),
                                    r.runsDir())));
        }
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException(
                    "no point of the sweep can run: " + points.get(0).problem());
        }
        return tasks;
    }

    /** {@code launcher train ...} for one point: every setting a sweep varies is an option. */
    public static List<String> trainCommand(
            Path launcher,
            Path spec,
            String dataset,
            Integer trainSubset,
            Hyperparameters hp,
            String runName,
            Path runsDir) {
        List<String> c = new ArrayList<>();
        c.add(launcher.toString());
        c.add("train");
        c.addAll(List.of("--spec", spec.toString(), "--dataset", dataset));
        if (trainSubset != null) {
            c.addAll(List.of("--train-subset", String.valueOf(trainSubset)));
        }
        c.addAll(
                List.of(
                        "--epochs",
                        String.valueOf(hp.epochCount()),
                        "--batch-size",
                        String.valueOf(hp.batchSize()),
                        "--optimizer",
                        name(hp.optimizer()),
                        "--lr",
                        String.valueOf(hp.learningRate()),
                        "--schedule",
                        name(hp.schedule()),
                        "--step-epochs",
                        String.valueOf(hp.stepEpochs()),
                        "--decay",
                        String.valueOf(hp.decayRate()),
                        "--weight-decay",
                        String.valueOf(hp.weightDecay()),
                        "--validation",
                        String.valueOf(hp.validationShare()),
                        "--seed",
                        String.valueOf(hp.seed()),
                        "--loss",
                        name(hp.loss()),
                        "--weights-every",
                        "0",
                        "--name",
                        runName,
                        "--runs-dir",
                        runsDir.toString(),
                        // a requeued (preempted) task goes on from its run's last checkpoint
                        "--resume-if-interrupted"));
        if (hp.patience() > 0) {
            c.addAll(List.of("--patience", String.valueOf(hp.patience())));
        }
        return c;
    }

    /**
     * Why {@code runsDir} may not be seen alike by every node: it is under {@code /tmp}, {@code
     * /var/tmp} or {@code /dev/shm}, or on a local file system; empty when it looks shared or
     * cannot be told. The sentence starts with "the runs folder" and ends with a full stop.
     *
     * @param howToChoose how the user names another folder, e.g. "use --runs-dir"
     */
    public static Optional<String> notSharedWarning(Path runsDir, String howToChoose) {
        Path dir = runsDir.toAbsolutePath().normalize();
        String d = dir.toString();
        for (String local : List.of("/tmp", "/var/tmp", "/dev/shm")) {
            if (d.equals(local) || d.startsWith(local + "/")) {
                return Optional.of(
                        "the runs folder "
                                + dir
                                + " is under "
                                + local
                                + ", which each node has for itself: tasks on other nodes save"
                                + " where you cannot see them; "
                                + howToChoose
                                + " on a shared file system (fine on a one-node cluster).");
            }
        }
        try {
            Path existing = dir;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            String type = existing == null ? "" : Files.getFileStore(existing).type();
            if (!SHARED_FILE_SYSTEMS.contains(type.toLowerCase(Locale.ROOT))) {
                return Optional.of(
                        "the runs folder "
                                + dir
                                + " is on a local file system ("
                                + type
                                + "): tasks on other nodes need it shared (NFS, Lustre, …);"
                                + " fine on a one-node cluster.");
            }
        } catch (IOException e) {
            // cannot tell; Slurm will run the tasks all the same
        }
        return Optional.empty();
    }

    private static Path pointSpec(Path folder, int index) {
        return folder.resolve("points").resolve("point-" + index + ".json");
    }

    private static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A data set path is made absolute (tasks start elsewhere); a catalog name stays. */
    private static String dataset(String dataset) {
        try {
            Path p = Path.of(dataset);
            return Files.exists(p) ? p.toAbsolutePath().normalize().toString() : dataset;
        } catch (InvalidPathException e) {
            return dataset;
        }
    }
}
