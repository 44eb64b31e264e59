package org.dnw.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dnw.data.NumpyArrays;
import org.dnw.train.ParameterValues;

/**
 * Reads a float32 {@code .npy} file as written by {@link NpyWriter} or {@code numpy.save} through
 * the one NumPy reader, {@link NumpyArrays}: versions 1.0–3.0, dtype {@code <f4}, C order.
 * Stateless and thread-safe.
 */
public final class NpyReader {

    private NpyReader() {}

    /**
     * Reads the array in {@code file}.
     *
     * @param name the name the returned values carry
     * @throws RunFormatException naming the file when it is not a float32 C-order .npy
     */
    public static ParameterValues read(Path file, String name) throws IOException {
        return parse(Files.readAllBytes(file), file, name);
    }

    /**
     * Reads every array of an {@code .npz} archive, such as a run's {@code weights.npz} (every
     * trained parameter, in the engine's order), in the archive's order; each named as its entry.
     *
     * <p>A file that is not a zip archive holds no entries and gives an empty list.
     *
     * @throws RunFormatException naming the file when an entry is not a float32 C-order .npy
     */
    public static List<ParameterValues> readNpz(Path file) throws IOException {
        Map<String, byte[]> files;
        try (InputStream in = Files.newInputStream(file)) {
            files = NumpyArrays.readNpzFiles(in);
        }
        List<ParameterValues> out = new ArrayList<>(files.size());
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            out.add(parse(e.getValue(), file, e.getKey()));
        }
        return out;
    }

    static ParameterValues parse(byte[] bytes, Path file, String name) throws RunFormatException {
        try {
            NumpyArrays.Entry a = NumpyArrays.parse(bytes, name);
            return new ParameterValues(a.name(), a.shape(), a.values());
        } catch (NumpyArrays.FormatException e) {
            throw new RunFormatException(file, e.getMessage(), e);
        }
    }
}
