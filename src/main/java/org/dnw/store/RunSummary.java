package org.dnw.store;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One line of the run list. For a {@link RunStatus#DAMAGED} run, the figures its manifest could not
 * provide are NaN, 0 or null, and {@code runName} falls back to the folder's name.
 *
 * @param folder the run's folder
 * @param status complete (OK), damaged, running or interrupted
 * @param problem why the run is damaged, in a sentence; null when OK
 * @param runName the run's name
 * @param datasetName the data set's catalog name; null when unknown
 * @param specName the network's name; null when unknown
 * @param parameterCount trainable parameters; 0 when unknown
 * @param epochsCompleted epochs trained; 0 when unknown
 * @param bestValidationAccuracy in [0, 1]; NaN when none or unknown
 * @param testAccuracy in [0, 1]; NaN when unknown
 * @param durationMillis training time; 0 when unknown
 * @param device where it trained; null when unknown
 * @param startedAt when training began; null when unknown
 * @param epochCount epochs planned; 0 when unknown
 * @param samplesPerSecond training throughput: the last one reported for a running or interrupted
 *     run, the average over training for a complete one; NaN when unknown
 */
public record RunSummary(
        Path folder,
        RunStatus status,
        String problem,
        String runName,
        String datasetName,
        String specName,
        long parameterCount,
        int epochsCompleted,
        double bestValidationAccuracy,
        double testAccuracy,
        long durationMillis,
        String device,
        Instant startedAt,
        int epochCount,
        double samplesPerSecond) {

    /**
     * The run's name in its folder, which commands accept to name it: the folder's name for a
     * complete or damaged run (e.g. "20260101-120000-seed-cnn"), and for a running or interrupted
     * run its draft folder's name without the hidden prefix {@code .tmp-} (e.g.
     * "20260101-120000-seed-cnn-4821937": start time, name and a number making it unique). That
     * name is stable while the run is a draft; the run gets its published name when it completes.
     */
    public String folderName() {
        String name = folder.getFileName().toString();
        return name.startsWith(RunFiles.DRAFT_PREFIX)
                ? name.substring(RunFiles.DRAFT_PREFIX.length())
                : name;
    }

    public boolean isDamaged() {
        return status == RunStatus.DAMAGED;
    }

    /** Whether the run is complete and readable: the only runs that can be opened in full. */
    public boolean isComplete() {
        return status == RunStatus.OK;
    }

    /** Whether the run is a draft, running or interrupted. */
    public boolean isLive() {
        return status == RunStatus.RUNNING || status == RunStatus.INTERRUPTED;
    }

    /** A running or interrupted draft, from its live log. */
    static RunSummary live(Path folder, RunStatus status, RunEvents.Log log) {
        long millis =
                (long) (log.epochs().stream().mapToDouble(EpochMetrics::seconds).sum() * 1000);
        return new RunSummary(
                folder,
                status,
                null,
                log.runName() == null ? folder.getFileName().toString() : log.runName(),
                log.datasetName(),
                log.specName(),
                log.parameterCount(),
                log.epochs().size(),
                log.bestValidationAccuracy(),
                Double.NaN,
                millis,
                log.device(),
                log.startedAt(),
                log.epochCount(),
                log.progress() == null ? Double.NaN : log.progress().samplesPerSecond());
    }

    static RunSummary ok(Path folder, RunManifest m) {
        return of(folder, RunStatus.OK, null, m);
    }

    static RunSummary damaged(Path folder, String problem, RunManifest m) {
        return of(folder, RunStatus.DAMAGED, problem, m);
    }

    private static RunSummary of(Path folder, RunStatus status, String problem, RunManifest m) {
        if (m == null) {
            return new RunSummary(
                    folder,
                    status,
                    problem,
                    folder.getFileName().toString(),
                    null,
                    null,
                    0,
                    0,
                    Double.NaN,
                    Double.NaN,
                    0,
                    null,
                    null,
                    0,
                    Double.NaN);
        }
        RunResults r = m.results();
        int epochs = r == null ? 0 : r.epochsCompleted();
        double samplesPerSecond =
                m.dataset() == null || m.durationMillis() <= 0
                        ? Double.NaN
                        : (double) m.dataset().trainSize() * epochs * 1000 / m.durationMillis();
        return new RunSummary(
                folder,
                status,
                problem,
                m.runName() == null ? folder.getFileName().toString() : m.runName(),
                m.dataset() == null ? null : m.dataset().name(),
                m.spec() == null ? null : m.spec().name(),
                m.parameterCount(),
                r == null ? 0 : r.epochsCompleted(),
                r == null ? Double.NaN : r.bestValidationAccuracy(),
                r == null ? Double.NaN : r.testAccuracy(),
                m.durationMillis(),
                m.device(),
                m.startedAt(),
                m.hyperparameters() == null ? epochs : m.hyperparameters().epochCount(),
                samplesPerSecond);
    }
}
