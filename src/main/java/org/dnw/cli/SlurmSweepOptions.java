package org.dnw.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dnw.runs.KubernetesJob;
import org.dnw.runs.SlurmCluster;
import org.dnw.runs.SlurmOptions;
import picocli.CommandLine.Option;

/**
 * The options of {@code sweep --slurm}, {@code sweep --kubernetes} and {@code sweep --status}; the
 * resources both clusters share ({@code --cpus-per-task}, {@code --mem}, {@code --max-parallel},
 * {@code --dry-run}) are one option each.
 */
final class SlurmSweepOptions {

    @Option(
            names = "--slurm",
            description = "submit the sweep to a Slurm cluster as one job array (see the README)")
    boolean slurm;

    @Option(
            names = "--kubernetes",
            description =
                    "write the sweep as a Kubernetes Indexed Job manifest for kubectl apply (see the"
                            + " README)")
    boolean kubernetes;

    @Option(
            names = "--image",
            paramLabel = "IMAGE",
            description =
                    "with --kubernetes: the container image (default: "
                            + KubernetesJob.DEFAULT_IMAGE
                            + ")")
    String image;

    @Option(
            names = "--namespace",
            paramLabel = "NS",
            description = "with --kubernetes: the namespace (default: kubectl's current one)")
    String namespace;

    @Option(
            names = "--claim",
            paramLabel = "PVC",
            description =
                    "with --kubernetes: the PersistentVolumeClaim holding the runs folder (default: "
                            + KubernetesJob.DEFAULT_CLAIM
                            + ")")
    String claim;

    @Option(
            names = "--gpus",
            paramLabel = "N",
            description = "with --kubernetes: NVIDIA GPUs per pod (nvidia.com/gpu; default: none)")
    Integer gpus;

    @Option(names = "--partition", description = "Slurm partition (default: the cluster's)")
    String partition;

    @Option(
            names = "--time",
            paramLabel = "HH:MM:SS",
            description = "wall-time limit per task (default: the partition's)")
    String time;

    @Option(
            names = "--cpus-per-task",
            paramLabel = "N",
            description = "CPUs per task, also its training threads (default: 1)")
    Integer cpusPerTask;

    @Option(
            names = "--mem",
            paramLabel = "M",
            description = "memory per task: 4G on Slurm, 4Gi on Kubernetes (default there: 4Gi)")
    String mem;

    @Option(names = "--gres", paramLabel = "gpu:N", description = "generic resources per task")
    String gres;

    @Option(
            names = "--max-parallel",
            paramLabel = "K",
            description = "at most K tasks at once (default: as many as Slurm allows)")
    Integer maxParallel;

    @Option(
            names = "--dry-run",
            description =
                    "with --slurm or --kubernetes: print the job script or manifest; write and"
                            + " submit nothing")
    boolean dryRun;

    @Option(
            names = "--launcher",
            paramLabel = "PATH",
            description =
                    "the workbench launcher the tasks run (default: bin/workbench of this installation)")
    Path launcher;

    @Option(
            names = "--status",
            paramLabel = "SWEEP",
            description =
                    "show the state of a sweep sent to Slurm: its folder, or its name under <runs-dir>/.sweeps")
    Path status;

    void refuseClusterOptionsWithoutSlurm() {
        if (slurm && kubernetes) {
            throw new IllegalArgumentException(
                    "--slurm and --kubernetes cannot go together: send the sweep to one cluster");
        }
        boolean slurmOnly = partition != null || time != null || gres != null || launcher != null;
        boolean kubernetesOnly =
                image != null || namespace != null || claim != null || gpus != null;
        boolean shared = cpusPerTask != null || mem != null || maxParallel != null || dryRun;
        if (!slurm && !kubernetes && (slurmOnly || kubernetesOnly || shared)) {
            throw new IllegalArgumentException(
                    "--partition, --time, --cpus-per-task, --mem, --gres, --max-parallel, --dry-run"
                            + " and --launcher go with --slurm (--image, --namespace, --claim and"
                            + " --gpus with --kubernetes)");
        }
        if (kubernetes && slurmOnly) {
            throw new IllegalArgumentException(
                    "--partition, --time, --gres and --launcher go with --slurm; on Kubernetes"
                            + " ask for GPUs with --gpus N, and the image holds the launcher");
        }
        if (slurm && kubernetesOnly) {
            throw new IllegalArgumentException(
                    "--image, --namespace, --claim and --gpus go with --kubernetes; on Slurm ask"
                            + " for GPUs with --gres gpu:N");
        }
    }

    SlurmOptions options() {
        if (maxParallel != null && maxParallel < 1) {
            throw new IllegalArgumentException(
                    "--max-parallel must be at least 1, not " + maxParallel);
        }
        return new SlurmOptions(
                partition,
                time,
                cpusPerTask == null ? 1 : cpusPerTask,
                mem,
                gres,
                maxParallel == null ? 0 : maxParallel);
    }

    /**
     * The cluster reached through the {@code sbatch} on the PATH; null for a dry run without one.
     *
     * @throws CliFailure.Exit with {@link ExitCodes#CLUSTER_UNAVAILABLE} when there is none
     */
    SlurmCluster cluster() {
        var found = SlurmCluster.find(System.getenv("PATH"));
        if (found.isEmpty() && !dryRun) {
            throw new CliFailure.Exit(
                    ExitCodes.CLUSTER_UNAVAILABLE,
                    "No Slurm here: sbatch is not on the PATH. Run the sweep on the cluster's login"
                            + " node (after module load slurm, where the cluster uses modules),"
                            + " or add --dry-run to see the job script.");
        }
        return found.orElse(null);
    }

    /**
     * The launcher the tasks run: {@code --launcher}, else this installation's {@code
     * bin/workbench} ({@link Installation#launcher()}), else {@code target/workbench/bin/workbench}
     * under the current folder (a developer's build, named in the refusal when it is missing).
     */
    Path launcher() {
        if (launcher != null) {
            return launcher.toAbsolutePath().normalize();
        }
        return Installation.launcherForTasks();
    }

    /** Refuses a launcher that is missing, unless this is a dry run. */
    void checkLauncher(Path path) {
        if (!dryRun && !Files.isExecutable(path)) {
            throw new IllegalArgumentException(
                    "the launcher "
                            + path
                            + (Files.exists(path) ? " is not executable" : " does not exist")
                            + " — build it with mvn -B -DskipTests package, or name one with"
                            + " --launcher");
        }
    }
}
