package org.dnw.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.dnw.runs.SlurmSweep;
import org.dnw.spec.SpecJson;

/** {@code sweep-slurm.json} of a sweep folder, as JSON (Jackson stays out of {@code runs}). */
final class SlurmSweepRecords {

    /** The project's one configured mapper (specs, manifests), so a record reads as they do. */
    private static final ObjectMapper JSON = SpecJson.mapper();

    private SlurmSweepRecords() {}

    /** Writes the record atomically (a temporary file, then one rename). */
    static void write(Path folder, SlurmSweep.Record record) throws IOException {
        Path tmp = folder.resolve(SlurmSweep.RECORD_FILE + ".tmp");
        Files.write(tmp, JSON.writeValueAsBytes(record));
        Files.move(
                tmp,
                folder.resolve(SlurmSweep.RECORD_FILE),
                StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The record of the sweep in {@code folder}.
     *
     * @throws IllegalArgumentException with a sentence when the folder holds no sweep sent to Slurm
     */
    static SlurmSweep.Record read(Path folder) throws IOException {
        Path file = folder.resolve(SlurmSweep.RECORD_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(
                    folder
                            + " is not a sweep sent to Slurm (it has no "
                            + SlurmSweep.RECORD_FILE
                            + ")");
        }
        try {
            return JSON.readValue(file.toFile(), SlurmSweep.Record.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(file + " is damaged: " + e.getOriginalMessage());
        }
    }
}
