package org.dnw.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dnw.train.ParameterValues;

/**
 * Writes float32 arrays in NumPy's {@code .npy} format (version 1.0) and {@code .npz} archives of
 * them, readable with {@code numpy.load}. Stateless and thread-safe.
 *
 * <p>Layout of a {@code .npy} file: the magic {@code \x93NUMPY}, version bytes 1 and 0, the header
 * length as a little-endian uint16, an ASCII header {@code {'descr': '<f4', 'fortran_order': False,
 * 'shape': (d0, d1, ), }} padded with spaces and ended by a newline so that the data starts at a
 * multiple of 64 bytes, then the values as little-endian float32 in row-major (C) order. An {@code
 * .npz} is a zip of {@code <name>.npy} entries, stored uncompressed as {@code numpy.savez} does.
 */
public final class NpyWriter {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    /** numpy aligns the data to 64 bytes. */
    static final int ALIGNMENT = 64;

    private NpyWriter() {}

    /**
     * The complete header, magic to newline, for a little-endian float32 array.
     *
     * @param shape dimensions, each ≥ 0; empty for a scalar
     * @return bytes whose length is a multiple of {@value #ALIGNMENT}
     */
    public static byte[] header(int[] shape) {
        StringBuilder dims = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            dims.append(shape[i]);
            // A 1-tuple needs its comma in Python: (5,)
            dims.append(shape.length == 1 ? "," : i < shape.length - 1 ? ", " : "");
        }
        dims.append(')');
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': " + dims + ", }";
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

    /** The complete {@code .npy} bytes of one array. */
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
     * Writes an {@code .npz} archive to {@code out} (left open): one entry per parameter, named
     * {@link #entryName} of its name, made unique with {@code _2}, {@code _3}... in order.
     */
    public static void writeNpz(OutputStream out, List<ParameterValues> arrays) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        Set<String> used = new HashSet<>();
        for (ParameterValues p : arrays) {
            String base = entryName(p.name());
            String name = base;
            for (int i = 2; !used.add(name); i++) {
                name = base + "_" + i;
            }
            byte[] bytes = toBytes(p.shape(), p.values());
            ZipEntry entry = new ZipEntry(name + ".npy");
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

    private static void checkShape(int[] shape, float[] values) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape");
            }
            n *= d;
        }
        if (n != values.length) {
            throw new IllegalArgumentException(
                    "shape "
                            + java.util.Arrays.toString(shape)
                            + " needs "
                            + n
                            + " values, got "
                            + values.length);
        }
    }
}
