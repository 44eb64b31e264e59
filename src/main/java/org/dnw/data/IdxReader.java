package org.dnw.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads IDX files (MNIST, Fashion-MNIST), raw or gzip-compressed: an image file (magic 0x00000803,
 * count, rows, columns, then unsigned bytes) and a label file (magic 0x00000801, count, then one
 * byte per label). Stateless and thread-safe.
 */
public final class IdxReader {

    private static final int IMAGE_MAGIC = 0x00000803;
    private static final int LABEL_MAGIC = 0x00000801;
    private static final int IMAGE_HEADER_BYTES = 16;

    /** Deflate never packs more than about 1032 bytes into one; anything beyond is a lie. */
    private static final long MAX_DEFLATE_RATIO = 1100;

    private static final int CHUNK = 1 << 20;

    private IdxReader() {}

    /**
     * Reads an image file and its label file into grey images (1 × rows × columns).
     *
     * @param classNames names of the classes; every label must be below its size
     * @throws DataFormatException naming the file when a magic number, count, size or label is
     *     wrong, or the file is truncated or unreadable
     */
    public static ImageSamples read(Path images, Path labels, List<String> classNames)
            throws DataFormatException {
        return read(images, labels, classNames, ProgressListener.NONE);
    }

    /** As {@link #read(Path, Path, List)}, reporting the images read so far to {@code progress}. */
    public static ImageSamples read(
            Path images, Path labels, List<String> classNames, ProgressListener progress)
            throws DataFormatException {
        int[] labelValues = readLabels(labels);
        for (int i = 0; i < labelValues.length; i++) {
            if (labelValues[i] >= classNames.size()) {
                throw new DataFormatException(
                        labels,
                        "label "
                                + labelValues[i]
                                + " at position "
                                + i
                                + " is outside the "
                                + classNames.size()
                                + " classes (0 to "
                                + (classNames.size() - 1)
                                + ")");
            }
        }
        String stage = "Reading " + images.getFileName();
        try (Opened opened = open(images)) {
            DataInputStream in = opened.in;
            int magic = readHeaderInt(in, images);
            if (magic != IMAGE_MAGIC) {
                throw new DataFormatException(
                        images,
                        String.format(
                                "not an IDX image file (magic number 0x%08X, expected 0x%08X)",
                                magic, IMAGE_MAGIC));
            }
            int count = readHeaderInt(in, images);
            int rows = readHeaderInt(in, images);
            int cols = readHeaderInt(in, images);
            long expected = (long) count * rows * cols;
            if (count < 0 || rows <= 0 || cols <= 0 || expected > ReadSupport.MAX_ARRAY) {
                throw new DataFormatException(
                        images, "impossible header: " + count + " images of " + rows + "×" + cols);
            }
            if (count != labelValues.length) {
                throw new DataFormatException(
                        images,
                        "holds "
                                + count
                                + " images but "
                                + labels.getFileName()
                                + " holds "
                                + labelValues.length
                                + " labels");
            }
            if (count == 0) {
                throw new DataFormatException(images, "holds no images");
            }
            int imageBytes = rows * cols;
            if (!opened.gzip && opened.size < IMAGE_HEADER_BYTES + expected) {
                throw truncated(
                        images, count, rows, cols, (opened.size - IMAGE_HEADER_BYTES) / imageBytes);
            }
            if (opened.gzip && expected > opened.size * MAX_DEFLATE_RATIO + CHUNK) {
                throw new DataFormatException(
                        images,
                        "impossible header: "
                                + count
                                + " images of "
                                + rows
                                + "×"
                                + cols
                                + " cannot fit in a compressed file of "
                                + opened.size
                                + " bytes");
            }
            byte[] pixels = ReadSupport.bytes(expected, images, "the images");
            int read = 0;
            progress.progress(stage, 0, count);
            while (read < pixels.length) {
                int n = in.readNBytes(pixels, read, Math.min(CHUNK, pixels.length - read));
                if (n <= 0) {
                    throw truncated(images, count, rows, cols, read / imageBytes);
                }
                read += n;
                progress.progress(stage, read / imageBytes, count);
            }
            return new ImageSamples(1, rows, cols, pixels, labelValues, classNames);
        } catch (EOFException e) {
            throw new DataFormatException(
                    images, "ends too early: the compressed file is truncated", e);
        } catch (IOException e) {
            throw ReadSupport.unreadable(images, e);
        }
    }

    /**
     * Reads a label file; each label is an unsigned byte (0–255).
     *
     * @throws DataFormatException naming the file when the magic number or count is wrong, or it is
     *     truncated or unreadable
     */
    public static int[] readLabels(Path labels) throws DataFormatException {
        try (Opened opened = open(labels)) {
            DataInputStream in = opened.in;
            int magic = readHeaderInt(in, labels);
            if (magic != LABEL_MAGIC) {
                throw new DataFormatException(
                        labels,
                        String.format(
                                "not an IDX label file (magic number 0x%08X, expected 0x%08X)",
                                magic, LABEL_MAGIC));
            }
            int count = readHeaderInt(in, labels);
            if (count < 0) {
                throw new DataFormatException(labels, "impossible label count " + count);
            }
            // readNBytes(int) grows its buffer as data arrives, so a lying count cannot exhaust
            // the heap before the file runs out.
            byte[] raw = in.readNBytes(count);
            if (raw.length < count) {
                throw new DataFormatException(
                        labels,
                        "truncated — the header announces "
                                + count
                                + " labels but the file holds "
                                + raw.length);
            }
            int[] out = new int[count];
            for (int i = 0; i < count; i++) {
                out[i] = raw[i] & 0xFF;
            }
            return out;
        } catch (EOFException e) {
            throw new DataFormatException(
                    labels, "ends too early: the compressed file is truncated", e);
        } catch (IOException e) {
            throw ReadSupport.unreadable(labels, e);
        }
    }

    /** True when {@code file} starts like an IDX file (raw or gzip), judged by its first bytes. */
    static boolean looksLikeIdx(Path file) {
        try (Opened opened = open(file)) {
            int magic = opened.in.readInt();
            return magic == IMAGE_MAGIC || magic == LABEL_MAGIC;
        } catch (IOException | DataFormatException e) {
            return false;
        }
    }

    private static DataFormatException truncated(
            Path images, int count, int rows, int cols, long present) {
        return new DataFormatException(
                images,
                "truncated — the header announces "
                        + count
                        + " images of "
                        + rows
                        + "×"
                        + cols
                        + " but the file ends after "
                        + Math.max(0, present)
                        + " of them");
    }

    private static int readHeaderInt(DataInputStream in, Path file)
            throws IOException, DataFormatException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw new DataFormatException(file, "truncated — the file ends inside its header", e);
        }
    }

    private record Opened(DataInputStream in, boolean gzip, long size) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static Opened open(Path file) throws IOException, DataFormatException {
        if (!Files.isRegularFile(file)) {
            throw new DataFormatException(file, "not found at " + file.toAbsolutePath());
        }
        long size = Files.size(file);
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        boolean gzip = b0 == 0x1f && b1 == 0x8b;
        if (gzip) {
            try {
                raw = new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
            } catch (IOException e) {
                raw.close();
                throw new DataFormatException(
                        file, "is not a valid gzip file (" + e.getMessage() + ")", e);
            }
        }
        return new Opened(new DataInputStream(raw), gzip, size);
    }
}
