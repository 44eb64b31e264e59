package org.dnw.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.dnw.runs.KubernetesJob;
import org.dnw.runs.SlurmJobScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sweep FILE --kubernetes}: the Indexed Job manifest, read back as YAML; the shell script
 * that picks a pod's point, run by {@code /bin/sh}; the command line's dry run, written manifest
 * and refusals; and the Containerfile the image is built from. No cluster is involved anywhere.
 */
class KubernetesSubmissionTest {

    @TempDir Path dir;

    private static final YAMLMapper YAML = new YAMLMapper();

    private static KubernetesJob job(int gpus, int maxParallel, List<SlurmJobScript.Task> tasks) {
        return new KubernetesJob(
                "dnw-lr",
                "ml",
                "registry.example.org/dnw:1",
                Path.of("/shared/runs"),
                "lab-runs",
                2,
                "3Gi",
                gpus,
                maxParallel,
                tasks);
    }

    private static List<SlurmJobScript.Task> trainTasks() {
        // points 0 and 2 can run, point 1 cannot: completion 1 must train point 2
        return List.of(
                new SlurmJobScript.Task(
                        0,
                        List.of(
                                KubernetesJob.LAUNCHER,
                                "train",
                                "--spec",
                                "/shared/runs/.sweeps/s/points/point-0.json")),
                new SlurmJobScript.Task(
                        2,
                        List.of(
                                KubernetesJob.LAUNCHER,
                                "train",
                                "--spec",
                                "/shared/runs/.sweeps/s/points/point-2.json")));
    }

    @Test
    void theManifestReadsBackAsAnIndexedJobOnTheSharedClaim() throws Exception {
        String text = KubernetesSubmission.yaml(job(0, 1, trainTasks()));
        JsonNode job = YAML.readTree(text);

        assertThat(job.path("apiVersion").asText()).isEqualTo("batch/v1");
        assertThat(job.path("kind").asText()).isEqualTo("Job");
        assertThat(job.at("/metadata/name").asText()).isEqualTo("dnw-lr");
        assertThat(job.at("/metadata/namespace").asText()).isEqualTo("ml");
        JsonNode spec = job.path("spec");
        assertThat(spec.path("completionMode").asText()).isEqualTo("Indexed");
        assertThat(spec.path("completions").asInt()).isEqualTo(2);
        assertThat(spec.path("parallelism").asInt()).isEqualTo(1);
        assertThat(spec.path("backoffLimitPerIndex").asInt()).isEqualTo(1);

        JsonNode pod = spec.at("/template/spec");
        assertThat(pod.path("restartPolicy").asText()).isEqualTo("Never");
        assertThat(pod.path("containers")).hasSize(1);
        JsonNode container = pod.path("containers").get(0);
        assertThat(container.path("image").asText()).isEqualTo("registry.example.org/dnw:1");
        JsonNode command = container.path("command");
        assertThat(command.get(0).asText()).isEqualTo("/bin/sh");
        assertThat(command.get(1).asText()).isEqualTo("-c");
        assertThat(command.get(2).asText())
                .contains("\"${JOB_COMPLETION_INDEX:?")
                .contains(
                        "  0) exec /opt/workbench/bin/workbench train --spec"
                                + " /shared/runs/.sweeps/s/points/point-0.json ;;\n")
                .contains(
                        "  1) exec /opt/workbench/bin/workbench train --spec"
                                + " /shared/runs/.sweeps/s/points/point-2.json ;;\n");

        // threads = CPUs; Kubernetes refuses an env value that is a number, not text
        JsonNode env = container.path("env");
        assertThat(env.get(0).path("name").asText()).isEqualTo("OMP_NUM_THREADS");
        assertThat(env.get(0).path("value").isTextual()).as(text).isTrue();
        assertThat(env.get(0).path("value").asText()).isEqualTo("2");
        assertThat(env.get(2).path("value").asText())
                .contains("-XX:ActiveProcessorCount=2", "-Dai.djl.pytorch.num_threads=2");

        for (String kind : List.of("requests", "limits")) {
            JsonNode r = container.at("/resources/" + kind);
            assertThat(r.path("cpu").asInt()).as(kind).isEqualTo(2);
            assertThat(r.path("memory").asText()).as(kind).isEqualTo("3Gi");
            assertThat(r.has("nvidia.com/gpu")).as(kind).isFalse();
        }

        JsonNode mount = container.path("volumeMounts").get(0);
        assertThat(mount.path("mountPath").asText()).isEqualTo("/shared/runs");
        JsonNode volume = pod.path("volumes").get(0);
        assertThat(volume.path("name").asText()).isEqualTo(mount.path("name").asText());
        assertThat(volume.at("/persistentVolumeClaim/claimName").asText()).isEqualTo("lab-runs");
    }

