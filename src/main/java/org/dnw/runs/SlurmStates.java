package org.dnw.runs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the states of a job array's tasks from Slurm's own output: {@code squeue -h -r -j JOB -o
 * '%K|%T'} (tasks still queued or running) and {@code scontrol -o show job JOB} (also tasks that
 * ended in the last {@code MinJobAge}). {@code sacct} is not used: without an accounting database
 * (as on the one-node cluster of {@code .ci/slurm-up}) it answers only that accounting is disabled.
 */
public final class SlurmStates {

    /** A task's state as the sweep table shows it. */
    public enum TaskState {
        PENDING,
        RUNNING,
        DONE,
        FAILED,
        CANCELLED,
        /**
         * the task ended (killed, failed, or Slurm forgot it) leaving its run interrupted, with its
         * epochs so far: resubmitting the point resumes it
         */
        INTERRUPTED,
        /** the point cannot run (a setting the network cannot take); not in the array */
        SKIPPED,
        /** Slurm no longer knows the task and no run was saved */
        UNKNOWN;

        /** Lower-case, for tables. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private SlurmStates() {}

    /** A Slurm job state name (e.g. "COMPLETED", "OUT_OF_MEMORY") as a task state. */
    public static TaskState of(String slurmState) {
        String s = slurmState.strip().toUpperCase(Locale.ROOT);
        int space = s.indexOf(' ');
        if (space > 0) {
            s = s.substring(0, space); // "CANCELLED by 0"
        }
        return switch (s) {
            case "PENDING", "REQUEUED", "REQUEUE_HOLD", "REQUEUE_FED", "RESV_DEL_HOLD" ->
                    TaskState.PENDING;
            case "RUNNING",
                    "CONFIGURING",
                    "COMPLETING",
                    "STAGE_OUT",
                    "SIGNALING",
                    "RESIZING",
                    "SUSPENDED",
                    "STOPPED" ->
                    TaskState.RUNNING;
            case "COMPLETED" -> TaskState.DONE;
            case "CANCELLED", "PREEMPTED", "REVOKED" -> TaskState.CANCELLED;
            case "FAILED",
                    "TIMEOUT",
                    "NODE_FAIL",
                    "OUT_OF_MEMORY",
                    "BOOT_FAIL",
                    "DEADLINE",
                    "SPECIAL_EXIT" ->
                    TaskState.FAILED;
            default -> TaskState.UNKNOWN;
        };
    }

    /** Task index → Slurm state name, from {@code squeue -h -r -o '%K|%T'} lines. */
    public static Map<Integer, String> fromSqueue(String output) {
        Map<Integer, String> out = new LinkedHashMap<>();
        for (String line : output.split("\\R")) {
            String[] parts = line.strip().split("\\|");
            if (parts.length == 2) {
                for (int index : indices(parts[0])) {
                    out.put(index, parts[1].strip());
                }
            }
        }
        return out;
    }

    /** Task index → Slurm state name, from {@code scontrol -o show job} (one record a line). */
    public static Map<Integer, String> fromScontrol(String output) {
        Map<Integer, String> out = new LinkedHashMap<>();
        for (String line : output.split("\\R")) {
            String tasks = null;
            String state = null;
            for (String token : line.strip().split("\\s+")) {
                if (token.startsWith("ArrayTaskId=")) {
                    tasks = token.substring("ArrayTaskId=".length());
                } else if (token.startsWith("JobState=")) {
                    state = token.substring("JobState=".length());
                }
            }
            if (tasks != null && state != null) {
                for (int index : indices(tasks)) {
                    out.put(index, state);
                }
            }
        }
        return out;
    }

    /** "3", "2-3%2", "0,2-4" → the indices; anything else (e.g. "N/A") → none. */
    static List<Integer> indices(String text) {
        String s = text.strip();
        int percent = s.indexOf('%');
        if (percent >= 0) {
            s = s.substring(0, percent);
        }
        s = s.replace("[", "").replace("]", "");
        List<Integer> out = new ArrayList<>();
        try {
            for (String part : s.split(",")) {
                String[] range = part.split("-");
                int from = Integer.parseInt(range[0].strip());
                int to = range.length > 1 ? Integer.parseInt(range[1].strip()) : from;
                for (int i = from; i <= to && out.size() < 100_000; i++) {
                    out.add(i);
                }
            }
        } catch (NumberFormatException e) {
            return Collections.emptyList();
        }
        return out;
    }
}
