package org.dnw.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.dnw.runs.KubernetesJob;
import org.dnw.runs.SlurmJobScript;
import org.dnw.runs.SlurmOptions;
import org.dnw.runs.SlurmSubmitter;
import org.dnw.runs.SlurmSweep;

/**
 * {@code sweep FILE --kubernetes}: writes the sweep's folder (the sweep file's copy, the points'
 * networks) and a Kubernetes Indexed Job manifest {@code job.yaml} into it, and says how to apply
 * it. The workbench never talks to a Kubernetes cluster: {@code kubectl apply}, scheduling, retries
 * and deletion are Kubernetes'. {@code --dry-run} prints the manifest and writes nothing.
 */
final class KubernetesSubmission {

    /** The manifest's file in the sweep folder. */
    static final String MANIFEST_FILE = "job.yaml";

    private final SlurmSweepOptions options;
    private final Path runsDir;
    private final PrintWriter out;
    private final PrintWriter err;

    KubernetesSubmission(
            SlurmSweepOptions options, Path runsDir, PrintWriter out, PrintWriter err) {
        this.options = options;
        this.runsDir = runsDir.toAbsolutePath().normalize();
        this.out = out;
        this.err = err;
    }

    int write(Path sweepFile, SweepCommand.SweepFile sweep) throws Exception {
        Instant now = Instant.now();
        // every value is checked before anything is written
        Path folder = SlurmSweep.folderFor(runsDir, sweep.name(), now);
        KubernetesJob job = job(folder, sweep);
        if (!options.dryRun) {
            Path made = SlurmSweep.createFolder(runsDir, sweep.name(), now);
            Files.deleteIfExists(made.resolve("logs")); // pods log to kubectl logs, not here
            if (!made.equals(folder)) { // another sweep took that name meanwhile
                folder = made;
                job = job(folder, sweep);
            }
        }
        String yaml = yaml(job);
        warnIfDataNotOnTheVolume(sweep.dataset());
        if (options.dryRun) {
            out.print(yaml);
            out.println(
                    "# dry run: nothing was written; the sweep folder would be "
                            + folder
                            + " (with "
                            + MANIFEST_FILE
                            + " and points/point-<i>.json)");
            out.flush();
            return ExitCodes.OK;
        }
        Path manifest = folder.resolve(MANIFEST_FILE);
        try {
            SlurmSubmitter.writePoints(request(sweep, sweepFile), folder);
            Files.writeString(manifest, yaml);
        } catch (IOException | RuntimeException e) {
            SlurmSweep.discard(folder);
            throw e;
        }
        String ns = job.namespace() == null ? "" : " -n " + job.namespace();
        out.printf(
                Locale.ROOT,
                "Wrote a Kubernetes Indexed Job: %d completion(s), %d at a time, %d CPU(s) each,"
                        + " into %s on the claim %s%n",
                job.tasks().size(),
                job.parallelism(),
                job.cpus(),
                runsDir,
                job.claim());
        out.println("Manifest:  " + manifest);
        out.println(
                "The workbench does not submit to Kubernetes itself. Apply it with (after copying"
                        + " this sweep folder onto the claim's volume, if it is not that volume):");
        out.println(
                "  kubectl apply" + ns + " -f " + SlurmJobScript.shellWord(manifest.toString()));
        out.println("Follow it: kubectl get pods" + ns + " -l job-name=" + job.jobName());
        out.println("Remove it: kubectl delete job" + ns + " " + job.jobName());
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * The sweep as the cluster tasks' one description; the Slurm options in it are never used here
     * (a pod's resources are the Job's).
     */
    private SlurmSubmitter.Request request(SweepCommand.SweepFile sweep, Path sweepFile) {
        return new SlurmSubmitter.Request(
                sweep.name(),
                sweep.dataset(),
                sweep.trainSubset(),
                sweep.plan(),
                new SlurmOptions(null, null, 1, null, null, 0),
                Path.of(KubernetesJob.LAUNCHER),
                runsDir,
                sweepFile);
    }

    /** The Job for this sweep; each completion trains its point into the runs folder. */
    KubernetesJob job(Path folder, SweepCommand.SweepFile sweep) {
        if (options.cpusPerTask != null && options.cpusPerTask < 1) {
            throw new IllegalArgumentException(
                    "--cpus-per-task must be at least 1, not " + options.cpusPerTask);
        }
        if (options.maxParallel != null && options.maxParallel < 1) {
            throw new IllegalArgumentException(
                    "--max-parallel must be at least 1, not " + options.maxParallel);
        }
        SlurmSubmitter.Request request = request(sweep, null);
        List<SlurmJobScript.Task> tasks =
                SlurmSubmitter.tasks(request, folder, SlurmSubmitter.points(request));
        return new KubernetesJob(
                KubernetesJob.jobName(sweep.name()),
                options.namespace,
                options.image == null ? KubernetesJob.DEFAULT_IMAGE : options.image,
                runsDir,
                options.claim == null ? KubernetesJob.DEFAULT_CLAIM : options.claim,
                options.cpusPerTask == null ? 1 : options.cpusPerTask,
                options.mem == null ? KubernetesJob.DEFAULT_MEMORY : options.mem,
                options.gpus == null ? 0 : options.gpus,
                options.maxParallel == null ? 0 : options.maxParallel,
                tasks);
    }

    /** The Job as YAML, written by Jackson's YAML writer, under a comment on how to apply it. */
    static String yaml(KubernetesJob job) {
        YAMLMapper yaml =
                new YAMLMapper(
                        YAMLFactory.builder()
                                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                                // Kubernetes wants an env value "2" as text, never the number 2
                                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                                .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                                .build());
        try {
            return "# Written by `workbench sweep --kubernetes`; apply with: kubectl apply -f "
                    + MANIFEST_FILE
                    + "\n"
                    + yaml.writeValueAsString(job.manifest());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the manifest cannot be written as YAML", e);
        }
    }

    /** A data set given as a local path reaches the pods only when it lies on the runs volume. */
    private void warnIfDataNotOnTheVolume(String dataset) {
        Path p;
        try {
            p = Path.of(dataset);
        } catch (InvalidPathException e) {
            return;
        }
        if (Files.exists(p) && !p.toAbsolutePath().normalize().startsWith(runsDir)) {
            err.println(
                    "Warning: the data set "
                            + p.toAbsolutePath().normalize()
                            + " is not in the runs folder "
                            + runsDir
                            + ", so the pods will not find it: put it on the claim's volume and name"
                            + " that path in the sweep file.");
            err.flush();
        }
    }
}
