package org.dnw.runs;

/**
 * What a sweep asks of a Slurm cluster: the resources of each array task and how many run at once.
 * Slurm checks the values; only their form is checked here.
 *
 * @param partition the partition ({@code --partition}), or null for the cluster's default
 * @param timeLimit the wall-time limit per task as Slurm writes it, e.g. "01:30:00", or null
 * @param cpusPerTask CPUs per task, ≥ 1; also the task's training threads
 * @param memory memory per task as Slurm writes it, e.g. "4G", or null
 * @param gres generic resources per task, e.g. "gpu:1", or null
 * @param maxParallel at most this many tasks at once ({@code %K} of the array), or 0 for no limit
 */
public record SlurmOptions(
        String partition,
        String timeLimit,
        int cpusPerTask,
        String memory,
        String gres,
        int maxParallel) {

    public SlurmOptions {
        if (cpusPerTask < 1) {
            throw new IllegalArgumentException(
                    "--cpus-per-task must be at least 1, not " + cpusPerTask);
        }
        if (maxParallel < 0) {
            throw new IllegalArgumentException(
                    "--max-parallel must be at least 1, not " + maxParallel);
        }
        if (timeLimit != null && !timeLimit.matches("(\\d+-)?\\d+(:\\d{1,2}){0,2}")) {
            throw new IllegalArgumentException(
                    "--time must read like 01:30:00 or 2-00:00:00, not '" + timeLimit + "'");
        }
        for (String[] value :
                new String[][] {{"--partition", partition}, {"--mem", memory}, {"--gres", gres}}) {
            if (value[1] != null && !value[1].matches("[A-Za-z0-9_.:,+-]+")) {
                throw new IllegalArgumentException(
                        value[0]
                                + " takes letters, digits and . : , _ + - only, not '"
                                + value[1]
                                + "'");
            }
        }
    }
}
