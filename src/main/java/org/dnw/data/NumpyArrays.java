package org.dnw.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * NumPy's {@code .npy} format for float32 arrays, and {@code .npz} archives of them: the one reader
 * and writer both engines and the run folders use, so that {@code numpy.load} reads every array the
 * workbench writes. Stateless and thread-safe.
 *
 * <p>Layout of a {@code .npy} file as written: the magic {@code \x93NUMPY}, version bytes 1 and 0,
 * the header length as a little-endian uint16, an ASCII header {@code {'descr': '<f4',
 * 'fortran_order': False, 'shape': (d0, d1, ), }} padded with spaces and ended by a newline so that
 * the data starts at a multiple of 64 bytes, then the values as little-endian float32 in row-major
 * (C) order. An {@code .npz} is a zip of {@code <name>.npy} entries, stored uncompressed with a
 * zero time stamp, as {@code numpy.savez} does (so numpy can memory-map them and the same arrays
 * give the same bytes). The reader takes versions 1.0–3.0, dtype {@code <f4}, C order. Float64
 * ({@code <f8}) arrays are written and read the same way ({@link #toBytes(int[], double[])}, {@link
 * #parseDoubles}) for state that must round-trip exactly, such as the from-scratch engine's
 * checkpoints.
 */
public final class NumpyArrays {

    /**
     * One named array: {@code values} in row-major order, their count the product of {@code shape}.
     */
    public record Entry(String name, int[] shape, float[] values) {}

    /**
     * Bytes that are not a float32 C-order {@code .npy} array. The message is a predicate that
     * reads after the file's or entry's name: "is truncated inside its header", "holds '<f8', not
     * float32 ('<f4')".
     */
    public static final class FormatException extends IOException {

        private static final long serialVersionUID = 1L;

        FormatException(String problem) {
            super(problem);
        }

        FormatException(String problem, Throwable cause) {
            super(problem, cause);
        }
    }

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    /** numpy aligns the data to 64 bytes. */
    public static final int ALIGNMENT = 64;

    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(\\w+)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NumpyArrays() {}

    /**
     * The complete header, magic to newline, for a little-endian float32 array.
     *
     * @param shape dimensions, each ≥ 0; empty for a scalar
     * @return bytes whose length is a multiple of {@value #ALIGNMENT}
     */
    public static byte[] header(int[] shape) {
        return header(shape, "<f4");
    }

    private static byte[] header(int[] shape, String descr) {
        StringBuilder dims = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            dims.append(shape[i]);
            // A 1-tuple needs its comma in Python: (5,)
            dims.append(shape.length == 1 ? "," : i < shape.length - 1 ? ", " : "");
        }
        dims.append(')');
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + dims + ", }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int padding = (ALIGNMENT - unpadded % ALIGNMENT) % ALIGNMENT;
        String text = dict + " ".repeat(padding) + "\n";
        if (text.length() > 0xFFFF) {
            throw new IllegalArgumentException("shape too long for a .npy 1.0 header");
        }
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 4 + text.length());
        b.order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length());
        b.put(text.getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }

    /**
     * Writes one array as a complete {@code .npy} file to {@code out} (left open).
     *
     * @param shape dimensions whose product is {@code values.length}
     * @param values row-major values
     * @throws IllegalArgumentException when the shape has a negative size or does not fit the
     *     values
     */
    public static void write(OutputStream out, int[] shape, float[] values) throws IOException {
        checkShape(shape, values);
        out.write(header(shape));
        ByteBuffer b = ByteBuffer.allocate(Math.min(values.length, 1 << 16) * Float.BYTES);
        b.order(ByteOrder.LITTLE_ENDIAN);
        for (int start = 0; start < values.length; start += 1 << 16) {
            int end = Math.min(values.length, start + (1 << 16));
            b.clear();
            b.asFloatBuffer().put(values, start, end - start);
            out.write(b.array(), 0, (end - start) * Float.BYTES);
        }
    }

    /** The complete {@code .npy} bytes of one array; see {@link #write}. */
    public static byte[] toBytes(int[] shape, float[] values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 + values.length * Float.BYTES);
        try {
            write(out, shape, values);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /**
     * Writes an {@code .npz} archive to {@code out} (flushed, left open): one stored entry {@code
     * <name>.npy} per array, in order. Names are used as given; the caller makes them unique.
     */
    public static void writeNpz(OutputStream out, List<Entry> arrays) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Entry a : arrays) {
            files.put(a.name(), toBytes(a.shape(), a.values()));
        }
        writeNpzFiles(out, files);
    }

    /**
     * Writes an {@code .npz} archive of complete {@code .npy} files ({@link #toBytes}), one stored
     * entry {@code <name>.npy} per map entry, in the map's order, as {@link #writeNpz} does.
     */
    public static void writeNpzFiles(OutputStream out, Map<String, byte[]> npyFiles)
            throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        for (Map.Entry<String, byte[]> a : npyFiles.entrySet()) {
            byte[] bytes = a.getValue();
            ZipEntry entry = new ZipEntry(a.getKey() + ".npy");
            // STORED, as numpy.savez writes, so numpy can memory-map the entries.
            CRC32 crc = new CRC32();
            crc.update(bytes);
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(bytes.length);
            entry.setCompressedSize(bytes.length);
            entry.setCrc(crc.getValue());
            entry.setTime(0);
            zip.putNextEntry(entry);
            zip.write(bytes);
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
    }

    /**
     * Reads the complete bytes of one {@code .npy} file.
     *
     * @param name the name the returned entry carries
     * @throws FormatException when the bytes are not a float32 C-order {@code .npy} array of
     *     version 1.0–3.0, or hold more or fewer values than the shape needs
     */
    public static Entry parse(byte[] bytes, String name) throws FormatException {
        Header h = header(bytes, "<f4", "float32", Float.BYTES);
        float[] values = new float[(int) h.count];
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        b.position(h.dataStart);
        b.asFloatBuffer().get(values);
        return new Entry(name, h.shape, values);
    }

    /**
     * One named float64 array (the from-scratch engine's parameters, kept exactly in checkpoints):
     * {@code values} in row-major order.
     */
    public record DoubleEntry(String name, int[] shape, double[] values) {}

    /** The complete {@code .npy} bytes of one float64 ({@code <f8}) array. */
    public static byte[] toBytes(int[] shape, double[] values) {
        checkShape(shape, values.length);
        byte[] head = header(shape, "<f8");
        ByteBuffer b = ByteBuffer.allocate(head.length + values.length * Double.BYTES);
        b.order(ByteOrder.LITTLE_ENDIAN).put(head);
        b.asDoubleBuffer().put(values);
        return b.array();
    }

    /**
     * Reads the complete bytes of one float64 ({@code <f8}) C-order {@code .npy} file.
     *
     * @throws FormatException as {@link #parse} does, for float64
     */
    public static DoubleEntry parseDoubles(byte[] bytes, String name) throws FormatException {
        Header h = header(bytes, "<f8", "float64", Double.BYTES);
        double[] values = new double[(int) h.count];
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        b.position(h.dataStart);
        b.asDoubleBuffer().get(values);
        return new DoubleEntry(name, h.shape, values);
    }

    /**
     * The complete bytes of each {@code .npy} entry of an {@code .npz} archive, by name without
     * {@code .npy}, in archive order; other entries are skipped.
     *
     * @throws IOException when the stream is not a zip archive
     */
    public static Map<String, byte[]> readNpzFiles(InputStream in) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        ZipInputStream zip = new ZipInputStream(in);
        for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
            if (e.getName().endsWith(".npy")) {
                out.put(e.getName().substring(0, e.getName().length() - 4), zip.readAllBytes());
            }
        }
        return out;
    }

    private record Header(int[] shape, long count, int dataStart) {}

    private static Header header(byte[] bytes, String wanted, String typeName, int width)
            throws FormatException {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10
                || (bytes[0] & 0xFF) != 0x93
                || !new String(bytes, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
            throw new FormatException("is not a NumPy .npy array (the magic bytes are wrong)");
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
            throw new FormatException("has the unsupported .npy version " + major);
        }
        if (headerLength < 0 || dataStart < 0 || dataStart > bytes.length) {
            throw new FormatException("is truncated inside its header");
        }
        String header =
                new String(
                        bytes,
                        dataStart - headerLength,
                        headerLength,
                        major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher descr = DESCR.matcher(header);
        if (!descr.find()) {
            throw new FormatException(
                    "holds values of an unknown type, not " + typeName + " ('" + wanted + "')");
        }
        if (!descr.group(1).equals(wanted)) {
            throw new FormatException(
                    "holds '" + descr.group(1) + "', not " + typeName + " ('" + wanted + "')");
        }
        Matcher fortran = FORTRAN.matcher(header);
        if (fortran.find() && !fortran.group(1).equals("False")) {
            throw new FormatException("is in Fortran order; only C order is read");
        }
        Matcher shapeMatch = SHAPE.matcher(header);
        if (!shapeMatch.find()) {
            throw new FormatException("has no shape in its header");
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
            throw new FormatException("has a shape that is not a list of sizes", e);
        }
        long expected = dataStart + count * width;
        if (bytes.length != expected) {
            throw new FormatException(
                    "holds "
                            + (bytes.length - dataStart)
                            + " data bytes, expected "
                            + count * width
                            + " for its shape (the file looks truncated)");
        }
        return new Header(shape, count, dataStart);
    }

    private static void checkShape(int[] shape, float[] values) {
        checkShape(shape, values.length);
    }

    /** Refuses a negative dimension and a shape that does not hold {@code length} values. */
    private static void checkShape(int[] shape, int length) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape");
            }
            n *= d;
        }
        if (n != length) {
            throw new IllegalArgumentException(
                    "shape " + Arrays.toString(shape) + " needs " + n + " values, got " + length);
        }
    }
}
