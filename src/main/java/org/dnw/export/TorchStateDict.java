package org.dnw.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dnw.train.ParameterValues;

/**
 * Writes a PyTorch {@code state_dict} in the zip format {@code torch.save} writes (format version
 * 3, as PyTorch 1.6 and later), so that {@code torch.load(file)} returns an {@code OrderedDict} of
 * name → float32 CPU tensor, ready for {@code module.load_state_dict}. No Python is needed.
 *
 * <p>The archive holds, under one folder named after the file (as {@code torch.save} does: {@code
 * model.pt} → {@code model/}):
 *
 * <ul>
 *   <li>{@code data.pkl}: a pickle (protocol 2) of {@code collections.OrderedDict} whose values are
 *       {@code torch._utils._rebuild_tensor_v2(storage, 0, size, stride, False, OrderedDict())},
 *       each storage a persistent id {@code ('storage', torch.FloatStorage, key, 'cpu', numel)};
 *   <li>{@code data/<key>}: the storage's values as little-endian float32, row-major (contiguous
 *       strides);
 *   <li>{@code byteorder}: "little" (read by PyTorch 2.1 and later, ignored before);
 *   <li>{@code version}: "3".
 * </ul>
 *
 * Entries are STORED (uncompressed). {@code torch.save} also pads each entry to start on a 64-byte
 * boundary so it can be memory-mapped; {@code torch.load} reads entries through miniz and needs no
 * alignment, so none is done here (checked with PyTorch 1.13 in {@code TorchStateDictIT}).
 * Stateless and thread-safe.
 */
public final class TorchStateDict {

    /** The file format version {@code torch.save} writes ({@code kProducedFileFormatVersion}). */
    public static final int FORMAT_VERSION = 3;

    private TorchStateDict() {}

