package org.dnw.engine.scratch;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.dnw.train.ParameterValues;

/**
 * The from-scratch engine's model file, {@value #FILE_NAME}: an {@code .npz} archive (a zip of
 * NumPy {@code .npy} float32 arrays, stored uncompressed, as {@code numpy.savez} writes), one entry
 * {@code <name>.npy} per parameter in layer order, weights in DJL's {@code (units, inputs)} layout.
 * Python reads it with {@code numpy.load(path)}. Its {@code .params} suffix makes the run store
 * list it as the run's model file. Stateless and thread-safe.
 *
 * <p>This duplicates a little of {@code org.dnw.store.NpyWriter} on purpose: {@code train} may not
 * import {@code store}, and the engine must save its model before it reports the run finished.
 */
public final class ParamsArchive {

    /** The file name inside a run's artifacts folder. */
    public static final String FILE_NAME = "scratch.params";

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(\\w+)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

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

    /** Writes the archive to {@code out} (left open). */
    static void writeTo(OutputStream out, List<ParameterValues> parameters) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        for (ParameterValues p : parameters) {
            byte[] bytes = npy(p.shape(), p.values());
            ZipEntry entry = new ZipEntry(p.name() + ".npy");
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
        StringBuilder dims = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            dims.append(shape[i])
                    .append(shape.length == 1 ? "," : i < shape.length - 1 ? ", " : "");
        }
        dims.append(')');
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': " + dims + ", }";
        int unpadded = MAGIC.length + 4 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 4 + header.length() + 4 * values.length);
        b.order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.US_ASCII));
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    static ParameterValues parse(byte[] bytes, Path file, String name) throws IOException {
        String where = file.getFileName() + ": entry " + name + ".npy ";
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10) {
            throw new IOException(where + "is truncated");
        }
        for (byte m : MAGIC) {
            if (b.get() != m) {
                throw new IOException(where + "is not a .npy array");
            }
        }
        int major = b.get();
        b.get();
        int headerLength = major == 1 ? Short.toUnsignedInt(b.getShort()) : b.getInt();
        if (headerLength < 0 || b.position() + headerLength > bytes.length) {
            throw new IOException(where + "is truncated inside its header");
        }
        String header = new String(bytes, b.position(), headerLength, StandardCharsets.ISO_8859_1);
        b.position(b.position() + headerLength);
        Matcher descr = DESCR.matcher(header);
        Matcher fortran = FORTRAN.matcher(header);
        Matcher shapeText = SHAPE.matcher(header);
        if (!descr.find() || !fortran.find() || !shapeText.find()) {
            throw new IOException(where + "has an unreadable header");
        }
        if (!descr.group(1).equals("<f4")) {
            throw new IOException(where + "holds '" + descr.group(1) + "', not float32 ('<f4')");
        }
        if (!fortran.group(1).equals("False")) {
            throw new IOException(where + "is in Fortran order");
        }
        List<Integer> dims = new ArrayList<>();
        long count = 1;
        for (String part : shapeText.group(1).split(",")) {
            if (!part.isBlank()) {
                int d = Integer.parseInt(part.trim());
                dims.add(d);
                count *= d;
            }
        }
        if (count * 4 != bytes.length - b.position()) {
            throw new IOException(
                    where
                            + "holds "
                            + (bytes.length - b.position())
                            + " data bytes for "
                            + count
                            + " floats");
        }
        float[] values = new float[(int) count];
        b.asFloatBuffer().get(values);
        return new ParameterValues(
                name, dims.stream().mapToInt(Integer::intValue).toArray(), values);
    }
}
