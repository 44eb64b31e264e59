package org.dnw.runs;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Slurm's own commands, run as processes: {@code sbatch} to submit, {@code squeue} and {@code
 * scontrol} to read states, {@code scancel} to cancel. Nothing of Slurm's is reimplemented here.
 * Thread-safe (stateless).
 */
public final class SlurmCluster {

    /** sbatch refused the job; the message is Slurm's. */
    public static final class SubmissionRefused extends Exception {
        private static final long serialVersionUID = 1L;

        public SubmissionRefused(String message) {
            super(message);
        }
    }

    private final Path sbatch;

    private SlurmCluster(Path sbatch) {
        this.sbatch = sbatch;
    }

    /**
     * The cluster reached through the {@code sbatch} found on {@code searchPath} (the value of
     * {@code PATH}), or empty when there is none.
     */
    public static Optional<SlurmCluster> find(String searchPath) {
        if (searchPath == null) {
            return Optional.empty();
        }
        for (String dir : searchPath.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, "sbatch");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(new SlurmCluster(candidate));
            }
        }
        return Optional.empty();
    }

    /**
     * Submits {@code script} from {@code workingDirectory} (the tasks start there) with {@code
     * sbatch --parsable}.
     *
     * @return the job id
     * @throws SubmissionRefused with Slurm's message when sbatch exits non-zero
     */
    public String submit(Path script, Path workingDirectory)
            throws IOException, InterruptedException, SubmissionRefused {
        Result r =
                run(
                        List.of(sbatch.toString(), "--parsable", script.toString()),
                        workingDirectory,
                        60);
        if (r.exitCode() != 0) {
            String message = r.error().isBlank() ? r.output() : r.error();
            throw new SubmissionRefused(message.strip());
        }
        String id = r.output().strip();
        int semicolon = id.indexOf(';'); // "<id>;<cluster>" on federated clusters
        return semicolon >= 0 ? id.substring(0, semicolon) : id;
    }

    /**
     * Task index → Slurm state name of the array {@code jobId}: {@code scontrol}'s records overlaid
     * with {@code squeue}'s. Empty when Slurm no longer knows the job.
     */
    public Map<Integer, String> states(String jobId) throws IOException, InterruptedException {
        Path bin = sbatch.getParent();
        Map<Integer, String> out = new LinkedHashMap<>();
        Result scontrol =
                run(
                        List.of(bin.resolve("scontrol").toString(), "-o", "show", "job", jobId),
                        null,
                        30);
        if (scontrol.exitCode() == 0) {
            out.putAll(SlurmStates.fromScontrol(scontrol.output()));
        }
        Result squeue =
                run(
                        List.of(
                                bin.resolve("squeue").toString(),
                                "-h",
                                "-r",
                                "-j",
                                jobId,
                                "-o",
                                "%K|%T"),
                        null,
                        30);
        if (squeue.exitCode() == 0) {
            out.putAll(SlurmStates.fromSqueue(squeue.output()));
        }
        return out;
    }

    /**
     * Cancels every task of the array {@code jobId} with {@code scancel}: pending tasks leave the
     * queue, running ones are signalled by Slurm.
     *
     * @throws IOException with Slurm's message when scancel refuses (e.g. an unknown job id)
     */
    public void cancel(String jobId) throws IOException, InterruptedException {
        Result r = run(List.of(sbatch.getParent().resolve("scancel").toString(), jobId), null, 30);
        if (r.exitCode() != 0) {
            String message = r.error().isBlank() ? r.output() : r.error();
            throw new IOException(message.strip());
        }
    }

    private record Result(int exitCode, String output, String error) {}

    private static Result run(List<String> command, Path dir, int timeoutSeconds)
            throws IOException, InterruptedException {
        Path err = Files.createTempFile("slurm-", ".err");
        try {
            ProcessBuilder pb =
                    new ProcessBuilder(new ArrayList<>(command))
                            .redirectError(err.toFile())
                            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            if (dir != null) {
                pb.directory(dir.toFile());
            }
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                return new Result(
                        127, "", command.get(0) + " cannot be started: " + e.getMessage());
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(
                        124, out, command.get(0) + " did not answer in " + timeoutSeconds + " s");
            }
            return new Result(p.exitValue(), out, Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