    /**
     * Writes {@code parameters} to {@code file} (replaced if present), through a temporary file in
     * the same folder moved into place, so a failure leaves no half-written file.
     *
     * @param file the {@code .pt} file; its name without extension names the archive's folder
     * @param parameters in state_dict order: PyTorch name (e.g. "conv1.weight") → values, whose
     *     shape gives the tensor's size; the map key is the name, not {@link ParameterValues#name}
     * @throws IllegalArgumentException when a parameter's value count is not its shape's product
     */
    public static void write(Path file, Map<String, ParameterValues> parameters)
            throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        String name = archiveName(abs);
        ExportFiles.writeFile(abs, out -> write(out, name, parameters));
    }

    /**
     * Writes the archive to {@code out} (finished, left open).
     *
     * @param archiveName the folder every entry is under, e.g. "model"; not empty, no '/'
     */
    public static void write(
            OutputStream out, String archiveName, Map<String, ParameterValues> parameters)
            throws IOException {
        if (archiveName.isEmpty() || archiveName.contains("/")) {
            throw new IllegalArgumentException("bad archive name: \"" + archiveName + "\"");
        }
        for (Map.Entry<String, ParameterValues> e : parameters.entrySet()) {
            checkSize(e.getKey(), e.getValue());
        }
        ZipOutputStream zip = new ZipOutputStream(nonClosing(out));
        String prefix = archiveName + "/";
        putStored(zip, prefix + "data.pkl", pickle(parameters));
        int key = 0;
        for (ParameterValues p : parameters.values()) {
            putStored(zip, prefix + "data/" + key++, littleEndian(p.values()));
        }
        putStored(zip, prefix + "byteorder", "little".getBytes(StandardCharsets.US_ASCII));
        putStored(
                zip,
                prefix + "version",
                (FORMAT_VERSION + "\n").getBytes(StandardCharsets.US_ASCII));
        zip.finish();
        zip.close();
    }

    /** The folder name {@code torch.save} uses: the file name without its last extension. */
    static String archiveName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return stem.isEmpty() ? "archive" : stem;
    }

    /** The pickle (protocol 2) {@code data.pkl} holds; storage keys are "0", "1"... in order. */
    static byte[] pickle(Map<String, ParameterValues> parameters) {
        Pickler pk = new Pickler();
        pk.op(Pickler.PROTO).op(2);
        pk.global("collections", "OrderedDict").op(Pickler.EMPTY_TUPLE).op(Pickler.REDUCE);
        if (!parameters.isEmpty()) {
            pk.op(Pickler.MARK);
            int key = 0;
            for (Map.Entry<String, ParameterValues> e : parameters.entrySet()) {
                int[] shape = e.getValue().shape();
                pk.unicode(e.getKey());
                pk.global("torch._utils", "_rebuild_tensor_v2");
                pk.op(Pickler.MARK);
                // the storage, as a persistent id torch.load resolves to data/<key>
                pk.op(Pickler.MARK)
                        .unicode("storage")
                        .global("torch", "FloatStorage")
                        .unicode(Integer.toString(key++))
                        .unicode("cpu")
                        .integer(e.getValue().values().length)
                        .op(Pickler.TUPLE)
                        .op(Pickler.BINPERSID);
                pk.integer(0); // storage offset
                pk.intTuple(shape);
                pk.intTuple(contiguousStrides(shape));
                pk.op(Pickler.NEWFALSE); // requires_grad
                pk.global("collections", "OrderedDict").op(Pickler.EMPTY_TUPLE).op(Pickler.REDUCE);
                pk.op(Pickler.TUPLE).op(Pickler.REDUCE);
            }
            pk.op(Pickler.SETITEMS);
        }
        pk.op(Pickler.STOP);
        return pk.bytes.toByteArray();
    }

    /** Row-major strides in elements: the last dimension's is 1. */
    static int[] contiguousStrides(int[] shape) {
        int[] strides = new int[shape.length];
        long s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i] = (int) s;
            s *= Math.max(shape[i], 1);
        }
        return strides;
    }

    private static void checkSize(String name, ParameterValues p) {
        long n = 1;
        for (int d : p.shape()) {
            if (d < 0) {
                throw new IllegalArgumentException(name + ": negative dimension " + d);
            }
            n *= d;
        }
        if (n != p.values().length) {
            throw new IllegalArgumentException(
                    name + ": shape holds " + n + " values, but " + p.values().length + " given");
        }
    }

    /**
     * {@code values} as little-endian float32 bytes: a storage's, and an ONNX tensor's raw data.
     */
    static byte[] littleEndian(float[] values) {
        ByteBuffer b =
                ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return b.array();
    }

    private static void putStored(ZipOutputStream zip, String name, byte[] data)
            throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(data.length);
        entry.setCompressedSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        entry.setCrc(crc.getValue());
        // a fixed time, so the same parameters give the same bytes
        entry.setTime(315532800000L);
        zip.putNextEntry(entry);
        zip.write(data);
        zip.closeEntry();
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }

    /** The few pickle opcodes a state_dict needs (Python's pickle.py names them). */
    private static final class Pickler {
        static final int PROTO = 0x80;
        static final int GLOBAL = 'c';
        static final int EMPTY_TUPLE = ')';
        static final int REDUCE = 'R';
        static final int MARK = '(';
        static final int TUPLE = 't';
        static final int SETITEMS = 'u';
        static final int BINUNICODE = 'X';
        static final int BININT = 'J';
        static final int BINPERSID = 'Q';
        static final int NEWFALSE = 0x89;
        static final int STOP = '.';

        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Pickler op(int code) {
            bytes.write(code);
            return this;
        }

        Pickler global(String module, String name) {
            op(GLOBAL);
            bytes.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
            return this;
        }

        Pickler unicode(String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            op(BINUNICODE).int32(utf8.length);
            bytes.writeBytes(utf8);
            return this;
        }

        Pickler integer(int v) {
            return op(BININT).int32(v);
        }

        Pickler intTuple(int[] values) {
            op(MARK);
            for (int v : values) {
                integer(v);
            }
            return op(TUPLE);
        }

        private Pickler int32(int v) {
            bytes.write(v & 0xff);
            bytes.write((v >>> 8) & 0xff);
            bytes.write((v >>> 16) & 0xff);
            bytes.write((v >>> 24) & 0xff);
            return this;
        }
    }
}
