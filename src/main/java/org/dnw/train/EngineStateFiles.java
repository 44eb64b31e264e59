package org.dnw.train;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.dnw.data.NumpyArrays;
import org.dnw.spec.SpecJson;

/**
 * The one format of an engine's training state ({@link TrainingEngine#saveState}), the same for
 * every engine: {@value #PARAMETERS} (an {@code .npz} with one entry per parameter, float32 for the
 * PyTorch engine, float64 for the from-scratch one, so both are exact), {@value #OPTIMIZER} (an
 * {@code .npz} of the optimiser's state arrays, when it has any) and {@value #STATE} (a small JSON
 * object: the engine and whatever numbers the optimiser keeps, e.g. update counts). Arrays are
 * written and read by the one NumPy writer and reader, {@link NumpyArrays}, so {@code numpy.load}
 * reads them. Stateless and thread-safe.
 */
public final class EngineStateFiles {

    /** The parameters' archive. */
    public static final String PARAMETERS = "parameters.npz";

    /** The optimiser's state arrays. */
    public static final String OPTIMIZER = "optimizer.npz";

    /** The engine's small JSON object. */
    public static final String STATE = "engine-state.json";

    private EngineStateFiles() {}

    /** Writes an {@code .npz} of complete {@code .npy} files, one entry per map entry. */
    public static void writeNpz(Path file, Map<String, byte[]> npyFiles) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            NumpyArrays.writeNpzFiles(out, npyFiles);
        }
    }

    /**
     * The {@code .npy} entries of an archive written by {@link #writeNpz}.
     *
     * @throws IOException naming the file when it is missing or not an archive
     */
    public static Map<String, byte[]> readNpz(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file.getFileName() + " is missing");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return NumpyArrays.readNpzFiles(in);
        } catch (IOException | RuntimeException e) {
            throw new IOException(
                    file.getFileName() + " cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** Writes {@code value} as JSON with the project's one mapper. */
    public static void writeJson(Path file, Object value) throws IOException {
        SpecJson.mapper().writeValue(file.toFile(), value);
    }

    /**
     * Reads a JSON object written by {@link #writeJson}.
     *
     * @throws IOException naming the file when it is missing or unparsable
     */
    public static <T> T readJson(Path file, Class<T> type) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file.getFileName() + " is missing");
        }
        try {
            return SpecJson.mapper().readValue(file.toFile(), type);
        } catch (IOException | RuntimeException e) {
            throw new IOException(
                    file.getFileName() + " cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
