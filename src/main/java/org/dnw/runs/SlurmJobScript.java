package org.dnw.runs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The {@code sbatch} job-array script of a sweep: task {@code i} (Slurm's {@code
 * SLURM_ARRAY_TASK_ID}) runs sweep point {@code i} as one headless {@code workbench train}, with as
 * many training threads as the task has CPUs. Points that cannot run are left out of the array. The
 * tasks are requeueable ({@code --requeue}): a preempted task starts again and, with {@code train
 * --resume-if-interrupted} in its command, goes on from its run's last checkpoint. Pure text;
 * nothing here talks to Slurm.
 *
 * @param jobName the job's name in {@code squeue}
 * @param sweepFolder where the script and the logs ({@code logs/slurm-<job>_<task>.out}) go
 * @param options the resources asked for
 * @param tasks one command per runnable point, by point index
 */
public record SlurmJobScript(
        String jobName, Path sweepFolder, SlurmOptions options, List<Task> tasks) {

    /**
     * One array task.
     *
     * @param index the sweep point's index, the array task id
     * @param command the program and its arguments, e.g. {@code [/opt/workbench/bin/workbench,
     *     train, --spec, ...]}
     */
    public record Task(int index, List<String> command) {
        public Task {
            command = List.copyOf(command);
        }
    }

    public SlurmJobScript {
        Objects.requireNonNull(jobName, "jobName");
        Objects.requireNonNull(sweepFolder, "sweepFolder");
        Objects.requireNonNull(options, "options");
        tasks = List.copyOf(tasks);
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("no point of the sweep can run");
        }
    }

    /** The array specification, e.g. "0-3%2" or "0,2-3" (indices ascending, runs collapsed). */
    public String arraySpec() {
        StringBuilder out = new StringBuilder();
        List<Integer> ids = tasks.stream().map(Task::index).sorted().toList();
        for (int i = 0; i < ids.size(); ) {
            int j = i;
            while (j + 1 < ids.size() && ids.get(j + 1) == ids.get(j) + 1) {
                j++;
            }
            out.append(out.length() == 0 ? "" : ",").append(ids.get(i));
            if (j > i) {
                out.append('-').append(ids.get(j));
            }
            i = j + 1;
        }
        if (options.maxParallel() > 0) {
            out.append('%').append(options.maxParallel());
        }
        return out.toString();
    }

    /** The script's text: Slurm directives, the thread settings, one case per task. */
    public String text() {
        int threads = options.cpusPerTask();
        StringBuilder s = new StringBuilder();
        s.append("#!/bin/bash\n");
        s.append("# Written by `workbench sweep --slurm`; submit with: sbatch job.sbatch\n");
        s.append("#SBATCH --job-name=").append(quote(jobName)).append('\n');
        s.append("#SBATCH --array=").append(arraySpec()).append('\n');
        s.append("#SBATCH --ntasks=1\n");
        // a preempted or failed node puts the task back in the queue; its train command resumes
        // the task's interrupted run from its last checkpoint (train --resume-if-interrupted)
        s.append("#SBATCH --requeue\n");
        // a requeued task's log is appended to, not truncated: both attempts stay readable
        s.append("#SBATCH --open-mode=append\n");
        s.append("#SBATCH --cpus-per-task=").append(threads).append('\n');
        if (options.partition() != null) {
            s.append("#SBATCH --partition=").append(options.partition()).append('\n');
        }
        if (options.timeLimit() != null) {
            s.append("#SBATCH --time=").append(options.timeLimit()).append('\n');
        }
        if (options.memory() != null) {
            s.append("#SBATCH --mem=").append(options.memory()).append('\n');
        }
        if (options.gres() != null) {
            s.append("#SBATCH --gres=").append(options.gres()).append('\n');
        }
        s.append("#SBATCH --output=")
                .append(quote(sweepFolder.resolve("logs").resolve("slurm-%A_%a.out").toString()))
                .append('\n');
        s.append("set -euo pipefail\n");
        s.append(
                String.format(
                        Locale.ROOT,
                        "export OMP_NUM_THREADS=%d MKL_NUM_THREADS=%d%n",
                        threads,
                        threads));
        // read by every JVM whatever the launcher: PyTorch's threads and the JVM's view of the CPUs
        s.append(
                String.format(
                        Locale.ROOT,
                        "export JAVA_TOOL_OPTIONS=\"${JAVA_TOOL_OPTIONS:-} -XX:ActiveProcessorCount=%d"
                                + " -Dai.djl.pytorch.num_threads=%d"
                                + " -Dai.djl.pytorch.num_interop_threads=1\"%n",
                        threads,
                        threads));
        s.append("case \"${SLURM_ARRAY_TASK_ID:?run this script with sbatch}\" in\n");
        for (Task t : tasks) {
            s.append("  ").append(t.index()).append(") exec");
            for (String arg : t.command()) {
                s.append(' ').append(shellWord(arg));
            }
            s.append(" ;;\n");
        }
        s.append(
                "  *) echo \"no sweep point $SLURM_ARRAY_TASK_ID in this array\" >&2; exit 2 ;;\n");
        s.append("esac\n");
        return s.toString();
    }

    /** {@code word} as one shell word: bare when safe, else in single quotes. */
    public static String shellWord(String word) {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9_./=:,+@%-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** A directive value in double quotes, which sbatch strips (it keeps spaces inside). */
    private static String quote(String value) {
        if (value.matches("[A-Za-z0-9_./=:,+@%-]+")) {
            return value;
        }
        if (value.contains("\"")) {
            throw new IllegalArgumentException(
                    "a Slurm directive cannot hold a double quote: " + value);
        }
        return "\"" + value + "\"";
    }

    /** The script's tasks' indices, for callers that list them. */
    public List<Integer> indices() {
        List<Integer> out = new ArrayList<>();
        tasks.forEach(t -> out.add(t.index()));
        return out;
    }
}
