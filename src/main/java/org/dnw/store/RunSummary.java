package org.dnw.store;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One line of the run list. For a {@link RunStatus#DAMAGED} run, the figures its manifest could not
 * provide are NaN, 0 or null, and {@code runName} falls back to the folder's name.
 *
 * @param folder the run's folder
 * @param status OK or DAMAGED
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
        Instant startedAt) {

    /** The folder's name, e.g. "20260101-120000-seed-cnn". */
    public String folderName() {
        return folder.getFileName().toString();
    }

    public boolean isDamaged() {
        return status == RunStatus.DAMAGED;
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
                    null);
        }
        RunResults r = m.results();
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
                m.startedAt());
    }
}