    @Test
    void gpusAreAskedForAsAnNvidiaLimitOnlyWhenWanted() throws Exception {
        JsonNode resources =
                YAML.readTree(KubernetesSubmission.yaml(job(1, 0, trainTasks())))
                        .at("/spec/template/spec/containers/0/resources");
        assertThat(resources.at("/limits/nvidia.com~1gpu").asInt()).isEqualTo(1);
        assertThat(resources.path("requests").has("nvidia.com/gpu")).isFalse();
        // no --max-parallel: every point at once
        assertThat(
                        YAML.readTree(KubernetesSubmission.yaml(job(1, 0, trainTasks())))
                                .at("/spec/parallelism")
                                .asInt())
                .isEqualTo(2);
    }

    /** The pod's script, run by a real shell: each completion index runs its own point. */
    @Test
    void theCompletionIndexPicksThePoint() throws Exception {
        assumeTrue(
                Files.isExecutable(Path.of("/bin/sh")),
                "skipped: no /bin/sh on this machine (Windows), so the pods' script cannot be run"
                        + " here");
        List<SlurmJobScript.Task> echoes =
                List.of(
                        new SlurmJobScript.Task(0, List.of("echo", "trained point 0")),
                        new SlurmJobScript.Task(2, List.of("echo", "trained point 2")));
        JsonNode command =
                YAML.readTree(KubernetesSubmission.yaml(job(0, 0, echoes)))
                        .at("/spec/template/spec/containers/0/command");
        List<String> argv =
                List.of(command.get(0).asText(), command.get(1).asText(), command.get(2).asText());

        assertThat(sh(argv, "0")).isEqualTo("0 trained point 0\n");
        assertThat(sh(argv, "1")).isEqualTo("0 trained point 2\n");
        assertThat(sh(argv, "2")).startsWith("2 no sweep point for completion index 2");
        assertThat(sh(argv, null))
                .contains("run this in a Kubernetes Indexed Job")
                .doesNotStartWith("0");
    }

    /** Exit code and output of the script with {@code JOB_COMPLETION_INDEX} set (or unset). */
    private static String sh(List<String> argv, String index) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
        pb.environment().remove("JOB_COMPLETION_INDEX");
        if (index != null) {
            pb.environment().put("JOB_COMPLETION_INDEX", index);
        }
        Process p = pb.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        return p.waitFor() + " " + out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void namesAndQuantitiesKubernetesWouldRefuseAreRefusedHere() {
        assertThatThrownBy(
                        () ->
                                new KubernetesJob(
                                        "dnw-lr",
                                        "My_NS",
                                        "img",
                                        Path.of("/r"),
                                        "c",
                                        1,
                                        "1Gi",
                                        0,
                                        0,
                                        trainTasks()))
                .hasMessageContaining("--namespace");
        assertThatThrownBy(
                        () ->
                                new KubernetesJob(
                                        "dnw-lr",
                                        null,
                                        "img",
                                        Path.of("/r"),
                                        "c",
                                        1,
                                        "4 GB",
                                        0,
                                        0,
                                        trainTasks()))
                .hasMessageContaining("quantity like 4Gi");
        assertThat(KubernetesJob.jobName("Kernel & LR sweep!")).isEqualTo("dnw-kernel-lr-sweep");
        assertThat(KubernetesJob.jobName("x".repeat(80))).hasSize(52);
    }

    private Path sweepFile() throws Exception {
        return Files.writeString(
                dir.resolve("s.json"),
                """
                {"name": "lr", "dataset": "mnist-sample", "preset": "mlp",
                 "trainSubset": 100, "hyperparameters": {"epochCount": 1},
                 "axes": [{"setting": "lr", "values": ["0.001", "x", "0.1"]}]}
                """);
    }

    /** The manifest part of the command's output. */
    private static String manifestOf(String out) {
        int start = out.indexOf("# Written by `workbench sweep --kubernetes`");
        assertThat(start).as(out).isNotNegative();
        return out.substring(start);
    }

