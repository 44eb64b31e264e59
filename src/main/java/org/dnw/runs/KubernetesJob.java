package org.dnw.runs;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The Kubernetes manifest of a sweep: one {@code batch/v1} Job in {@code Indexed} completion mode
 * whose completion {@code k} (Kubernetes' {@code JOB_COMPLETION_INDEX}) trains the sweep's k-th
 * runnable point as one headless {@code workbench train}, with as many training threads as the pod
 * has CPUs. The runs folder is a PersistentVolumeClaim mounted in every pod at the runs folder's
 * absolute path, so the points' network files, the runs and every path in the commands read the
 * same here and in the pods. Pure data; nothing here talks to a cluster.
 *
 * @param jobName the Job's name (a DNS label, see {@link #jobName(String)})
 * @param namespace the namespace, or null for kubectl's current one
 * @param image the container image holding the launcher at {@link #LAUNCHER}
 * @param runsDir the absolute runs folder, where the claim is mounted
 * @param claim the PersistentVolumeClaim that holds the runs folder
 * @param cpus CPUs per pod (requests = limits), ≥ 1; also its training threads
 * @param memory memory per pod as a Kubernetes quantity (requests = limits), e.g. "4Gi"
 * @param gpus NVIDIA GPUs per pod ({@code nvidia.com/gpu}), ≥ 0; 0 asks for none
 * @param maxParallel at most this many pods at once (the Job's parallelism), or 0 for all
 * @param tasks one command per runnable point; completion index k runs {@code tasks.get(k)}
 */
public record KubernetesJob(
        String jobName,
        String namespace,
        String image,
        Path runsDir,
        String claim,
        int cpus,
        String memory,
        int gpus,
        int maxParallel,
        List<SlurmJobScript.Task> tasks) {

    /** Where the Containerfile ({@code src/main/container/Containerfile}) puts the launcher. */
    public static final String LAUNCHER = "/opt/workbench/bin/workbench";

    public static final String DEFAULT_IMAGE = "deep-network-workbench:latest";
    public static final String DEFAULT_CLAIM = "workbench-runs";
    public static final String DEFAULT_MEMORY = "4Gi";

    /** Retries of one failed point before its index counts as failed; the others go on. */
    public static final int RETRIES_PER_POINT = 1;

    private static final String DNS_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final String QUANTITY = "\\d+(\\.\\d+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?";

    public KubernetesJob {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(runsDir, "runsDir");
        tasks = List.copyOf(tasks);
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("no point of the sweep can run");
        }
        if (!jobName.matches(DNS_LABEL) || jobName.length() > 52) {
            throw new IllegalArgumentException("not a Job name Kubernetes takes: " + jobName);
        }
        if (namespace != null && (!namespace.matches(DNS_LABEL) || namespace.length() > 63)) {
            throw new IllegalArgumentException(
                    "--namespace takes lower-case letters, digits and -, at most 63, not '"
                            + namespace
                            + "'");
        }
        if (!claim.matches(DNS_LABEL + "(\\." + DNS_LABEL + ")*") || claim.length() > 253) {
            throw new IllegalArgumentException(
                    "--claim names a PersistentVolumeClaim: lower-case letters, digits, - and .,"
                            + " not '"
                            + claim
                            + "'");
        }
        if (image.isBlank() || !image.matches("\\S+")) {
            throw new IllegalArgumentException("--image takes an image name, not '" + image + "'");
        }
        if (!memory.matches(QUANTITY)) {
            throw new IllegalArgumentException(
                    "--mem on Kubernetes is a quantity like 4Gi or 512Mi, not '" + memory + "'");
        }
        if (cpus < 1) {
            throw new IllegalArgumentException("--cpus-per-task must be at least 1, not " + cpus);
        }
        if (gpus < 0) {
            throw new IllegalArgumentException("--gpus must be 0 or more, not " + gpus);
        }
        if (maxParallel < 0) {
            throw new IllegalArgumentException(
                    "--max-parallel must be at least 1, not " + maxParallel);
        }
        if (!runsDir.isAbsolute()) {
            throw new IllegalArgumentException("the runs folder must be absolute: " + runsDir);
        }
    }

    /**
     * A Job name from a sweep's name: "dnw-" and the name in lower case, anything but letters and
     * digits turned into "-", at most 52 characters (Kubernetes adds the index to pod names).
     */
    public static String jobName(String sweepName) {
        String s =
                ("dnw-" + sweepName.toLowerCase(Locale.ROOT))
                        .replaceAll("[^a-z0-9]+", "-")
                        .replaceAll("-+$", "");
        s = s.length() > 52 ? s.substring(0, 52) : s;
        return s.replaceAll("-+$", "");
    }

    /**
     * The manifest as a tree of maps (insertion-ordered), lists, strings and numbers, ready for any
     * YAML or JSON writer ({@code cli.KubernetesSubmission} writes it as YAML).
     */
    public Map<String, Object> manifest() {
        Map<String, Object> job = map();
        job.put("apiVersion", "batch/v1");
        job.put("kind", "Job");
        Map<String, Object> meta = map();
        meta.put("name", jobName);
        if (namespace != null) {
            meta.put("namespace", namespace);
        }
        meta.put("labels", labels());
        job.put("metadata", meta);

        Map<String, Object> spec = map();
        spec.put("completionMode", "Indexed");
        spec.put("completions", tasks.size());
        spec.put("parallelism", parallelism());
        // a point failing twice ends that index only; the other points still train
        spec.put("backoffLimitPerIndex", RETRIES_PER_POINT);
        job.put("spec", spec);

        Map<String, Object> template = map();
        template.put("metadata", Map.of("labels", labels()));
        Map<String, Object> pod = map();
        pod.put("restartPolicy", "Never");
        Map<String, Object> container = map();
        container.put("name", "train");
        container.put("image", image);
        container.put("command", List.of("/bin/sh", "-c", script()));
        String threads = String.valueOf(cpus);
        container.put(
                "env",
                List.of(
                        env("OMP_NUM_THREADS", threads),
                        env("MKL_NUM_THREADS", threads),
                        // read by every JVM whatever the launcher: PyTorch's threads and the
                        // JVM's view of the CPUs
                        env(
                                "JAVA_TOOL_OPTIONS",
                                "-XX:ActiveProcessorCount="
                                        + cpus
                                        + " -Dai.djl.pytorch.num_threads="
                                        + cpus
                                        + " -Dai.djl.pytorch.num_interop_threads=1")));
        Map<String, Object> requests = map();
        requests.put("cpu", cpus);
        requests.put("memory", memory);
        Map<String, Object> limits = new LinkedHashMap<>(requests);
        if (gpus > 0) {
            // extended resources are asked for as limits; requests default to them
            limits.put("nvidia.com/gpu", gpus);
        }
        Map<String, Object> resources = map();
        resources.put("requests", requests);
        resources.put("limits", limits);
        container.put("resources", resources);
        Map<String, Object> mount = map();
        mount.put("name", "runs");
        mount.put("mountPath", runsDir.toString());
        container.put("volumeMounts", List.of(mount));
        pod.put("containers", List.of(container));
        Map<String, Object> volume = map();
        volume.put("name", "runs");
        volume.put("persistentVolumeClaim", Map.of("claimName", claim));
        pod.put("volumes", List.of(volume));
        template.put("spec", pod);
        spec.put("template", template);
        return job;
    }

    /** How many pods run at once: {@code maxParallel}, at most one per point. */
    public int parallelism() {
        return maxParallel == 0 ? tasks.size() : Math.min(maxParallel, tasks.size());
    }

    /** The container's shell script: one case per completion index, each exec'ing its train. */
    String script() {
        StringBuilder s = new StringBuilder();
        s.append("case \"${JOB_COMPLETION_INDEX:?run this in a Kubernetes Indexed Job}\" in\n");
        for (int k = 0; k < tasks.size(); k++) {
            s.append("  ").append(k).append(") exec");
            for (String arg : tasks.get(k).command()) {
                s.append(' ').append(SlurmJobScript.shellWord(arg));
            }
            s.append(" ;;\n");
        }
        s.append(
                "  *) echo \"no sweep point for completion index $JOB_COMPLETION_INDEX\" >&2;"
                        + " exit 2 ;;\n");
        s.append("esac\n");
        return s.toString();
    }

    private static Map<String, Object> labels() {
        Map<String, Object> labels = map();
        labels.put("app.kubernetes.io/name", "deep-network-workbench");
        labels.put("app.kubernetes.io/component", "sweep");
        return labels;
    }

    private static Map<String, Object> env(String name, String value) {
        Map<String, Object> e = map();
        e.put("name", name);
        e.put("value", value);
        return e;
    }

    private static Map<String, Object> map() {
        return new LinkedHashMap<>();
    }
}
