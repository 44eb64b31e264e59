package org.dnw.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dnw.train.ParameterValues;

/**
 * Reads a float32 {@code .npy} file as written by {@link NpyWriter} or {@code numpy.save}: versions
 * 1.0–3.0, dtype {@code <f4}, C order. Stateless and thread-safe.
 */
public final class NpyReader {

    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(\\w+)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

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

    static ParameterValues parse(byte[] bytes, Path file, String name) throws RunFormatException {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10
                || (bytes[0] & 0xFF) != 0x93
                || !new String(bytes, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
            throw new RunFormatException(file, "not a NumPy .npy file (the magic bytes are wrong)");
        }
        int major = bytes[6];
        int headerLength;
        int dataStart;
        if (major == 1) {
            headerLength = Short.toUnsignedInt(b.getShort(8));
            dataStart = 10 + headerLength;
        } else if ((major == 2 || major == 3) && bytes.length >= 12) {
            headerLength = b.getInt(8);
            dataStart = 12 + headerLength;
        } else {
            throw new RunFormatException(file, "unsupported .npy version " + major);
        }
        if (headerLength < 0 || dataStart > bytes.length) {
            throw new RunFormatException(file, "the .npy header is truncated");
        }
        String header =
                new String(
                        bytes,
                        dataStart - headerLength,
                        headerLength,
                        major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher descr = DESCR.matcher(header);
        String type = descr.find() ? descr.group(1) : null;
        if (!"<f4".equals(type)) {
            throw new RunFormatException(
                    file,
                    "holds "
                            + (type == null ? "values of an unknown type" : "'" + type + "' values")
                            + ", expected little-endian float32 ('<f4')");
        }
        Matcher fortran = FORTRAN.matcher(header);
        if (fortran.find() && !fortran.group(1).equals("False")) {
            throw new RunFormatException(file, "is in Fortran order; only C order is read");
        }
        Matcher shapeMatch = SHAPE.matcher(header);
        if (!shapeMatch.find()) {
            throw new RunFormatException(file, "the .npy header has no shape");
        }
        int[] shape;
        long count = 1;
        try {
            List<Integer> dims = new ArrayList<>();
            for (String part : shapeMatch.group(1).split(",")) {
                if (!part.isBlank()) {
                    dims.add(Integer.parseInt(part.strip().replaceAll("L$", "")));
                }
            }
            shape = dims.stream().mapToInt(Integer::intValue).toArray();
            for (int d : shape) {
                if (d < 0) {
                    throw new NumberFormatException("negative");
                }
                count *= d;
            }
        } catch (NumberFormatException e) {
            throw new RunFormatException(file, "the .npy shape is not a list of sizes", e);
        }
        long expected = dataStart + count * Float.BYTES;
        if (bytes.length != expected) {
            throw new RunFormatException(
                    file,
                    "holds "
                            + (bytes.length - dataStart)
                            + " data bytes, expected "
                            + count * Float.BYTES
                            + " for its shape (the file looks truncated)");
        }
        float[] values = new float[(int) count];
        b.position(dataStart);
        b.asFloatBuffer().get(values);
        return new ParameterValues(name, shape, values);
    }
}