    @Test
    void aDryRunPrintsTheManifestAndWritesNothing() throws Exception {
        Path runs = dir.resolve("runs");
        WorkbenchCommandExitCodesTest.Result r =
                WorkbenchCommandExitCodesTest.run(
                        "sweep",
                        sweepFile().toString(),
                        "--kubernetes",
                        "--dry-run",
                        "--max-parallel",
                        "2",
                        "--cpus-per-task",
                        "2",
                        "--gpus",
                        "1",
                        "--claim",
                        "lab-runs",
                        "--runs-dir",
                        runs.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode job = YAML.readTree(manifestOf(r.out()));
        assertThat(job.path("kind").asText()).isEqualTo("Job");
        assertThat(job.at("/spec/completionMode").asText()).isEqualTo("Indexed");
        // point 1 (lr=x) cannot run and is left out
        assertThat(job.at("/spec/completions").asInt()).isEqualTo(2);
        assertThat(job.at("/spec/parallelism").asInt()).isEqualTo(2);
        JsonNode container = job.at("/spec/template/spec/containers/0");
        assertThat(container.path("image").asText()).isEqualTo(KubernetesJob.DEFAULT_IMAGE);
        assertThat(container.at("/resources/limits/nvidia.com~1gpu").asInt()).isEqualTo(1);
        assertThat(container.at("/resources/limits/memory").asText()).isEqualTo("4Gi");
        assertThat(container.at("/volumeMounts/0/mountPath").asText())
                .isEqualTo(runs.toAbsolutePath().toString());
        String script = container.at("/command/2").asText();
        assertThat(script)
                .containsPattern(
                        "  0\\) exec /opt/workbench/bin/workbench train --spec \\S*/runs/\\.sweeps/"
                                + "\\d{8}-\\d{6}-lr/points/point-0\\.json .*--lr 0\\.001 .*--name"
                                + " sweep-lr-lr0\\.001 --runs-dir \\S*/runs"
                                // a retried pod goes on from its run's last checkpoint
                                + " --resume-if-interrupted ;;")
                .containsPattern(
                        "  1\\) exec .*point-2\\.json .*--lr 0\\.1 .*--name sweep-lr-lr0\\.1 ")
                .doesNotContain("  2) exec");
        assertThat(r.out()).contains("# dry run: nothing was written; the sweep folder would be ");
        assertThat(runs).doesNotExist();
    }

    @Test
    void withoutDryRunTheManifestIsWrittenIntoTheSweepFolderAndNothingIsSubmitted()
            throws Exception {
        Path runs = dir.resolve("runs");
        WorkbenchCommandExitCodesTest.Result r =
                WorkbenchCommandExitCodesTest.run(
                        "sweep",
                        sweepFile().toString(),
                        "--kubernetes",
                        "--namespace",
                        "ml",
                        "--runs-dir",
                        runs.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Path folder;
        try (Stream<Path> sweeps = Files.list(runs.resolve(".sweeps"))) {
            folder = sweeps.findFirst().orElseThrow();
        }
        Path manifest = folder.resolve("job.yaml");
        assertThat(YAML.readTree(manifest.toFile()).at("/spec/completions").asInt()).isEqualTo(2);
        assertThat(folder.resolve("points/point-0.json")).isRegularFile();
        assertThat(folder.resolve("points/point-2.json")).isRegularFile();
        assertThat(folder.resolve("points/point-1.json")).doesNotExist();
        assertThat(folder.resolve("sweep.json")).isRegularFile();
        assertThat(folder.resolve("logs")).doesNotExist();
        assertThat(r.out())
                .contains("Manifest:  " + manifest)
                .contains("does not submit to Kubernetes")
                .contains("kubectl apply -n ml -f " + manifest)
                .contains("kubectl get pods -n ml -l job-name=dnw-lr");
    }

    @Test
    void slurmAndKubernetesTogetherOrMixedOptionsAreBadArguments() throws Exception {
        String file = sweepFile().toString();
        String runs = dir.resolve("runs").toString();
        assertThat(
                        WorkbenchCommandExitCodesTest.fails(
                                ExitCodes.BAD_ARGUMENTS,
                                "sweep",
                                file,
                                "--slurm",
                                "--kubernetes",
                                "--dry-run",
                                "--runs-dir",
                                runs))
                .contains("--slurm and --kubernetes cannot go together");
        assertThat(
                        WorkbenchCommandExitCodesTest.fails(
                                ExitCodes.BAD_ARGUMENTS,
                                "sweep",
                                file,
                                "--kubernetes",
                                "--gres",
                                "gpu:1",
                                "--runs-dir",
                                runs))
                .contains("go with --slurm", "--gpus N");
        assertThat(
                        WorkbenchCommandExitCodesTest.fails(
                                ExitCodes.BAD_ARGUMENTS,
                                "sweep",
                                file,
                                "--slurm",
                                "--gpus",
                                "1",
                                "--dry-run",
                                "--runs-dir",
                                runs))
                .contains("go with --kubernetes", "--gres gpu:N");
        assertThat(
                        WorkbenchCommandExitCodesTest.fails(
                                ExitCodes.BAD_ARGUMENTS,
                                "sweep",
                                file,
                                "--gpus",
                                "1",
                                "--runs-dir",
                                runs))
                .contains("with --kubernetes");
        assertThat(
                        WorkbenchCommandExitCodesTest.fails(
                                ExitCodes.BAD_ARGUMENTS,
                                "sweep",
                                file,
                                "--kubernetes",
                                "--mem",
                                "lots",
                                "--runs-dir",
                                runs))
                .contains("quantity like 4Gi");
        assertThat(dir.resolve("runs")).doesNotExist();
    }

    @Test
    void theContainerfileBuildsFromTheLauncherAndRunsIt() throws Exception {
        Path containerfile = Path.of("src", "main", "container", "Containerfile");
        assertThat(containerfile).isRegularFile();
        String text = Files.readString(containerfile);
        assertThat(text)
                .containsPattern("(?m)^FROM \\S*temurin:17-jre")
                .containsPattern("(?m)^COPY target/workbench/ /opt/workbench/$")
                .contains("ENTRYPOINT [\"" + KubernetesJob.LAUNCHER + "\"]")
                .containsPattern("(?m)^VOLUME ")
                .contains("-Dgpu");
        assertThat(KubernetesJob.LAUNCHER).startsWith("/opt/workbench/");
    }
}
