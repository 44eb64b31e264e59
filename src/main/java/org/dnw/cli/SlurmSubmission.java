package org.dnw.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dnw.runs.SlurmCluster;
import org.dnw.runs.SlurmJobScript;
import org.dnw.runs.SlurmOptions;
import org.dnw.runs.SlurmSweep;
import org.dnw.runs.SweepRunner;
import org.dnw.spec.SpecJson;
import org.dnw.train.Hyperparameters;
import org.dnw.train.SweepPlan;

/**
 * {@code sweep FILE --slurm}: writes the sweep's folder and job-array script and submits it with
 * {@code sbatch}. A refused submission leaves no folder behind.
 */
final class SlurmSubmission {

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
        warnIfNotShared(runsDir);
        SweepPlan plan = sweep.plan();
        String prefix = "sweep-" + sweep.name();
        List<SweepPlan.Point> points = plan.points();
        List<SlurmSweep.PointRecord> records = new ArrayList<>();
        // each point's run name is unique in its sweep and the same whenever its task (re)starts,
        // so that a requeued task finds its own interrupted run (train --resume-if-interrupted)
        java.util.Map<String, Long> uses =
                points.stream()
                        .collect(
                                java.util.stream.Collectors.groupingBy(
                                        p -> SweepRunner.runName(prefix, p.label(plan.axes())),
                                        java.util.stream.Collectors.counting()));
        for (SweepPlan.Point p : points) {
            String label = p.label(plan.axes());
            String runName = SweepRunner.runName(prefix, label);
            if (uses.get(runName) > 1) {
                runName = runName + "-p" + p.index();
            }
            records.add(new SlurmSweep.PointRecord(p.index(), label, runName, p.problem()));
        }
        Instant now = Instant.now();
        Path folder =
                slurm.dryRun
                        ? runsDir.resolve(SlurmSweep.SWEEPS_FOLDER)
                                .resolve("<time>-" + sweep.name())
                        : SlurmSweep.createFolder(runsDir, sweep.name(), now);
        SlurmJobScript script = script(folder, sweep, options, launcher, records);
        if (slurm.dryRun) {
            out.print(script.text());
            out.println("# dry run: nothing was written or submitted");
            out.flush();
            return ExitCodes.OK;
        }
        String jobId;
        try {
            Files.copy(sweepFile, folder.resolve("sweep.json"));
            for (SweepPlan.Point p : points) {
                if (p.problem() == null) {
                    SpecJson.write(p.variant().spec(), pointSpec(folder, p.index()));
                }
            }
            Path scriptFile = folder.resolve(SlurmSweep.SCRIPT_FILE);
            Files.writeString(scriptFile, script.text());
            SlurmSweep.Record record =
                    new SlurmSweep.Record(
                            sweep.name(), now.toString(), runsDir.toString(), null, records);
            SlurmSweepRecords.write(folder, record);
            jobId = cluster.submit(scriptFile, folder);
            SlurmSweepRecords.write(folder, record.withJobId(jobId));
        } catch (SlurmCluster.SubmissionRefused e) {
            SlurmSweep.discard(folder);
            throw new CliFailure.Exit(
                    ExitCodes.SUBMISSION_REFUSED,
                    "Slurm refused the sweep: " + e.getMessage() + ". Nothing was submitted.");
        } catch (IOException | RuntimeException | InterruptedException e) {
            SlurmSweep.discard(folder);
            throw e;
        }
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
        out.printf(
                Locale.ROOT,
                "Submitted job %s: array %s, %d task(s) of %d CPU(s) each, into %s%n",
                jobId,
                script.arraySpec(),
                script.tasks().size(),
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

    private static Path pointSpec(Path folder, int index) {
        return folder.resolve("points").resolve("point-" + index + ".json");
    }

    /** The script; each task trains its point with every hyperparameter spelled out. */
    SlurmJobScript script(
            Path folder,
            SweepCommand.SweepFile sweep,
            SlurmOptions options,
            Path launcher,
            List<SlurmSweep.PointRecord> records) {
        List<SlurmJobScript.Task> tasks = new ArrayList<>();
        List<SweepPlan.Point> points = sweep.plan().points();
        for (int i = 0; i < points.size(); i++) {
            SweepPlan.Point p = points.get(i);
            if (p.problem() != null) {
                continue;
            }
            tasks.add(
                    new SlurmJobScript.Task(
                            p.index(),
                            trainCommand(
                                    launcher,
                                    pointSpec(folder, p.index()),
                                    dataset(sweep.dataset()),
                                    sweep.trainSubset(),
                                    p.variant().hyperparameters(),
                                    records.get(i).runName(),
                                    runsDir)));
        }
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException(
                    "no point of the sweep can run: " + points.get(0).problem());
        }
        return new SlurmJobScript("dnw-" + sweep.name(), folder, options, tasks);
    }

    /** {@code launcher train ...} for one point: every setting a sweep varies is an option. */
    static List<String> trainCommand(
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

    private static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A data set path is made absolute (tasks start elsewhere); a catalog name stays. */
    private static String dataset(String dataset) {
        try {
            Path p = Path.of(dataset);
            return Files.exists(p) ? p.toAbsolutePath().normalize().toString() : dataset;
        } catch (java.nio.file.InvalidPathException e) {
            return dataset;
        }
    }

    private void warnIfNotShared(Path dir) {
        String d = dir.toString();
        for (String local : List.of("/tmp", "/var/tmp", "/dev/shm")) {
            if (d.equals(local) || d.startsWith(local + "/")) {
                err.println(
                        "Warning: the runs folder "
                                + dir
                                + " is under "
                                + local
                                + ", which each node has for itself: tasks on other nodes save"
                                + " where you cannot see them; use --runs-dir on a shared file"
                                + " system (fine on a one-node cluster).");
                err.flush();
                return;
            }
        }
        try {
            Path existing = dir;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            String type = existing == null ? "" : Files.getFileStore(existing).type();
            if (!SHARED_FILE_SYSTEMS.contains(type.toLowerCase(Locale.ROOT))) {
                err.println(
                        "Warning: the runs folder "
                                + dir
                                + " is on a local file system ("
                                + type
                                + "): tasks on other nodes need it shared (NFS, Lustre, …);"
                                + " fine on a one-node cluster.");
                err.flush();
            }
        } catch (IOException e) {
            // cannot tell; Slurm will run the tasks all the same
        }
    }
}
