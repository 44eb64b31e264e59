package org.dnw.engine.scratch;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.dnw.data.NumpyArrays;
import org.dnw.train.ParameterValues;

/**
 * The from-scratch engine's model file, {@value #FILE_NAME}: an {@code .npz} archive (a zip of
 * NumPy {@code .npy} float32 arrays, stored uncompressed, as {@code numpy.savez} writes), one entry
 * {@code <name>.npy} per parameter in layer order, weights in DJL's {@code (units, inputs)} layout.
 * Python reads it with {@code numpy.load(path)}. Its {@code .params} suffix makes the run store
 * list it as the run's model file. Stateless and thread-safe.
 *
 * <p>The arrays are written and read by the one NumPy reader and writer, {@link NumpyArrays}, as
 * the run folders' are; this class adds the atomic file write and the archive's error messages.
 */
public final class ParamsArchive {

    /** The file name inside a run's artifacts folder. */
    public static final String FILE_NAME = "scratch.params";

    private ParamsArchive() {}

    /**
     * Writes {@code parameters} to {@code file} atomically: into a temporary file beside it, then
     * renamed over it, so a reader never sees half a file.
     */
    public static void write(Path file, List<ParameterValues> parameters) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, "." + file.getFileName(), ".tmp");
        try {
            try (OutputStream out =
                    new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
                writeTo(out, parameters);
            }
            try {
                Files.move(
                        temp,
                        file,
                        StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Writes the archive to {@code out} (left open), through the one NumPy writer. */
    static void writeTo(OutputStream out, List<ParameterValues> parameters) throws IOException {
        List<NumpyArrays.Entry> entries = new ArrayList<>(parameters.size());
        for (ParameterValues p : parameters) {
            entries.add(new NumpyArrays.Entry(p.name(), p.shape(), p.values()));
        }
        NumpyArrays.writeNpz(out, entries);
    }

    /**
     * Reads every {@code .npy} entry of an archive, in archive order; a parameter's name is its
     * entry name without {@code .npy}.
     *
     * @throws IOException naming the file when it is missing, not a zip, or an entry is not a
     *     little-endian float32 C-order array
     */
    public static List<ParameterValues> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file.getFileName() + ": not found at " + file.toAbsolutePath());
        }
        List<ParameterValues> out = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(file);
                ZipInputStream zip = new ZipInputStream(raw)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (!e.getName().endsWith(".npy")) {
                    continue;
                }
                String name = e.getName().substring(0, e.getName().length() - 4);
                out.add(parse(zip.readAllBytes(), file, name));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof IOException io
                    && io.getMessage() != null
                    && io.getMessage().startsWith(file.getFileName().toString())) {
                throw io;
            }
            throw new IOException(
                    file.getFileName() + ": cannot be read as a parameter archive (" + e + ")", e);
        }
        if (out.isEmpty()) {
            throw new IOException(file.getFileName() + ": holds no parameters");
        }
        return out;
    }

    static byte[] npy(int[] shape, float[] values) {
        return NumpyArrays.toBytes(shape, values);
    }

    static ParameterValues parse(byte[] bytes, Path file, String name) throws IOException {
        try {
            NumpyArrays.Entry a = NumpyArrays.parse(bytes, name);
            return new ParameterValues(a.name(), a.shape(), a.values());
        } catch (NumpyArrays.FormatException e) {
            throw new IOException(
                    file.getFileName() + ": entry " + name + ".npy " + e.getMessage(), e);
        }
    }
}
