package org.dnw.store;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dnw.data.NumpyArrays;
import org.dnw.train.ParameterValues;

/**
 * Writes a run's parameters in NumPy's {@code .npy} format and {@code .npz} archives of them,
 * readable with {@code numpy.load}, through the one NumPy writer, {@link NumpyArrays}; this class
 * adds the run folder's entry names. Stateless and thread-safe.
 */
public final class NpyWriter {

    private NpyWriter() {}

    /** The complete header, magic to newline; see {@link NumpyArrays#header}. */
    public static byte[] header(int[] shape) {
        return NumpyArrays.header(shape);
    }

    /** Writes one array as a complete {@code .npy} file; see {@link NumpyArrays#write}. */
    public static void write(OutputStream out, int[] shape, float[] values) throws IOException {
        NumpyArrays.write(out, shape, values);
    }

    /** The complete {@code .npy} bytes of one array. */
    public static byte[] toBytes(int[] shape, float[] values) {
        return NumpyArrays.toBytes(shape, values);
    }

    /**
     * Writes an {@code .npz} archive to {@code out} (left open): one entry per parameter, named
     * {@link #entryName} of its name, made unique with {@code _2}, {@code _3}... in order.
     */
    public static void writeNpz(OutputStream out, List<ParameterValues> arrays) throws IOException {
        Set<String> used = new HashSet<>();
        List<NumpyArrays.Entry> entries = new ArrayList<>(arrays.size());
        for (ParameterValues p : arrays) {
            String base = entryName(p.name());
            String name = base;
            for (int i = 2; !used.add(name); i++) {
                name = base + "_" + i;
            }
            entries.add(new NumpyArrays.Entry(name, p.shape(), p.values()));
        }
        NumpyArrays.writeNpz(out, entries);
    }

    /**
     * A parameter name as a Python identifier-like entry name: characters other than letters,
     * digits, {@code _}, {@code -} and {@code .} become {@code _}; empty becomes "param".
     */
    public static String entryName(String name) {
        String s = name == null ? "" : name.replaceAll("[^A-Za-z0-9_.-]", "_");
        s = s.replaceAll("^\\.+", "");
        return s.isEmpty() ? "param" : s;
    }
}
